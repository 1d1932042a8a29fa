package io.qunbao.ingest;

import java.time.LocalDate;
import org.apache.avro.specific.SpecificRecordBase;
import org.springframework.batch.core.StepContribution;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.repeat.RepeatStatus;

/**
 * The Spring Batch face of one source's ingest: streams the export of the job parameter
 * {@code exportDate} into staging and publishes it, in one go (so a step killed midway left nothing
 * published and is simply redone on restart), then records read / written / rejected (as read
 * skips) on the step execution.
 */
public final class IngestTasklet<T extends SpecificRecordBase> implements Tasklet {
  /**
   * The job parameter of the command line's {@code --date}: the run date R, whose exports a run lands
   * and whose metrics it publishes ({@code :run_date} in the SQL).
   */
  public static final String RUN_DATE = "runDate";

  private final SourceIngestion ingestion;
  private final SourceReader<T> reader;

  public IngestTasklet(SourceIngestion ingestion, SourceReader<T> reader) {
    this.ingestion = ingestion;
    this.reader = reader;
  }

  @Override
  public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
    StepExecution step = chunkContext.getStepContext().getStepExecution();
    LocalDate exportDate = step.getJobParameters().getLocalDate(RUN_DATE);
    if (exportDate == null) {
      throw new IllegalArgumentException("job parameter " + RUN_DATE + " (a LocalDate) is required");
    }
    IngestSummary summary = ingestion.ingest(reader, exportDate);
    step.setReadCount(summary.rowsRead());
    step.setWriteCount(summary.rowsWritten());
    step.setReadSkipCount(summary.rowsRejected());
    step.getExecutionContext().putString("summary", summary.logLine());
    StepOutputs.record(step.getExecutionContext(), ingestion.warehouse(), ingestion.partitionsOf(summary));
    return RepeatStatus.FINISHED;
  }
}
