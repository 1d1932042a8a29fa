package io.qunbao.app;

import io.qunbao.app.batch.IngestJobConfiguration;
import io.qunbao.common.ExitCode;
import io.qunbao.common.QunbaoException;
import io.qunbao.common.config.QunbaoConfig;
import io.qunbao.common.storage.Storage;
import io.qunbao.ingest.Sources;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "ingest",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
        "Land the exports of one export date: reads <inbox>/<source>/<date>/ for chat, orders, scans, "
            + "groups and staff; writes raw/<source>/export_date=<date>/ (Parquet) and the bad rows to "
            + "rejects/<source>/export_date=<date>/ in the warehouse.",
        "A source whose rejects exceed ingest.reject-share-limit publishes nothing and the command exits 3. "
            + "A date already ingested is not done again unless --force; a run that was killed resumes "
            + "where it stopped."})
final class IngestCommand implements Callable<Integer> {
  @ParentCommand
  private QunbaoCli cli;

  @Mixin
  private BatchRunOptions run;

  @Override
  public Integer call() {
    return run.run(cli.config(), IngestJobConfiguration.class, IngestJobConfiguration.JOB_NAME).code();
  }

  /** A missing inbox is a setup mistake; an inbox without any export of the date is reported as such. */
  static void checkExportsExist(QunbaoConfig config, LocalDate date) {
    Path inbox = Storage.resolve(config.inbox());
    FileSystem fs = new Storage(config).fileSystem(inbox);
    try {
      if (!fs.exists(inbox)) {
        throw new QunbaoException(ExitCode.USAGE, "inbox " + inbox + " does not exist: set 'inbox' in the --config file"
            + " or run 'qunbao generate' for sample data");
      }
      for (String source : Sources.NAMES) {
        if (fs.exists(new Path(inbox, source + "/" + date))) {
          return;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read inbox " + inbox, e);
    }
    throw new QunbaoException(ExitCode.NO_EXPORTS, "no exports for " + date + " in " + inbox
        + " (expected at least one of " + String.join(", ", Sources.NAMES) + "/" + date + "/)");
  }
}
