package io.qunbao.app;

import io.qunbao.app.batch.BatchRunner;
import io.qunbao.common.ExitCode;
import io.qunbao.common.config.QunbaoConfig;
import io.qunbao.common.storage.Storage;
import io.qunbao.common.storage.StorageChecks;
import io.qunbao.ingest.InboxScan;
import io.qunbao.ingest.SourceIngestion;
import java.time.LocalDate;
import picocli.CommandLine.Option;

/** The options of a batch job run for one export date (ingest, nightly), and how such a run starts. */
final class BatchRunOptions {
  @Option(names = "--date", required = true, paramLabel = "YYYY-MM-DD", converter = DateConverter.class,
      description = "the export date: <inbox>/<source>/<date>/ is ingested; exports dated on or before it are read")
  LocalDate date;

  @Option(names = "--force", description = "run the date again even if it completed, replacing its partitions")
  boolean force;

  /**
   * Runs {@code jobName} of {@code jobConfiguration} for the date, after the checks that need no work:
   * the folders it reads and writes, the inbox's date folders, the date's exports.
   */
  ExitCode run(QunbaoConfig config, Class<?> jobConfiguration, String jobName) {
    checkBeforeWork(config, jobName.equals("nightly"));
    IngestCommand.checkExportsExist(config, date);
    return new BatchRunner(config, jobConfiguration).run(jobName, date, force);
  }

  /**
   * Permission and path problems fail here with the path and the system's words (exit 2), not halfway
   * through a step; a date folder no run would read fails here too.
   */
  static void checkBeforeWork(QunbaoConfig config, boolean writesReports) {
    Storage storage = new Storage(config);
    StorageChecks checks = new StorageChecks(storage);
    checks.checkWritable("work-dir", config.workDir());
    checks.checkReadable("inbox", config.inbox());
    checks.checkWritable("warehouse", config.warehouse());
    if (writesReports) {
      checks.checkWritable("reports", config.reports());
    }
    new InboxScan(config, storage, new SourceIngestion(config, storage)).checkDateFolders();
  }
}
