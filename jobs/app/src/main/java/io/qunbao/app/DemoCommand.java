package io.qunbao.app;

import io.qunbao.app.batch.BatchRunner;
import io.qunbao.app.batch.IngestJobConfiguration;
import io.qunbao.app.batch.NightlyJobConfiguration;
import io.qunbao.app.spark.MetricsRunner;
import io.qunbao.common.ExitCode;
import io.qunbao.common.config.QunbaoConfig;
import io.qunbao.common.storage.Storage;
import io.qunbao.common.storage.Warehouse;
import io.qunbao.generator.GeneratorOptions;
import io.qunbao.generator.InboxGenerator;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Row;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
        "Everything on sample data, with the built-in defaults: generates a sample inbox (14 days), ingests",
        "the days before the last --nights, runs the nightly job for each of those nights one by one, as cron",
        "does (so later nights restate what earlier ones published, and the report shows it), and prints",
        "where the tables are, one line of headline numbers per group type, and the report's path."})
final class DemoCommand implements Callable<Integer> {
  @ParentCommand
  private QunbaoCli cli;

  @Spec
  private CommandSpec spec;

  @Option(names = "--days", description = "days of sample data (default: ${DEFAULT-VALUE})")
  private int days = GeneratorOptions.DEFAULT_DAYS;

  @Option(names = "--nights", description = "the last N days run as separate nights (default: ${DEFAULT-VALUE})")
  private int nights = 3;

  @Override
  public Integer call() {
    QunbaoConfig config = cli.config();
    GeneratorOptions options = new GeneratorOptions(GeneratorOptions.DEFAULT_SEED, GeneratorOptions.DEFAULT_START_DATE,
        days, GeneratorOptions.DEFAULT_GROUPS, GeneratorOptions.DEFAULT_MESSAGES_PER_GROUP_PER_DAY, config.zone(),
        Path.of(config.inbox()));
    if (nights < 1 || nights > days) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--nights must be between 1 and --days (" + days + ")");
    }
    new InboxGenerator(options).generate();
    LocalDate last = options.startDate().plusDays(days - 1L);
    LocalDate firstNight = last.minusDays(nights - 1L);
    for (LocalDate day = options.startDate(); day.isBefore(firstNight); day = day.plusDays(1)) {
      new BatchRunner(config, IngestJobConfiguration.class).run(IngestJobConfiguration.JOB_NAME, day, false);
    }
    // the first night publishes every day so far; each later one recomputes what its exports change
    for (LocalDate night = firstNight; !night.isAfter(last); night = night.plusDays(1)) {
      new BatchRunner(config, NightlyJobConfiguration.class).run(NightlyJobConfiguration.JOB_NAME, night, false);
    }
    printHeadlines(config, last);
    return ExitCode.OK.code();
  }

  private static void printHeadlines(QunbaoConfig config, LocalDate day) {
    Warehouse warehouse = Warehouse.of(config);
    String typeDaily = warehouse.metricsTable("type_daily").toString();
    List<Row> rows = new MetricsRunner(config).session().read().option("basePath", typeDaily)
        .parquet(warehouse.metrics("type_daily", day).toString())
        .selectExpr("coalesce(group_type, '(unattributed)')", "members", "reach_rate", "activity_rate", "k_factor",
            "orders", "gmv", "repurchase_rate_30d")
        .orderBy("group_type").collectAsList();
    System.out.println();
    System.out.println("Tables:  " + readable(warehouse.root()) + "/{raw,rejects,curated,metrics}/");
    System.out.println("Headline numbers of " + day + " per group type:");
    for (Row r : rows) {
      System.out.println(String.format(Locale.ROOT, "  %-16s members %6s  reach %6s  active %6s  k %6s  orders %5d  GMV ¥%,12.2f  repurchase %6s",
          r.getString(0), r.isNullAt(1) ? "-" : r.getLong(1), rate(r, 2), rate(r, 3), rate(r, 4), r.getLong(5),
          r.getDecimal(6), rate(r, 7)));
    }
    System.out.println("Report:  " + readable(new org.apache.hadoop.fs.Path(Storage.resolve(config.reports()), day + "/index.html")));
  }

  /** A local path as a person types it; other locations as their URI. */
  private static String readable(org.apache.hadoop.fs.Path location) {
    java.net.URI uri = location.toUri();
    String text = "file".equals(uri.getScheme()) ? uri.getPath() : location.toString();
    return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
  }

  private static String rate(Row row, int i) {
    return row.isNullAt(i) ? "-" : String.format(Locale.ROOT, "%.1f%%", row.getDouble(i) * 100);
  }
}
