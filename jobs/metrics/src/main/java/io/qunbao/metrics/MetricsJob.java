package io.qunbao.metrics;

import io.qunbao.common.config.QunbaoConfig;
import io.qunbao.common.storage.Storage;
import io.qunbao.common.storage.Warehouse;
import io.qunbao.metrics.recomputation.LandedExports;
import io.qunbao.metrics.recomputation.RunPlan;
import io.qunbao.metrics.recomputation.RunPlanner;
import io.qunbao.metrics.recomputation.ValueKind;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The metrics step for a run date R, in five stages: <b>plan</b> (read the landed exports up to R,
 * clean the snapshots and orders, and decide the {@link RunPlan}: which days to recompute and what to
 * read back as published), <b>compute</b> every table of spec/metrics.md for the plan's days,
 * <b>check</b> them (the quality gate), <b>compare</b> them with what is published (the days that
 * changed, the revisions of published values), and <b>publish</b> what changed.
 *
 * <p>So "nightly day by day equals one full recomputation; a rerun changes nothing" holds (tested). The
 * session is the caller's (local, or spark-submit on a cluster); the job only sets the session time
 * zone to UTC, because its SQL converts instants to business-zone days explicitly.
 */
public final class MetricsJob {
  private static final Logger log = LoggerFactory.getLogger(MetricsJob.class);

  /** Independent Spark actions (a table's computation or write) run at once ({@link Concurrently}). */
  static final int SPARK_ACTIONS_AT_ONCE = 2;

  private final QunbaoConfig config;
  private final SparkSession spark;
  private final Storage storage;
  private final Warehouse warehouse;

  public MetricsJob(QunbaoConfig config, SparkSession spark) {
    this.config = config;
    this.spark = spark;
    this.storage = new Storage(config);
    this.warehouse = Warehouse.of(config);
  }

  public RunSummary run(LocalDate runDate, Scope scope) {
    Map<String, Duration> stages = new LinkedHashMap<>();
    MetricsPublisher publisher = new MetricsPublisher(spark, storage, warehouse);
    StagedCurated curated = new StagedCurated(spark, publisher, warehouse);
    MetricModels models = new MetricModels(spark, config, runDate, curated, publisher);
    RunPlanner planner = new RunPlanner(spark, config, storage, warehouse);
    List<TableSpec> tables = TableSpec.PUBLISHED_METRICS.stream().map(TableSpec::load).toList();

    LandedExports landed = readRaw(runDate, scope, stages);
    RunPlan plan = plan(runDate, scope, stages, models, publisher, planner, tables, landed);
    Map<TableSpec, Dataset<Row>> outputs = timed(stages, "compute", () -> compute(plan, models, tables));
    timed(stages, "check", () -> {
      new QualityChecks(models.metricsSql()).verify(outputs);
      return null;
    });
    Publication publication = timed(stages, "compare", () -> Publication.compare(plan, outputs, publisher));
    log.info("metrics {}: revisions of already published values found {}", runDate, publication.revisionCounts());
    Map<String, RunSummary.TableResult> results = timed(stages, "publish", () -> publication.publish(curated));
    log.info("metrics {}: published {}", runDate, published(results));
    if (scope.kind() != Scope.Kind.RANGE) {
      // a backfill leaves the days after its range as they were: the next nightly run must still see
      // the exports it did not publish for as new
      planner.recordPublication(runDate, landed);
    }
    log.info("metrics {} ({}) done in {}: {}", runDate, scope,
        seconds(stages.values().stream().reduce(Duration.ZERO, Duration::plus)),
        stages.entrySet().stream().map(stage -> stage.getKey() + " " + seconds(stage.getValue())).collect(Collectors.joining(", ")));
    return new RunSummary(runDate, scope, plan.activityFrom(), plan.purchasesFrom(), results, stages);
  }

