package io.qunbao.app;

import io.qunbao.app.batch.BatchRunner;
import io.qunbao.common.ExitCode;
import io.qunbao.common.config.QunbaoConfig;
import java.time.LocalDate;
import picocli.CommandLine.Option;

/** The options of a batch job run for one export date (ingest, nightly), and how such a run starts. */
final class BatchRunOptions {
  @Option(names = "--date", required = true, paramLabel = "YYYY-MM-DD", converter = DateConverter.class,
      description = "the export date: <inbox>/<source>/<date>/ is ingested; exports dated on or before it are read")
  LocalDate date;

  @Option(names = "--force", description = "run the date again even if it completed, replacing its partitions")
  boolean force;

  /** Runs {@code jobName} of {@code jobConfiguration} for the date, after checking its exports exist. */
  ExitCode run(QunbaoConfig config, Class<?> jobConfiguration, String jobName) {
    IngestCommand.checkExportsExist(config, date);
    return new BatchRunner(config, jobConfiguration).run(jobName, date, force);
  }
}
