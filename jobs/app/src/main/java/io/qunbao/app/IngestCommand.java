package io.qunbao.app;

import io.qunbao.app.batch.BatchRunner;
import io.qunbao.app.batch.IngestJobConfiguration;
import io.qunbao.common.ExitCode;
import io.qunbao.common.QunbaoException;
import io.qunbao.common.config.QunbaoConfig;
import io.qunbao.common.storage.Storage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "ingest",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
        "Land the exports of one export date: reads <inbox>/<source>/<date>/ for chat, orders, scans,",
        "groups and staff, writes raw/<source>/export_date=<date>/ (Parquet) and the bad rows to",
        "rejects/<source>/export_date=<date>/ in the warehouse. A source whose rejects exceed",
        "ingest.reject-share-limit publishes nothing and the command exits 3.",
        "A date already ingested is not done again unless --force; a run that was killed resumes."})
final class IngestCommand implements Callable<Integer> {
  static final List<String> SOURCES = List.of("chat", "orders", "scans", "groups", "staff");

  @ParentCommand
  private QunbaoCli cli;

  @Option(names = "--date", required = true, paramLabel = "YYYY-MM-DD", converter = DateConverter.class,
      description = "the export date to ingest")
  private LocalDate date;

  @Option(names = "--force", description = "ingest the date again even if it was done, replacing its partitions")
  private boolean force;

  @Override
  public Integer call() {
    QunbaoConfig config = cli.config();
    checkExportsExist(config, date);
    return new BatchRunner(config, IngestJobConfiguration.class)
        .run(IngestJobConfiguration.JOB_NAME, date, force).code();
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
      for (String source : SOURCES) {
        if (fs.exists(new Path(inbox, source + "/" + date))) {
          return;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read inbox " + inbox, e);
    }
    throw new QunbaoException(ExitCode.NO_EXPORTS, "no exports for " + date + " in " + inbox
        + " (expected at least one of " + String.join(", ", SOURCES) + "/" + date + "/)");
  }
}
