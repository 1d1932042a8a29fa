package io.qunbao.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qunbao.bench.ChildProcess.Measurement;
import io.qunbao.bench.RunResult.SourceThroughput;
import io.qunbao.bench.duckdb.DuckDbMetrics;
import io.qunbao.bench.duckdb.DuckDbStep;
import io.qunbao.generator.GenerationSummary;
import io.qunbao.generator.GeneratorOptions;
import io.qunbao.generator.InboxGenerator;
import io.qunbao.common.Source;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code scripts/bench}: Qunbao and DuckDB side by side on one generated tier. Per run: Qunbao's
 * ingest (one {@code scripts/qunbao ingest} per export date, as cron runs it), its full metrics
 * recomputation and a nightly run of the last date; DuckDB's ingest of the same inbox and its metrics over
 * the Parquet Qunbao landed. Every step is a child process, timed from start to exit (JVM start included)
 * with its peak RSS. Then the two implementations' type_daily and cohort_conversion must agree row by row,
 * and the medians are printed and written to {@code <work>/<tier>/results.md}.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Benchmark Qunbao against DuckDB on a generated tier and check that they agree.")
public final class BenchMain implements Callable<Integer> {
  private static final Logger log = LoggerFactory.getLogger(BenchMain.class);
  private static final List<String> SOURCES = Source.ids();
  private static final ObjectMapper JSON = new ObjectMapper();

  @Option(names = "--tier", defaultValue = "S", description = "S, M, L, H30 or H90 (default ${DEFAULT-VALUE})")
  private Tier tier;

  @Option(names = "--runs", defaultValue = "3", description = "runs to take the median of (default ${DEFAULT-VALUE})")
  private int runs;

  @Option(names = "--work", defaultValue = "work/bench", description = "where inboxes, warehouses and results go")
  private Path work;

  @Option(names = "--qunbao", defaultValue = "scripts/qunbao", description = "the Qunbao command line")
  private Path qunbao;

  @Option(names = "--timezone", defaultValue = "Asia/Shanghai", description = "the business time zone")
  private ZoneId zone;

  @Option(names = "--window-days", defaultValue = "7", description = "the conversion window")
  private int windowDays;

  @Option(names = "--nightly", negatable = true, defaultValue = "true", fallbackValue = "true",
      description = "--no-nightly skips the nightly run (and the full run of the day before, which it needs): every"
          + " date is ingested, then only the full recomputation runs; for a tier whose two extra runs do not fit")
  private boolean nightly;

  @Option(names = "--spark-conf", paramLabel = "KEY=VALUE",
      description = "a Spark setting for Qunbao's metrics step (repeatable), e.g. a workaround or a tuning under test")
  private Map<String, String> sparkConf = new java.util.LinkedHashMap<>();

