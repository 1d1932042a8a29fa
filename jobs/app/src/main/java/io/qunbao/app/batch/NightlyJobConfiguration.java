package io.qunbao.app.batch;

import io.qunbao.app.spark.MetricsRunner;
import io.qunbao.common.alert.WebhookAlerter;
import io.qunbao.common.config.QunbaoConfig;
import io.qunbao.common.storage.PartitionPublisher;
import io.qunbao.common.storage.Storage;
import io.qunbao.common.storage.Warehouse;
import io.qunbao.ingest.IngestTasklet;
import io.qunbao.ingest.StepOutputs;
import io.qunbao.metrics.TableSpec;
import io.qunbao.metrics.Scope;
import io.qunbao.reports.DailyReport;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.Step;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.repeat.RepeatStatus;
import org.springframework.batch.support.transaction.ResourcelessTransactionManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * Job {@code nightly} (parameter {@code exportDate} = the run date R): {@code catchUp} (the export
 * folders before R that the warehouse lacks, landed in date order), the five ingest steps of
 * {@link IngestJobConfiguration}, then {@code publishMetrics} (republishes the metric partitions
 * the new exports changed, spec "Runs, late data and recomputation"), then {@code renderReport}, then
 * {@code sendDigest} (the day's digest to the chat robot, when one is configured).
 * Each step is restartable: a rerun of a failed night skips the steps that completed.
 */
@Configuration(proxyBeanMethods = false)
@Import(IngestJobConfiguration.class)
public class NightlyJobConfiguration {
  public static final String JOB_NAME = "nightly";
  private static final Logger log = LoggerFactory.getLogger(NightlyJobConfiguration.class);

  @Bean
  public MetricsRunner metricsRunner(QunbaoConfig config) {
    return new MetricsRunner(config);
  }

  @Bean
  public Step publishMetrics(JobRepository repository, MetricsRunner metrics, QunbaoConfig config, Storage storage) {
    return new StepBuilder("publishMetrics", repository)
        .tasklet((contribution, chunk) -> {
          LocalDate date = runDate(chunk);
          metrics.run(date, Scope.NIGHTLY);
          // the run date's partitions, which a later run checks before it takes this night as done
          Warehouse warehouse = Warehouse.of(config);
          PartitionPublisher publisher = new PartitionPublisher(storage, warehouse);
          StepOutputs.record(chunk.getStepContext().getStepExecution().getExecutionContext(), warehouse,
              TableSpec.PUBLISHED_METRICS.stream().map(table -> warehouse.metrics(table, date))
                  .filter(publisher::isPublished).toList());
          return RepeatStatus.FINISHED;
        }, new ResourcelessTransactionManager())
        .build();
  }

  @Bean
  public Step renderReport(JobRepository repository, QunbaoConfig config) {
    return new StepBuilder("renderReport", repository)
        .tasklet((contribution, chunk) -> {
          LocalDate date = runDate(chunk);
          log.info("renderReport {}: {}", date, DailyReport.render(config, date));
          return RepeatStatus.FINISHED;
        }, new ResourcelessTransactionManager())
        .build();
  }

  /**
   * The night's digest to the chat robot of {@code alerts.webhook-url}, when one is set: the sign
   * that the night ran, with what its report says. A robot that cannot be reached is logged and
   * does not fail the night, which has published everything by now.
   */
  @Bean
  public Step sendDigest(JobRepository repository, QunbaoConfig config) {
    return new StepBuilder("sendDigest", repository)
        .tasklet((contribution, chunk) -> {
          LocalDate date = runDate(chunk);
          WebhookAlerter.fromConfig(config).ifPresentOrElse(
              robot -> DailyReport.digest(config, date).ifPresent(digest -> robot.send(digest, "daily digest of " + date)),
              () -> log.info("sendDigest {}: no alerts.webhook-url, no digest sent", date));
          return RepeatStatus.FINISHED;
        }, new ResourcelessTransactionManager())
        .build();
  }

  @Bean
  public Job nightlyJob(JobRepository repository, Step catchUp, Step ingestChat, Step ingestOrders, Step ingestScans,
      Step ingestGroups, Step ingestStaff, Step publishMetrics, Step renderReport, Step sendDigest) {
    return new JobBuilder(JOB_NAME, repository)
        .start(catchUp).next(ingestChat).next(ingestOrders).next(ingestScans).next(ingestGroups).next(ingestStaff)
        .next(publishMetrics).next(renderReport).next(sendDigest)
        .build();
  }

  private static LocalDate runDate(ChunkContext chunk) {
    return (LocalDate) chunk.getStepContext().getJobParameters().get(IngestTasklet.RUN_DATE);
  }
}
