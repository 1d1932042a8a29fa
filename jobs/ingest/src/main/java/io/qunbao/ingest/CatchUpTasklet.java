package io.qunbao.ingest;

import io.qunbao.common.config.QunbaoConfig;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.StepContribution;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.repeat.RepeatStatus;

/**
 * Step {@code catchUp}: lands the export folders dated before the run date that the warehouse lacks
 * ({@link InboxScan#lateExports}), in date order, each as its own ingest would. The metrics step after
 * it then reads them as new partitions and recomputes the days their rows change. Rerun after a
 * failure, it finds what is still missing: the folders it landed are up to date.
 */
public final class CatchUpTasklet implements Tasklet {
  /** The execution-context key of the late exports it landed, one per line (for the night's summary). */
  public static final String CAUGHT_UP = "caughtUp";
  private static final Logger log = LoggerFactory.getLogger(CatchUpTasklet.class);

  private final QunbaoConfig config;
  private final SourceIngestion ingestion;
  private final InboxScan inbox;

  public CatchUpTasklet(QunbaoConfig config, SourceIngestion ingestion, InboxScan inbox) {
    this.config = config;
    this.ingestion = ingestion;
    this.inbox = inbox;
  }

  @Override
  public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
    StepExecution step = chunkContext.getStepContext().getStepExecution();
    LocalDate runDate = step.getJobParameters().getLocalDate(IngestTasklet.RUN_DATE);
    List<InboxScan.LateExport> late = inbox.lateExports(runDate);
    if (late.isEmpty()) {
      log.info("catchUp {}: no late exports (every export folder before {} is landed)", runDate, runDate);
      return RepeatStatus.FINISHED;
    }
    log.info("catchUp {}: {} late export folder(s) to land: {}", runDate, late.size(), late);
    List<Path> published = new ArrayList<>();
    List<String> landed = new ArrayList<>();
    for (InboxScan.LateExport export : late) {
      IngestSummary summary = ingestion.ingest(Sources.reader(export.source(), config), export.exportDate());
      published.addAll(ingestion.partitionsOf(summary));
      landed.add(export.toString());
      step.setReadCount(step.getReadCount() + summary.rowsRead());
      step.setWriteCount(step.getWriteCount() + summary.rowsWritten());
      step.setReadSkipCount(step.getReadSkipCount() + summary.rowsRejected());
      log.info("catchUp {}: landed {}: {}", runDate, export, summary.logLine());
    }
    step.getExecutionContext().putString(CAUGHT_UP, String.join("\n", landed));
    StepOutputs.record(step.getExecutionContext(), ingestion.warehouse(), published);
    return RepeatStatus.FINISHED;
  }
}
