package io.qunbao.app;

import io.qunbao.app.batch.NightlyJobConfiguration;
import io.qunbao.common.ExitCode;
import io.qunbao.common.QunbaoException;
import io.qunbao.common.alert.WebhookAlerter;
import io.qunbao.common.config.QunbaoConfig;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "nightly",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
        "The nightly job for run date D: ingest D's exports (steps ingestChat .. ingestStaff), republish",
        "every metric partition they change (publishMetrics), render D's report (renderReport), and send",
        "its digest to the chat robot of alerts.webhook-url when one is set (sendDigest).",
        "A night that failed resumes at its failed step when run again; a night that completed is not",
        "done again unless --force."})
final class NightlyCommand implements Callable<Integer> {
  @ParentCommand
  private QunbaoCli cli;

  @Mixin
  private BatchRunOptions run;

  @Override
  public Integer call() {
    QunbaoConfig config = cli.config();
    try {
      return run.run(config, NightlyJobConfiguration.class, NightlyJobConfiguration.JOB_NAME).code();
    } catch (QunbaoException e) {
      // a night that did not publish is what the on-call person must hear about (alerts.webhook-url);
      // another run holding the lock is not a failure of this night
      if (e.exitCode() != ExitCode.LOCKED) {
        WebhookAlerter.fromConfig(config).ifPresent(alerter -> alerter.alert(run.date, e.exitCode(), e.getMessage()));
      }
      throw e;
    }
  }
}
