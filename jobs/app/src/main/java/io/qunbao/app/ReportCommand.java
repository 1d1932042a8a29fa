package io.qunbao.app;

import io.qunbao.common.ExitCode;
import io.qunbao.reports.DailyReport;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = {
        "Render the daily report of D from the published metric tables: <reports>/D/index.html with its",
        "charts, <reports>/D/report.pdf, and <reports>/index.html listing every day. Prints the page's path."})
final class ReportCommand implements Callable<Integer> {
  @ParentCommand
  private QunbaoCli cli;

  @Option(names = "--date", required = true, paramLabel = "YYYY-MM-DD", converter = DateConverter.class,
      description = "the day to report")
  private LocalDate date;

  @Override
  public Integer call() {
    System.out.println(DailyReport.render(cli.config(), date));
    return ExitCode.OK.code();
  }
}
