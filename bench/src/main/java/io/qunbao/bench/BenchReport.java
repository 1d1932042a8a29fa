package io.qunbao.bench;

import io.qunbao.bench.ChildProcess.Measurement;
import io.qunbao.bench.RunResult.SourceThroughput;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The results of one tier as markdown (the form BENCHMARKS.md keeps): medians over the runs of every
 * figure, Qunbao beside DuckDB with their ratio, the slowest Spark stages and the agreement check.
 */
final class BenchReport {
  private static final double MIB = 1024.0 * 1024.0;

  private final Tier tier;
  private final int runs;
  private final Map<String, Long> inputBytes;
  private final List<RunResult> results;
  private final List<String> disagreements;

  BenchReport(Tier tier, int runs, Map<String, Long> inputBytes, List<RunResult> results, List<String> disagreements) {
    this.tier = tier;
    this.runs = runs;
    this.inputBytes = inputBytes;
    this.results = results;
    this.disagreements = disagreements;
  }

  String markdown() {
    StringBuilder md = new StringBuilder();
    md.append(String.format(Locale.ROOT, "## Tier %s (%s): seed %d, medians of %d runs%n%n",
        tier, tier.description, Tier.SEED, runs));
    md.append("| measure | Qunbao | DuckDB | Qunbao / DuckDB |\n|---|---:|---:|---:|\n");
    for (String source : inputBytes.keySet()) {
      Double qunbaoRate = median(r -> rowsPerSecond(r.qunbaoIngest.get(source)));
      Double duckDbRate = median(r -> rowsPerSecond(r.duckDbIngest.get(source)));
      row(md, "ingest " + source + ": rows landed", median(r -> rows(r.qunbaoIngest.get(source))),
          median(r -> rows(r.duckDbIngest.get(source))), "%.0f");
      row(md, "ingest " + source + ": rows/s", qunbaoRate, duckDbRate, "%.0f");
      row(md, "ingest " + source + ": MB/s (" + String.format(Locale.ROOT, "%.1f", inputBytes.get(source) / MIB)
          + " MiB of exports)", megabytesPerSecond(source, r -> r.qunbaoIngest.get(source)),
          megabytesPerSecond(source, r -> r.duckDbIngest.get(source)), "%.2f");
    }
    step(md, "ingest, all sources and dates", "qunbao ingest", "duckdb ingest");
    step(md, "metrics, full recomputation", "qunbao metrics full", "duckdb metrics full");
    step(md, "nightly run of the last date (ingest + metrics)", "qunbao nightly", null);
    step(md, "nightly run of the last date: metrics alone", "qunbao nightly metrics", null);
    row(md, "Spark jobs: full recomputation", median(r -> r.sparkJobs == 0 ? null : (double) r.sparkJobs), null, "%.0f");
    row(md, "Spark jobs: nightly run's metrics", median(r -> r.nightlyJobs == 0 ? null : (double) r.nightlyJobs), null, "%.0f");
    md.append("\nIngest rows/s and MB/s are in-process (each step's own timing); wall times include JVM start-up.\n");
    stages(md);
    agreement(md);
    failures(md);
    return md.toString();
  }

  private void step(StringBuilder md, String label, String qunbaoStep, String duckDbStep) {
    row(md, label + ": wall s", median(r -> seconds(r, qunbaoStep)), median(r -> seconds(r, duckDbStep)), "%.2f");
    row(md, label + ": peak RSS MiB", median(r -> rssMib(r, qunbaoStep)), median(r -> rssMib(r, duckDbStep)), "%.0f");
  }

  private void stages(StringBuilder md) {
    RunResult last = results.get(results.size() - 1);
    stages(md, "the full recomputation", last.sparkStages);
    stages(md, "the nightly run", last.nightlyStages);
  }

