package io.qunbao.app;

import io.qunbao.app.spark.MetricsRunner;
import io.qunbao.common.ExitCode;
import io.qunbao.common.QunbaoException;
import io.qunbao.metrics.Scope;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "backfill",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
        "Recompute and republish the metric partitions of a range of days (--from D1 --to D2), or of every",
        "published day (--full --to R), from the landed exports dated on or before the last day.",
        "Changed values of already published days are recorded in metrics/revisions."})
final class BackfillCommand implements Callable<Integer> {
  @ParentCommand
  private QunbaoCli cli;

  @ArgGroup(exclusive = true, multiplicity = "1")
  private Range range;

  static final class Range {
    @Option(names = "--from", paramLabel = "YYYY-MM-DD", converter = DateConverter.class,
        description = "first day to republish")
    LocalDate from;

    @Option(names = "--full", description = "republish every published day")
    boolean full;
  }

  @Option(names = "--to", required = true, paramLabel = "YYYY-MM-DD", converter = DateConverter.class,
      description = "the run date: last day to republish; exports dated on or before it are read")
  private LocalDate to;

  @Override
  public Integer call() {
    if (range.from != null && range.from.isAfter(to)) {
      throw new QunbaoException(ExitCode.USAGE, "--from " + range.from + " is after --to " + to);
    }
    Scope scope = range.full ? Scope.FULL : Scope.range(range.from, to);
    new MetricsRunner(cli.config()).run(to, scope);
    return ExitCode.OK.code();
  }
}
