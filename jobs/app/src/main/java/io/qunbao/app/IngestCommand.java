package io.qunbao.app;

import io.qunbao.app.batch.BatchRunner;
import io.qunbao.app.batch.IngestJobConfiguration;
import io.qunbao.common.ExitCode;
import io.qunbao.common.QunbaoException;
import io.qunbao.common.Source;
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
import picocli.CommandLine.Option;
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
            + "where it stopped. --catch-up first lands the late export folders dated before the date."})
final class IngestCommand implements Callable<Integer> {
  @ParentCommand
  private QunbaoCli cli;

  @Mixin
  private BatchRunOptions run;

  @Option(names = "--catch-up", description = "first land the export folders dated before --date that the warehouse "
      + "lacks (never ingested, or with files added since), in date order, as the nightly job does")
  private boolean catchUp;

  @Override
  public Integer call() {
    QunbaoConfig config = cli.config();
    if (catchUp) {
      BatchRunOptions.checkBeforeWork(config, false);
      // always a new run: what is late is found anew each time, and a folder landed is not landed twice
      new BatchRunner(config, IngestJobConfiguration.class).run(IngestJobConfiguration.CATCH_UP_JOB_NAME, run.date, true);
    }
    return run.run(config, IngestJobConfiguration.class, IngestJobConfiguration.JOB_NAME).code();
  }

  /** An inbox without any export of the date is reported as such. */
  static void checkExportsExist(QunbaoConfig config, LocalDate date) {
    Path inbox = Storage.resolve(config.inbox());
    FileSystem fs = new Storage(config).fileSystem(inbox);
    try {
      for (String source : Source.ids()) {
        if (fs.exists(new Path(inbox, source + "/" + date))) {
          return;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read inbox " + inbox, e);
    }
    throw new QunbaoException(ExitCode.NO_EXPORTS, "no exports for " + date + " in " + inbox
        + " (expected at least one of " + String.join(", ", Source.ids()) + "/" + date + "/)");
  }
}