  /** The slowest stages, and the time summed per query (a query is a job description: a model, a table's write). */
  private static void stages(StringBuilder md, String run, List<SparkEventLog.Stage> stages) {
    if (stages.isEmpty()) {
      md.append("\nNo Spark stages recorded for ").append(run).append(" (it did not run or wrote no event log).\n");
      return;
    }
    long failed = stages.stream().filter(SparkEventLog.Stage::failed).count();
    long tasks = stages.stream().mapToLong(SparkEventLog.Stage::tasks).sum();
    md.append(String.format(Locale.ROOT, "%nSpark stages of %s (last run): %d completed (%d failed),"
        + " %d tasks; the slowest:%n%n| stage | query | s | tasks |%n|---:|---|---:|---:|%n",
        run, stages.size(), failed, tasks));
    stages.stream().limit(5).forEach(stage -> md.append(String.format(Locale.ROOT, "| %d.%d | %s | %.2f | %d |%n",
        stage.id(), stage.attempt(), label(stage), stage.millis() / 1000.0, stage.tasks())));
    Map<String, Long> byQuery = new java.util.HashMap<>();
    stages.forEach(stage -> byQuery.merge(label(stage), stage.millis(), Long::sum));
    md.append(String.format(Locale.ROOT, "%nStage time summed per query, the largest:%n%n| query | s |%n|---|---:|%n"));
    byQuery.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(10)
        .forEach(query -> md.append(String.format(Locale.ROOT, "| %s | %.2f |%n", query.getKey(), query.getValue() / 1000.0)));
  }

  private static String label(SparkEventLog.Stage stage) {
    return (stage.query().isEmpty() ? stage.name() : stage.query()).replace("|", "\\|");
  }

  private void agreement(StringBuilder md) {
    if (disagreements.isEmpty()) {
      md.append("\nAgreement: type_daily and cohort_conversion of Qunbao and DuckDB are equal, row by row.\n");
      return;
    }
    md.append("\n**Agreement check FAILED** (").append(disagreements.size()).append(" differences; first 50):\n\n");
    disagreements.stream().limit(50).forEach(line -> md.append("- ").append(line).append('\n'));
  }

  private void failures(StringBuilder md) {
    for (int run = 0; run < results.size(); run++) {
      int number = run + 1;
      results.get(run).failures.forEach((step, why) ->
          md.append("\n**Run ").append(number).append(": ").append(step).append(" failed** (").append(why).append(")\n"));
    }
  }

  private static void row(StringBuilder md, String label, Double qunbao, Double duckDb, String format) {
    String ratio = qunbao != null && duckDb != null && duckDb != 0
        ? String.format(Locale.ROOT, "%.2f", qunbao / duckDb) : "—";
    md.append("| ").append(label).append(" | ").append(format(format, qunbao)).append(" | ")
        .append(format(format, duckDb)).append(" | ").append(ratio).append(" |\n");
  }

  private static String format(String format, Double value) {
    return value == null ? "—" : String.format(Locale.ROOT, format, value);
  }

  private Double megabytesPerSecond(String source, Function<RunResult, SourceThroughput> throughput) {
    return median(r -> {
      SourceThroughput t = throughput.apply(r);
      return t == null || t.seconds() == 0 ? null : inputBytes.get(source) / MIB / t.seconds();
    });
  }

  private static Double rows(SourceThroughput throughput) {
    return throughput == null ? null : (double) throughput.rows();
  }

  private static Double rowsPerSecond(SourceThroughput throughput) {
    return throughput == null || throughput.seconds() == 0 ? null : throughput.rows() / throughput.seconds();
  }

  private static Double seconds(RunResult result, String step) {
    Measurement m = step == null ? null : result.steps.get(step);
    return m == null || !m.succeeded() ? null : m.wall().toNanos() / 1e9;
  }

  private static Double rssMib(RunResult result, String step) {
    Measurement m = step == null ? null : result.steps.get(step);
    return m == null || !m.succeeded() ? null : m.peakRssBytes() / MIB;
  }

  /** The median over the runs that have the figure; null when none has it. */
  private Double median(Function<RunResult, Double> figure) {
    List<Double> values = new ArrayList<>(results.stream().map(figure).filter(Objects::nonNull).toList());
    if (values.isEmpty()) {
      return null;
    }
    values.sort(Double::compare);
    int middle = values.size() / 2;
    return values.size() % 2 == 1 ? values.get(middle) : (values.get(middle - 1) + values.get(middle)) / 2;
  }
}
