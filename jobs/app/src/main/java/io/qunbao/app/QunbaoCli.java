package io.qunbao.app;

import io.qunbao.common.ExitCode;
import io.qunbao.common.QunbaoException;
import io.qunbao.common.config.ConfigException;
import io.qunbao.common.config.ConfigLoader;
import io.qunbao.common.config.QunbaoConfig;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code scripts/qunbao}: the command line for people and cron. */
@Command(
    name = "qunbao",
    mixinStandardHelpOptions = true,
    version = "qunbao 0.1.0",
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
        "Qunbao (群报): lands a day's WeChat/WeCom chat, order, scan, group and staff exports as Parquet,",
        "computes community-operations metrics and renders the daily report.",
        "",
        "Settings come from built-in defaults (inbox work/inbox, warehouse work/warehouse, time zone",
        "Asia/Shanghai, ...) with --config laid over them; README.md, \"Configuration\", lists every key."},
    subcommands = {GenerateCommand.class, IngestCommand.class, CommandLine.HelpCommand.class},
    footerHeading = "%nExit codes:%n",
    footer = {
        "  0  success",
        "  1  the run failed (see the log); rerun the same date to resume",
        "  2  bad usage or configuration: fix the command line or the config file",
        "  3  a data-quality gate failed; nothing was published for the failing step",
        "  4  another run holds the lock; nothing was done",
        "  5  no exports at all for the date",
        "",
        "Examples:",
        "  scripts/qunbao generate                      sample inbox under work/inbox",
        "  scripts/qunbao ingest --date 2026-10-01      land that day's exports",
        "  scripts/qunbao --config prod.yml ingest --date 2026-10-01 --force"})
public final class QunbaoCli implements Runnable {
  private static final Logger log = LoggerFactory.getLogger(QunbaoCli.class);

  @Option(names = "--config", paramLabel = "FILE", description = "YAML file of settings laid over the built-in defaults")
  private Path configFile;

  @CommandLine.Spec
  private CommandLine.Model.CommandSpec spec;

  /** The configuration every subcommand uses; a bad file fails here with a one-line message. */
  QunbaoConfig config() {
    return new ConfigLoader().load(configFile);
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "name a command: "
        + spec.subcommands().keySet().stream().filter(n -> !n.equals("help")).collect(Collectors.joining(", ")));
  }

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs the command line and returns its exit code (tests call this in-process). */
  public static int execute(String... args) {
    CommandLine cli = new CommandLine(new QunbaoCli());
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      if (e instanceof QunbaoException expected) {
        return fail(commandLine, expected.getMessage(), expected.exitCode());
      }
      if (e instanceof ConfigException bad) {
        return fail(commandLine, bad.getMessage(), ExitCode.USAGE);
      }
      log.error("qunbao {} failed unexpectedly", String.join(" ", Arrays.asList(args)), e);
      return fail(commandLine, e.toString(), ExitCode.FAILED);
    });
    return cli.execute(args);
  }

  private static int fail(CommandLine commandLine, String message, ExitCode code) {
    String line = message.lines().findFirst().orElse("");
    log.error(line);
    commandLine.getErr().println("qunbao: " + line);
    return code.code();
  }
}