  public static void main(String[] args) {
    System.exit(new CommandLine(new BenchMain()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    Path tierDir = work.toAbsolutePath().resolve(tier.name());
    Path inbox = tierDir.resolve("inbox");
    generateOnce(tierDir, inbox);
    List<LocalDate> exportDates = exportDates(inbox);
    List<RunResult> results = new ArrayList<>();
    List<String> disagreements = List.of();
    for (int run = 1; run <= runs; run++) {
      Path runDir = tierDir.resolve("run-" + run);
      RunResult result = runOnce(inbox, exportDates, runDir);
      results.add(result);
      log.info("run {} of {}: {}", run, runs, result.failures.isEmpty() ? "all steps ran" : result.failures);
      if (run == runs) {
        disagreements = agreement(runDir, result);
      }
    }
    String report = new BenchReport(tier, runs, inputBytes(inbox), results, disagreements).markdown();
    Files.writeString(tierDir.resolve("results.md"), report, StandardCharsets.UTF_8);
    System.out.println(report);
    boolean failed = results.stream().anyMatch(r -> !r.failures.isEmpty()) || !disagreements.isEmpty();
    return failed ? 1 : 0;
  }

  /** The tier's inbox is generated once (fixed seed: every later run reads the same bytes). */
  private void generateOnce(Path tierDir, Path inbox) throws IOException {
    Path done = tierDir.resolve("_GENERATED");
    if (Files.exists(done)) {
      return;
    }
    GeneratorOptions options = GeneratorOptions.defaults(inbox)
        .withSeed(Tier.SEED)
        .withDays(tier.days)
        .withGroups(tier.groups)
        .withMessagesPerGroupPerDay(tier.messagesPerGroupPerDay)
        .withBusinessZone(zone);
    GenerationSummary summary = new InboxGenerator(options).generate();
    log.info("generated tier {}: {} chat lines, {} rows in all, {} rows/s", tier, summary.rows(Source.CHAT),
        summary.totalRows(), Math.round(summary.rowsPerSecond()));
    Files.writeString(done, tier.description + ": " + summary.rows(Source.CHAT) + " chat lines\n");
  }

  private RunResult runOnce(Path inbox, List<LocalDate> exportDates, Path runDir)
      throws IOException, InterruptedException {
    deleteRecursively(runDir);
    Path warehouse = runDir.resolve("qunbao-warehouse");
    Path config = writeConfig(runDir, inbox, warehouse);
    Path logs = runDir.resolve("logs");
    LocalDate lastDate = exportDates.get(exportDates.size() - 1);
    RunResult result = new RunResult();

    // one process per export date, as cron runs it; the step's figures are the sum of walls and the max
    // RSS. The last date is the nightly run's new day, ingested by it.
    Duration ingestWall = Duration.ZERO;
    long ingestPeak = 0;
    Measurement failedDay = null;
    for (LocalDate date : nightly ? exportDates.subList(0, exportDates.size() - 1) : exportDates) {
      Measurement day = ChildProcess.run(qunbaoCommand(config, "ingest", "--date", date.toString()), Map.of(),
          logs.resolve("qunbao-ingest-" + date + ".log"));
      ingestWall = ingestWall.plus(day.wall());
      ingestPeak = Math.max(ingestPeak, day.peakRssBytes());
      if (!day.succeeded()) {
        failedDay = day;
        break;
      }
    }
    boolean landed = failedDay == null && (!nightly || nightly(config, exportDates, runDir, result));
    if (landed && nightly) {
      Measurement lastIngest = result.steps.get("qunbao nightly ingest");
      ingestWall = ingestWall.plus(lastIngest.wall());
      ingestPeak = Math.max(ingestPeak, lastIngest.peakRssBytes());
    }
    result.record("qunbao ingest", failedDay != null ? failedDay
        : new Measurement(ingestWall, ingestPeak, landed ? 0 : 1, logs.resolve("qunbao-ingest-" + lastDate + ".log")));
    if (landed) {
      result.qunbaoIngest.putAll(qunbaoThroughput(warehouse.resolve("raw")));
      if (nightly) {
        copyFolder(warehouse.resolve("metrics"), runDir.resolve("qunbao-nightly-metrics"));
      }
      Path fullEvents = runDir.resolve("spark-events/full");
      if (result.record("qunbao metrics full", ChildProcess.run(
          qunbaoMetricsCommand(config, lastDate, true, fullEvents), Map.of(), logs.resolve("qunbao-metrics-full.log")))) {
        result.sparkStages = SparkEventLog.stages(fullEvents);
        result.sparkJobs = SparkEventLog.jobs(fullEvents);
        if (nightly) {
          result.nightlyStages = SparkEventLog.stages(runDir.resolve("spark-events/nightly"));
          result.nightlyJobs = SparkEventLog.jobs(runDir.resolve("spark-events/nightly"));
        }
      }
    }

    Path duckDbIngestJson = runDir.resolve("duckdb-ingest.json");
    if (result.record("duckdb ingest", ChildProcess.run(duckDbCommand("ingest", inbox.toString(),
        runDir.resolve("duckdb-warehouse").toString(), lastDate.toString(), zone.getId(),
        duckDbIngestJson.toString()), Map.of(), logs.resolve("duckdb-ingest.log")))) {
      result.duckDbIngest.putAll(duckDbThroughput(duckDbIngestJson));
    }
    // DuckDB computes its metrics from the Parquet Qunbao landed: the same input for both implementations
    Path raw = (landed ? warehouse : runDir.resolve("duckdb-warehouse")).resolve("raw");
    result.record("duckdb metrics full", ChildProcess.run(duckDbCommand("metrics", raw.toString(),
        lastDate.toString(), runDir.resolve("duckdb-metrics").toString(), zone.getId(),
        Integer.toString(windowDays), runDir.resolve("duckdb-metrics.json").toString()), Map.of(),
        logs.resolve("duckdb-metrics.log")));
    return result;
  }

  /** type_daily and cohort_conversion of both implementations, row by row; a table either side lacks is a difference. */
  private static List<String> agreement(Path runDir, RunResult result) {
    if (!result.steps.containsKey("qunbao metrics full") || !result.failures.isEmpty()) {
      return List.of("agreement not checked: " + (result.failures.isEmpty()
          ? "Qunbao's metrics did not run" : "a step failed: " + result.failures));
    }
    List<String> differences = new ArrayList<>();
    for (String table : DuckDbMetrics.TABLES) {
      String qunbaoFull = "SELECT * FROM " + parquetTable(runDir.resolve("qunbao-warehouse/metrics").resolve(table));
      differences.addAll(TableDiff.differences(table, List.of("dt", "group_type"), qunbaoFull,
          "SELECT * FROM " + parquetTable(runDir.resolve("duckdb-metrics/metrics").resolve(table))));
      // the nightly run's publication must equal the full recomputation (metrics.md, recomputation)
      if (Files.isDirectory(runDir.resolve("qunbao-nightly-metrics"))) {
        differences.addAll(TableDiff.differences(table + " (Qunbao nightly vs full)", List.of("dt", "group_type"),
            "SELECT * FROM " + parquetTable(runDir.resolve("qunbao-nightly-metrics").resolve(table)), qunbaoFull));
      }
    }
    return differences;
  }

  private static String parquetTable(Path folder) {
    return "read_parquet('" + folder.resolve("*").resolve("*.parquet").toString().replace("'", "''")
        + "', hive_partitioning = true, hive_types = {'dt': DATE})";
  }

  /**
   * A nightly run of the last date over the history landed before it, as cron runs it: the metrics of
   * the day before are published first (a full run, not measured), then the last date is ingested and
   * its metrics run in the nightly scope, which recomputes only what the new exports can change.
   */
  private boolean nightly(Path config, List<LocalDate> exportDates, Path runDir, RunResult result)
      throws IOException, InterruptedException {
    Path logs = runDir.resolve("logs");
    LocalDate lastDate = exportDates.get(exportDates.size() - 1);
    if (exportDates.size() > 1) {
      LocalDate before = exportDates.get(exportDates.size() - 2);
      if (!result.record("qunbao metrics of the day before", ChildProcess.run(qunbaoMetricsCommand(config, before, true,
          runDir.resolve("spark-events/before")), Map.of(), logs.resolve("qunbao-metrics-" + before + ".log")))) {
        return false;
      }
    }
    Measurement ingest = ChildProcess.run(qunbaoCommand(config, "ingest", "--date", lastDate.toString()),
        Map.of(), logs.resolve("qunbao-ingest-" + lastDate + ".log"));
    if (!result.record("qunbao nightly ingest", ingest)) {
      return false;
    }
    Measurement metrics = ChildProcess.run(qunbaoMetricsCommand(config, lastDate, false,
        runDir.resolve("spark-events/nightly")), Map.of(), logs.resolve("qunbao-nightly-metrics.log"));
    if (!result.record("qunbao nightly metrics", metrics)) {
      return false;
    }
    result.steps.put("qunbao nightly", new Measurement(ingest.wall().plus(metrics.wall()),
        Math.max(ingest.peakRssBytes(), metrics.peakRssBytes()), 0, metrics.log()));
    return true;
  }

  /**
   * The metrics step of the app's build ({@code MetricsMain}, what spark-submit runs; scripts/qunbao has no
   * metrics command yet), in local mode with Spark's event log written to {@code events}.
   */
  private List<String> qunbaoMetricsCommand(Path config, LocalDate runDate, boolean full, Path events)
      throws IOException {
    Files.createDirectories(events);
    Path app = repository().resolve("jobs/app/target");
    List<String> line = new ArrayList<>();
    line.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    line.addAll(List.of(Files.readString(app.resolve("jvm.options")).trim().split("\\s+")));
    // Spark 4 writes the event log zstd-compressed in rolling files by default: plain JSON lines are what
    // SparkEventLog reads without a codec
    line.addAll(List.of("-Dspark.master=local[*]", "-Dspark.ui.enabled=false", "-Dspark.eventLog.enabled=true",
        "-Dspark.eventLog.compress=false", "-Dspark.eventLog.rolling.enabled=false",
        "-Dspark.eventLog.dir=" + events.toUri(), "-cp", app.resolve("*") + ":" + app.resolve("lib/*"),
        "io.qunbao.metrics.MetricsMain", "--config", config.toString(), "--date", runDate.toString()));
    sparkConf.forEach((key, value) -> line.add(line.indexOf("-cp"), "-D" + key + "=" + value));
    if (full) {
      line.add("--full");
    }
    return line;
  }

  /** The repository root: scripts/qunbao lies in its scripts/ folder. */
  private Path repository() {
    return qunbao.toAbsolutePath().getParent().getParent();
  }

  private List<String> qunbaoCommand(Path config, String... command) {
    List<String> line = new ArrayList<>(List.of(qunbao.toAbsolutePath().toString(), "--config", config.toString()));
    line.addAll(List.of(command));
    return line;
  }

  /** The DuckDB step in its own JVM, on the class path this harness runs with. */
  private static List<String> duckDbCommand(String... arguments) {
    List<String> line = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), DuckDbStep.class.getName()));
    line.addAll(List.of(arguments));
    return line;
  }

  /** The Qunbao configuration of one run: its own warehouse, job repository and reports. */
  private Path writeConfig(Path runDir, Path inbox, Path warehouse) throws IOException {
    Files.createDirectories(runDir);
    String yaml = String.join("\n",
        "inbox: " + inbox,
        "warehouse: " + warehouse,
        "reports: " + runDir.resolve("reports"),
        "work-dir: " + runDir.resolve("qunbao-work"),
        "timezone: " + zone.getId(),
        "metrics:",
        "  conversion-window-days: " + windowDays,
        "");
    Path config = runDir.resolve("qunbao.yml");
    Files.writeString(config, yaml, StandardCharsets.UTF_8);
    return config;
  }

  /** Rows landed and seconds per source, summed over the export dates, from the _INGEST.json of each partition. */
  private static Map<String, SourceThroughput> qunbaoThroughput(Path raw) throws IOException {
    Map<String, SourceThroughput> throughput = new java.util.LinkedHashMap<>();
    for (String source : SOURCES) {
      long rows = 0;
      double seconds = 0;
      if (!Files.isDirectory(raw.resolve(source))) {
        continue;
      }
      try (Stream<Path> summaries = Files.find(raw.resolve(source), 2,
          (path, attributes) -> path.getFileName().toString().equals("_INGEST.json"))) {
        for (Path summary : summaries.toList()) {
          JsonNode node = JSON.readTree(summary.toFile());
          rows += node.path("rows_written").asLong();
          seconds += node.path("seconds").asDouble();
        }
      }
      throughput.put(source, new SourceThroughput(rows, seconds));
    }
    return throughput;
  }

  private static Map<String, SourceThroughput> duckDbThroughput(Path resultJson) throws IOException {
    Map<String, SourceThroughput> throughput = new java.util.LinkedHashMap<>();
    JSON.readTree(resultJson.toFile()).properties().forEach(source -> throughput.put(source.getKey(),
        new SourceThroughput(source.getValue().path("rows").asLong(), source.getValue().path("seconds").asDouble())));
    return throughput;
  }

  /** Bytes of export files per source, as they lie in the inbox (compressed files count compressed). */
  private static Map<String, Long> inputBytes(Path inbox) throws IOException {
    Map<String, Long> bytes = new java.util.LinkedHashMap<>();
    for (String source : SOURCES) {
      Path folder = inbox.resolve(source);
      if (Files.isDirectory(folder)) {
        try (Stream<Path> files = Files.walk(folder)) {
          bytes.put(source, files.filter(Files::isRegularFile).mapToLong(BenchMain::size).sum());
        }
      }
    }
    return bytes;
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Every export date that has a folder in some source of the inbox, in order. */
  private static List<LocalDate> exportDates(Path inbox) throws IOException {
    try (Stream<Path> days = Files.list(inbox).filter(Files::isDirectory).flatMap(BenchMain::listUnchecked)) {
      List<LocalDate> dates = days.map(day -> day.getFileName().toString())
          .filter(name -> name.matches("\\d{4}-\\d{2}-\\d{2}"))
          .map(LocalDate::parse).distinct().sorted().toList();
      if (dates.isEmpty()) {
        throw new IllegalStateException("no export dates in " + inbox);
      }
      return dates;
    }
  }

  private static Stream<Path> listUnchecked(Path folder) {
    try {
      return Files.list(folder).toList().stream();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static void copyFolder(Path from, Path to) throws IOException {
    deleteRecursively(to);
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path path : paths.toList()) {
        Path target = to.resolve(from.relativize(path).toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(target);
        } else {
          Files.copy(path, target);
        }
      }
    }
  }

  private static void deleteRecursively(Path folder) throws IOException {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
