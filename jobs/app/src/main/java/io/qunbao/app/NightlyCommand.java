package io.qunbao.app;

import io.qunbao.app.batch.NightlyJobConfiguration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "nightly",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
        "The nightly job for run date D: land the late export folders dated before D (catchUp), ingest D's",
        "exports (steps ingestChat .. ingestStaff), republish every metric partition they change",
        "(publishMetrics), render D's report (renderReport), and send its digest to the chat robot of",
        "alerts.webhook-url when one is set (sendDigest).",
        "A night that failed resumes at its failed step when run again; a night that completed is not",
        "done again unless --force."})
final class NightlyCommand implements Callable<Integer> {
  @ParentCommand
  private QunbaoCli cli;

  @Mixin
  private BatchRunOptions run;

  /** A failed night alerts from scripts/qunbao-cron, which outlives this JVM (docs/production.md, "Alerts"). */
  @Override
  public Integer call() {
    return run.run(cli.config(), NightlyJobConfiguration.class, NightlyJobConfiguration.JOB_NAME).code();
  }
}
