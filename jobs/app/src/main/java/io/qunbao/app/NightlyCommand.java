package io.qunbao.app;

import io.qunbao.app.batch.BatchRunner;
import io.qunbao.app.batch.NightlyJobConfiguration;
import io.qunbao.common.ExitCode;
import io.qunbao.common.QunbaoException;
import io.qunbao.common.alert.WebhookAlerter;
import io.qunbao.common.config.QunbaoConfig;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "nightly",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
        "The nightly job for run date D: ingest D's exports (steps ingestChat .. ingestStaff), republish",
        "every metric partition they change (publishMetrics), render D's report (renderReport).",
        "A night that failed resumes at its failed step when run again; a night that completed is not",
        "done again unless --force."})
final class NightlyCommand implements Callable<Integer> {
  @ParentCommand
  private QunbaoCli cli;

  @Option(names = "--date", required = true, paramLabel = "YYYY-MM-DD", converter = DateConverter.class,
      description = "the run date: the export date to ingest; exports dated on or before it are read")
  private LocalDate date;

  @Option(names = "--force", description = "run the date again even if it completed, replacing its partitions")
  private boolean force;

  @Override
  public Integer call() {
    QunbaoConfig config = cli.config();
    try {
      IngestCommand.checkExportsExist(config, date);
      return new BatchRunner(config, NightlyJobConfiguration.class)
          .run(NightlyJobConfiguration.JOB_NAME, date, force).code();
    } catch (QunbaoException e) {
      // a night that did not publish is what the on-call person must hear about (alerts.webhook-url);
      // another run holding the lock is not a failure of this night
      if (e.exitCode() != ExitCode.LOCKED) {
        WebhookAlerter.fromConfig(config).ifPresent(alerter -> alerter.alert(date, e.exitCode(), e.getMessage()));
      }
      throw e;
    }
  }
}
