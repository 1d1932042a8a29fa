package io.qunbao.metrics;

import io.qunbao.common.config.QunbaoConfig;
import io.qunbao.common.storage.Storage;
import io.qunbao.common.storage.Warehouse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The metrics step for a run date R: reads the landed exports up to R, computes every table of
 * spec/metrics.md for the days the run must recompute, checks them, and publishes what changed.
 *
 * <p>Recomputation ({@link AffectedDays}): a nightly run recomputes the days from the first one the
 * exports new since the last publication can change, to R; a full run every day, a backfill from its
 * first day. Of the recomputed days it republishes exactly those whose rows differ from what is
 * published (plus the days never published, plus the days the scope forces), so "nightly day by day
 * equals one full recomputation; a rerun changes nothing" holds (tested). A changed value of an
 * already published day is recorded in {@code revisions} before the day is republished.
 *
 * <p>The session is the caller's (local, or spark-submit on a cluster); the job only sets the
 * session time zone to UTC, because its SQL converts instants to business-zone days explicitly.
 */
public final class MetricsJob {
  private static final Logger log = LoggerFactory.getLogger(MetricsJob.class);

  private final QunbaoConfig config;
  private final SparkSession spark;
  private final Storage storage;
  private final Warehouse warehouse;

  public MetricsJob(QunbaoConfig config, SparkSession spark) {
    this.config = config;
    this.spark = spark;
    this.storage = new Storage(config);
    this.warehouse = new Warehouse(Storage.resolve(config.warehouse()));
  }

