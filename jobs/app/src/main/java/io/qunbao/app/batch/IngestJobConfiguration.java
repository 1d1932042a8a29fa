package io.qunbao.app.batch;

import io.qunbao.common.config.QunbaoConfig;
import io.qunbao.common.storage.Storage;
import io.qunbao.ingest.IngestTasklet;
import io.qunbao.ingest.SourceIngestion;
import io.qunbao.ingest.SourceReader;
import io.qunbao.ingest.chat.ChatSource;
import io.qunbao.ingest.groups.GroupsSource;
import io.qunbao.ingest.orders.OrdersSource;
import io.qunbao.ingest.parse.Timestamps;
import io.qunbao.ingest.scans.ScansSource;
import io.qunbao.ingest.staff.StaffSource;
import org.apache.avro.specific.SpecificRecordBase;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.Step;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.support.transaction.ResourcelessTransactionManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Job {@code ingest} (parameter {@code exportDate}, a LocalDate): one step per source, each landing
 * {@code <inbox>/<source>/<exportDate>/} as {@code raw/<source>/export_date=<exportDate>/}. The step
 * beans are reused by the nightly job.
 */
@Configuration(proxyBeanMethods = false)
public class IngestJobConfiguration {
  public static final String JOB_NAME = "ingest";

  @Bean
  public Storage storage(QunbaoConfig config) {
    return new Storage(config);
  }

  @Bean
  public SourceIngestion sourceIngestion(QunbaoConfig config, Storage storage) {
    return new SourceIngestion(config, storage);
  }

  @Bean
  public Timestamps timestamps(QunbaoConfig config) {
    return new Timestamps(config.zone());
  }

  @Bean
  public Step ingestChat(JobRepository repository, SourceIngestion ingestion, Timestamps timestamps, QunbaoConfig config) {
    return step(repository, ingestion, new ChatSource(timestamps, config.ingest().keepMessageText()));
  }

  @Bean
  public Step ingestOrders(JobRepository repository, SourceIngestion ingestion, Timestamps timestamps, QunbaoConfig config) {
    return step(repository, ingestion, new OrdersSource(config.ingest().encodings().get("orders"), timestamps));
  }

  @Bean
  public Step ingestScans(JobRepository repository, SourceIngestion ingestion, Timestamps timestamps, QunbaoConfig config) {
    return step(repository, ingestion, new ScansSource(config.ingest().encodings().get("scans"), timestamps));
  }

  @Bean
  public Step ingestGroups(JobRepository repository, SourceIngestion ingestion, Timestamps timestamps, QunbaoConfig config) {
    return step(repository, ingestion, new GroupsSource(config.ingest().encodings().get("groups"), timestamps));
  }

  @Bean
  public Step ingestStaff(JobRepository repository, SourceIngestion ingestion, Timestamps timestamps, QunbaoConfig config) {
    return step(repository, ingestion, new StaffSource(config.ingest().encodings().get("staff"), timestamps));
  }

  @Bean
  public Job ingestJob(JobRepository repository, Step ingestChat, Step ingestOrders, Step ingestScans,
      Step ingestGroups, Step ingestStaff) {
    return new JobBuilder(JOB_NAME, repository)
        .start(ingestChat).next(ingestOrders).next(ingestScans).next(ingestGroups).next(ingestStaff)
        .build();
  }

  /**
   * The tasklet touches no database, so its transaction is resourceless: a step that streams for
   * minutes holds no repository transaction open.
   */
  private static <T extends SpecificRecordBase> Step step(JobRepository repository, SourceIngestion ingestion,
      SourceReader<T> reader) {
    return new StepBuilder(io.qunbao.ingest.IngestSummary.stepName(reader.source()), repository)
        .tasklet(new IngestTasklet<>(ingestion, reader), new ResourcelessTransactionManager())
        .build();
  }
}
