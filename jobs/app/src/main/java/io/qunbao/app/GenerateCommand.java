package io.qunbao.app;

import io.qunbao.common.config.QunbaoConfig;
import io.qunbao.generator.GenerationSummary;
import io.qunbao.generator.GeneratorOptions;
import io.qunbao.generator.InboxGenerator;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
        "Write a realistic sample inbox (chat, orders, scans, groups, staff exports, with late, repeated and",
        "bad rows) into the configured inbox, or --inbox. The same options give the same files.",
        "The bad rows it wrote are listed in <inbox>/_generator/expected_rejects.csv."})
final class GenerateCommand implements Callable<Integer> {
  private static final Logger log = LoggerFactory.getLogger(GenerateCommand.class);

  @ParentCommand
  private QunbaoCli cli;

  @Option(names = "--inbox", paramLabel = "DIR", description = "folder to write (default: the config's inbox)")
  private Path inbox;

  @Option(names = "--seed", description = "seed of every random choice (default: ${DEFAULT-VALUE})")
  private long seed = GeneratorOptions.DEFAULT_SEED;

  @Option(names = "--start-date", paramLabel = "YYYY-MM-DD", converter = DateConverter.class,
      description = "first export date (default: ${DEFAULT-VALUE})")
  private LocalDate startDate = GeneratorOptions.DEFAULT_START_DATE;

  @Option(names = "--days", description = "number of export dates (default: ${DEFAULT-VALUE})")
  private int days = GeneratorOptions.DEFAULT_DAYS;

  @Option(names = "--groups", description = "about how many groups (default: ${DEFAULT-VALUE})")
  private int groups = GeneratorOptions.DEFAULT_GROUPS;

  @Option(names = "--messages-per-group-per-day", paramLabel = "N",
      description = "customer messages of a busy 150-member group per day: the scale knob (default: ${DEFAULT-VALUE})")
  private double messagesPerGroupPerDay = GeneratorOptions.DEFAULT_MESSAGES_PER_GROUP_PER_DAY;

  @Override
  public Integer call() {
    QunbaoConfig config = cli.config();
    Path target = inbox != null ? inbox : Path.of(config.inbox());
    GenerationSummary summary = new InboxGenerator(new GeneratorOptions(seed, startDate, days, groups,
        messagesPerGroupPerDay, config.zone(), target)).generate();
    log.info("generated {} days from {} into {}: {} rows ({} bad), {} groups, {} customers, {} s", days, startDate,
        target, summary.totalRows(), summary.totalBadRows(), summary.groups(), summary.customers(),
        summary.elapsed().toSeconds());
    return io.qunbao.common.ExitCode.OK.code();
  }
}