  /**
   * The plan stage alone: which days a run of {@code runDate} would recompute, and why; nothing is
   * computed or published.
   */
  public RunPlan plan(LocalDate runDate, Scope scope) {
    MetricsPublisher publisher = new MetricsPublisher(spark, storage, warehouse);
    MetricModels models = new MetricModels(spark, config, runDate, new StagedCurated(spark, publisher, warehouse), publisher);
    List<TableSpec> tables = TableSpec.PUBLISHED_METRICS.stream().map(TableSpec::load).toList();
    Map<String, Duration> stages = new LinkedHashMap<>();
    return plan(runDate, scope, stages, models, publisher, new RunPlanner(spark, config, storage, warehouse), tables,
        readRaw(runDate, scope, stages));
  }

  private LandedExports readRaw(LocalDate runDate, Scope scope, Map<String, Duration> stages) {
    spark.conf().set("spark.sql.session.timeZone", "UTC");
    LandedExports landed = timed(stages, "read raw", () -> new RawInputs(spark, storage, warehouse).register(runDate));
    log.info("metrics {} ({}): landed export partitions read per source {}", runDate, scope, landed.counts());
    return landed;
  }

  private RunPlan plan(LocalDate runDate, Scope scope, Map<String, Duration> stages, MetricModels models,
      MetricsPublisher publisher, RunPlanner planner, List<TableSpec> tables, LandedExports landed) {
    RunPlan plan = timed(stages, "plan", () -> {
      SortedSet<LocalDate> days = models.registerCleaning();
      return planner.plan(scope, runDate, days, publisher.publishedState(tables), tables, landed, models.cleaningSql());
    });
    log.info("metrics {}: recomputing every value on {}, the values counted from purchases on {}, of {} published days{} ({})",
        runDate, span(plan.recomputed(ValueKind.ACTIVITY)),
        span(plan.recomputed(ValueKind.PURCHASES)), plan.days().size(),
        plan.resumes() ? ", resuming at " + plan.resumeFrom() : "", plan.reason());
    return plan;
  }

  /**
   * Every table of the plan's days, conformed to its spec and materialized once: the gate, the
   * comparison and the writes all read these rows.
   */
  private Map<TableSpec, Dataset<Row>> compute(RunPlan plan, MetricModels models, List<TableSpec> tables) {
    models.registerMetrics(plan);
    Map<TableSpec, Dataset<Row>> computed = new java.util.concurrent.ConcurrentHashMap<>();
    Concurrently.forEach(tables, SPARK_ACTIONS_AT_ONCE, spec -> {
      spark.sparkContext().setJobDescription("metrics: compute " + spec.table());
      computed.put(spec, spec.conform(spark.table(spec.viewName())).localCheckpoint(true));
    });
    Map<TableSpec, Dataset<Row>> outputs = new LinkedHashMap<>();
    for (TableSpec spec : tables) {
      computed.get(spec).createOrReplaceTempView(spec.table());
      outputs.put(spec, computed.get(spec));
    }
    return outputs;
  }

  /** Per table, what the run published: "type_daily 3 days 120 rows 2 revisions", a curated table "replaced". */
  private static String published(Map<String, RunSummary.TableResult> results) {
    return results.entrySet().stream().map(table -> {
      RunSummary.TableResult result = table.getValue();
      if (table.getKey().startsWith("curated/")) {
        return table.getKey() + " replaced";
      }
      return table.getKey() + " " + result.partitions() + " days " + result.rows() + " rows"
          + (result.revisions() > 0 ? " " + result.revisions() + " revisions" : "");
    }).collect(Collectors.joining(", "));
  }

  private static String seconds(Duration duration) {
    return String.format(java.util.Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
  }

  private static String span(SortedSet<LocalDate> days) {
    return days.isEmpty() ? "no day" : days.size() + " days (" + days.first() + " .. " + days.last() + ")";
  }

  private <T> T timed(Map<String, Duration> stages, String stage, Supplier<T> work) {
    spark.sparkContext().setJobDescription("metrics: " + stage);
    long start = System.nanoTime();
    T result = work.get();
    stages.put(stage, Duration.ofNanos(System.nanoTime() - start));
    return result;
  }
}