  public RunSummary run(LocalDate runDate, Scope scope) {
    spark.conf().set("spark.sql.session.timeZone", "UTC");
    Map<String, Duration> stages = new LinkedHashMap<>();
    Map<String, RunSummary.TableResult> results = new LinkedHashMap<>();
    MetricsPublisher publisher = new MetricsPublisher(spark, storage, warehouse);
    StagedCurated curated = new StagedCurated(spark, publisher, warehouse);
    MetricModels models = new MetricModels(spark, config, runDate, curated, publisher);
    AffectedDays affectedDays = new AffectedDays(spark, config, storage, warehouse);
    LandedExports landed = timed(stages, "read raw", () -> new RawInputs(spark, storage, warehouse).register(runDate));
    log.info("metrics {} ({}): landed export partitions read per source {}", runDate, scope, landed.counts());

    SortedSet<LocalDate> days = timed(stages, "clean", models::registerCleaning);
    // what each table has published before this run: the first gap, the comparison, never-published days
    Map<String, Set<LocalDate>> publishedBefore = new LinkedHashMap<>();
    TableSpec.PUBLISHED_METRICS.forEach(table -> publishedBefore.put(table, publisher.publishedDays(table)));
    // the messages kept by day too: a night reads those before its first day as published
    Set<LocalDate> messagesPublished = publisher.publishedCuratedDays(TableSpec.MESSAGES);
    List<Set<LocalDate>> everyPublished = new ArrayList<>(publishedBefore.values());
    everyPublished.add(messagesPublished);
    AffectedDays.From from = timed(stages, "find affected days", () -> affectedDays.from(scope, runDate, days,
        AffectedDays.firstUnpublished(days, everyPublished), landed, models.cleaningSql()));
    SortedSet<LocalDate> computed = days.tailSet(from.day());
    SortedSet<LocalDate> ordersComputed = days.tailSet(from.ordersDay());
    log.info("metrics {}: recomputing {} of {} published days{}, and the values counted from purchases of {} days{} ({})",
        runDate, computed.size(), days.size(), span(computed), ordersComputed.size(), span(ordersComputed), from.reason());

    timed(stages, "clean messages", () -> {
      models.registerMessages(scope.kind() == Scope.Kind.NIGHTLY ? from.day() : null, days, messagesPublished);
      return null;
    });

    Map<String, TableSpec> specs = new LinkedHashMap<>();
    Map<String, Dataset<Row>> outputs = timed(stages, "compute", () -> {
      models.registerMetrics(from.day(), from.ordersDay(), days.subSet(from.ordersDay(), from.day()),
          scope.kind() == Scope.Kind.NIGHTLY);
      Map<String, Dataset<Row>> conformed = new LinkedHashMap<>();
      for (String table : TableSpec.PUBLISHED_METRICS) {
        TableSpec spec = TableSpec.load(table);
        specs.put(table, spec);
        // materialized here, once: the gate, the comparison and the writes all read these rows
        spark.sparkContext().setJobDescription("metrics: compute " + table);
        Dataset<Row> rows = spec.conform(spark.table(spec.viewName())).localCheckpoint(true);
        rows.createOrReplaceTempView(table);
        conformed.put(table, rows);
      }
      return conformed;
    });

    timed(stages, "quality checks", () -> {
      new QualityChecks(models.metricsSql()).verify(outputs, specs);
      return null;
    });

    TableSpec revisionsSpec = TableSpec.load(TableSpec.REVISIONS);
    Map<String, Set<LocalDate>> toPublish = new LinkedHashMap<>();
    Map<String, Long> revisionCounts = new LinkedHashMap<>();
    timed(stages, "compare and record revisions", () -> {
      Dataset<Row> changes = null;
      Map<String, Set<LocalDate>> compared = new LinkedHashMap<>();
      for (TableSpec spec : specs.values()) {
        Set<LocalDate> recomputed = TableSpec.ORDER_DERIVED.contains(spec.table()) ? ordersComputed : computed;
        Set<LocalDate> everPublished = publishedBefore.get(spec.table());
        Set<LocalDate> before = new TreeSet<>(everPublished);
        before.removeIf(d -> !recomputed.contains(d) || !scope.admits(d));
        compared.put(spec.table(), before);
        Dataset<Row> tableChanges = new RevisionDiff(spec, inScope(outputs.get(spec.table()), scope),
            publisher.readPublished(spec, before)).changes();
        changes = changes == null ? tableChanges : changes.union(tableChanges);
        // forced by the scope, or never published: an empty day is published too ("computed, nothing to report")
        toPublish.put(spec.table(), recomputed.stream()
            .filter(d -> scope.forces(d) || (scope.admits(d) && !everPublished.contains(d)))
            .collect(Collectors.toCollection(TreeSet::new)));
      }
      changes = changes.persist(StorageLevel.MEMORY_AND_DISK());
      for (Row row : changes.select("table_name", TableSpec.DT).distinct().collectAsList()) {
        toPublish.get(row.getString(0)).add(row.getDate(1).toLocalDate());
      }
      Dataset<Row> revisions = RevisionDiff.revisions(changes, compared, runDate, RecomputationState.lastRunDate(storage, warehouse), revisionsSpec)
          .persist(StorageLevel.MEMORY_AND_DISK());
      for (Row row : revisions.groupBy("table_name").count().collectAsList()) {
        revisionCounts.put(row.getString(0), row.getLong(1));
      }
      if (!revisionCounts.isEmpty()) {
        publisher.appendRevisions(revisionsSpec, revisions, runDate);
      }
      revisions.unpersist();
      changes.unpersist();
      log.info("metrics {}: revisions of already published values recorded {}", runDate, revisionCounts);
      return null;
    });

    timed(stages, "publish metrics", () -> {
      for (TableSpec spec : specs.values()) {
        Set<LocalDate> changed = toPublish.get(spec.table());
        Dataset<Row> rows = outputs.get(spec.table());
        spark.sparkContext().setJobDescription("metrics: publish " + spec.table());
        publisher.publishDays(spec, rows, changed);
        long rowCount = changed.isEmpty() ? 0 : rows.where(inDays(changed)).count();
        long revisions = revisionCounts.getOrDefault(spec.table(), 0L);
        results.put(spec.table(), new RunSummary.TableResult(changed.size(), rowCount, revisions));
        log.info("metrics {}: {} published {} partitions, {} rows, {} revisions", runDate, spec.table(), changed.size(), rowCount, revisions);
      }
      return null;
    });

    timed(stages, "publish curated", () -> {
      for (String table : TableSpec.CURATED) {
        spark.sparkContext().setJobDescription("metrics: publish curated/" + table);
        if (curated.isStaged(table)) {
          curated.publish(table);
        } else {
          TableSpec spec = TableSpec.load(table);
          publisher.publishWhole(spec.conform(spark.table(spec.viewName())), warehouse.curated(table));
        }
        results.put("curated/" + table, new RunSummary.TableResult(1, -1, 0));
        log.info("metrics {}: curated/{} replaced", runDate, table);
      }
      return null;
    });
    if (scope.kind() != Scope.Kind.RANGE) {
      // a backfill leaves the days after its range as they were: the next nightly run must still see
      // the exports it did not publish for as new
      affectedDays.recordPublication(runDate, landed);
    }
    log.info("metrics {} ({}) done: {}", runDate, scope, stages);
    return new RunSummary(runDate, scope, from.day(), from.ordersDay(), results, stages);
  }

  private static String span(SortedSet<LocalDate> days) {
    return days.isEmpty() ? "" : " (" + days.first() + " .. " + days.last() + ")";
  }

  private static Dataset<Row> inScope(Dataset<Row> rows, Scope scope) {
    if (scope.kind() != Scope.Kind.RANGE) {
      return rows;
    }
    return rows.where(functions.col(TableSpec.DT).between(java.sql.Date.valueOf(scope.from()), java.sql.Date.valueOf(scope.to())));
  }

  private static Column inDays(Set<LocalDate> days) {
    return functions.col(TableSpec.DT).isin(days.stream().map(java.sql.Date::valueOf).toArray());
  }

  private <T> T timed(Map<String, Duration> stages, String stage, Supplier<T> work) {
    spark.sparkContext().setJobDescription("metrics: " + stage);
    long start = System.nanoTime();
    T result = work.get();
    stages.put(stage, Duration.ofNanos(System.nanoTime() - start));
    return result;
  }
}
