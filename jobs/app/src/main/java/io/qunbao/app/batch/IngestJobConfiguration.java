package io.qunbao.app.batch;

import io.qunbao.common.Source;
import io.qunbao.common.config.QunbaoConfig;
import io.qunbao.common.storage.Storage;
import io.qunbao.ingest.CatchUpTasklet;
import io.qunbao.ingest.InboxScan;
import io.qunbao.ingest.IngestTasklet;
import io.qunbao.ingest.SourceIngestion;
import io.qunbao.ingest.SourceReader;
import io.qunbao.ingest.Sources;
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
 * {@code <inbox>/<source>/<exportDate>/} as {@code raw/<source>/export_date=<exportDate>/}; job
 * {@code catchUp}: step {@code catchUp}, the export folders before the date the warehouse lacks. The
 * step beans are reused by the nightly job.
 */
@Configuration(proxyBeanMethods = false)
public class IngestJobConfiguration {
  public static final String JOB_NAME = "ingest";
  /** Job {@code catchUp}: only the late exports before the date ({@code ingest --catch-up}). */
  public static final String CATCH_UP_JOB_NAME = "catchUp";

  @Bean
  public Storage storage(QunbaoConfig config) {
    return new Storage(config);
  }

  @Bean
  public SourceIngestion sourceIngestion(QunbaoConfig config, Storage storage) {
    return new SourceIngestion(config, storage);
  }

  @Bean
  public InboxScan inboxScan(QunbaoConfig config, Storage storage, SourceIngestion ingestion) {
    return new InboxScan(config, storage, ingestion);
  }

  @Bean
  public Step catchUp(JobRepository repository, QunbaoConfig config, SourceIngestion ingestion, InboxScan inboxScan) {
    return new StepBuilder("catchUp", repository)
        .tasklet(new CatchUpTasklet(config, ingestion, inboxScan), new ResourcelessTransactionManager())
        .build();
  }

  @Bean
  public Job catchUpJob(JobRepository repository, Step catchUp) {
    return new JobBuilder(CATCH_UP_JOB_NAME, repository).start(catchUp).build();
  }

  @Bean
  public Step ingestChat(JobRepository repository, SourceIngestion ingestion, QunbaoConfig config) {
    return step(repository, ingestion, Sources.reader(Source.CHAT, config));
  }

  @Bean
  public Step ingestOrders(JobRepository repository, SourceIngestion ingestion, QunbaoConfig config) {
    return step(repository, ingestion, Sources.reader(Source.ORDERS, config));
  }

  @Bean
  public Step ingestScans(JobRepository repository, SourceIngestion ingestion, QunbaoConfig config) {
    return step(repository, ingestion, Sources.reader(Source.SCANS, config));
  }

  @Bean
  public Step ingestGroups(JobRepository repository, SourceIngestion ingestion, QunbaoConfig config) {
    return step(repository, ingestion, Sources.reader(Source.GROUPS, config));
  }

  @Bean
  public Step ingestStaff(JobRepository repository, SourceIngestion ingestion, QunbaoConfig config) {
    return step(repository, ingestion, Sources.reader(Source.STAFF, config));
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
