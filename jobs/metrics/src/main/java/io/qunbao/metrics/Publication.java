package io.qunbao.metrics;

import io.qunbao.metrics.recomputation.RunPlan;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.storage.StorageLevel;

/**
 * What a run publishes, and the publication itself. {@link #compare} reads each table's published
 * rows of the recomputed days and finds, key by key, the days whose rows changed (republished with
 * the days the plan publishes anyway) and the changed values of days published before (the revisions,
 * staged as pending). {@link #publish} then swaps in every changed partition of every table, each
 * atomically, and only after all of them the run's revisions: readers never see a revision before the
 * values it describes. A run that fails in between leaves its revisions pending; the rerun finds the
 * partitions already published unchanged, and publishes the pending revisions with its own.
 */
final class Publication {
  private final RunPlan plan;
  private final Map<TableSpec, Dataset<Row>> outputs;
  private final MetricsPublisher publisher;
  private final Map<String, SortedSet<LocalDate>> days;
  private final Map<String, Long> revisionCounts;

  private Publication(RunPlan plan, Map<TableSpec, Dataset<Row>> outputs, MetricsPublisher publisher,
      Map<String, SortedSet<LocalDate>> days, Map<String, Long> revisionCounts) {
    this.plan = plan;
    this.outputs = outputs;
    this.publisher = publisher;
    this.days = days;
    this.revisionCounts = revisionCounts;
  }

  /** Compares every table of {@code outputs} with its published rows, in one pass, and stages the revisions. */
  static Publication compare(RunPlan plan, Map<TableSpec, Dataset<Row>> outputs, MetricsPublisher publisher) {
    Dataset<Row> changes = null;
    Column wasPublished = functions.lit(false);
    Map<String, SortedSet<LocalDate>> days = new LinkedHashMap<>();
    for (Map.Entry<TableSpec, Dataset<Row>> output : outputs.entrySet()) {
      TableSpec spec = output.getKey();
      SortedSet<LocalDate> recomputed = plan.recomputed(spec.recomputation().from());
      Set<LocalDate> compared = new TreeSet<>(plan.publishedBefore(spec.table()));
      compared.removeIf(day -> !recomputed.contains(day) || !plan.scope().admits(day));
      Dataset<Row> tableChanges = new RevisionDiff(spec, inScope(output.getValue(), plan),
          publisher.readPublished(spec, compared), lastPublished(plan.publishedBefore(spec.table()))).changes();
      changes = changes == null ? tableChanges : changes.union(tableChanges);
      if (!compared.isEmpty()) {
        wasPublished = wasPublished.or(functions.col("table_name").equalTo(spec.table())
            .and(functions.col(TableSpec.DT).isin(compared.stream().map(java.sql.Date::valueOf).toArray())));
      }
      days.put(spec.table(), plan.publishedAnyway(spec.table(), recomputed));
    }
    changes = changes.withColumn("was_published", wasPublished).persist(StorageLevel.MEMORY_AND_DISK());
    Map<String, Long> revisionCounts = new TreeMap<>();
    for (Row day : changes.groupBy("table_name", TableSpec.DT)
        .agg(functions.count_if(functions.col("was_published")).as("revisions")).collectAsList()) {
      days.get(day.getString(0)).add(day.getDate(1).toLocalDate());
      revisionCounts.merge(day.getString(0), day.getLong(2), Long::sum);
    }
    revisionCounts.values().removeIf(count -> count == 0);
    if (!revisionCounts.isEmpty()) {
      publisher.stageRevisions(RevisionDiff.revisions(changes.where("was_published"), plan.runDate()), plan.runDate());
    }
    changes.unpersist();
    return new Publication(plan, outputs, publisher, days, revisionCounts);
  }

  /** The latest of {@code days}, the last day published at the previous run; null when there is none. */
  private static LocalDate lastPublished(Set<LocalDate> days) {
    return days.stream().max(LocalDate::compareTo).orElse(null);
  }

  Map<String, Long> revisionCounts() {
    return revisionCounts;
  }

  /**
   * Publishes the changed days of every table, then the revisions, then the curated tables; returns
   * what was published per table.
   */
  Map<String, RunSummary.TableResult> publish(StagedCurated curated) {
    Map<String, Long> rows = rowsToPublish();
    Concurrently.forEach(List.copyOf(outputs.keySet()), MetricsJob.SPARK_ACTIONS_AT_ONCE, spec -> {
      publisher.describeJobs("metrics: publish " + spec.table());
      publisher.publishDays(spec, outputs.get(spec), days.get(spec.table()));
    });
    Map<String, RunSummary.TableResult> results = new LinkedHashMap<>();
    outputs.keySet().forEach(spec -> results.put(spec.table(), new RunSummary.TableResult(days.get(spec.table()).size(),
        rows.getOrDefault(spec.table(), 0L), revisionCounts.getOrDefault(spec.table(), 0L))));
    publisher.publishPendingRevisions(plan.runDate());
    for (String table : TableSpec.CURATED) {
      publisher.describeJobs("metrics: publish curated/" + table);
      if (curated.isStaged(table)) {
        curated.publish(table);
      } else {
        publisher.publishCurated(TableSpec.load(table));
      }
      results.put("curated/" + table, new RunSummary.TableResult(1, -1, 0));
    }
    return results;
  }

  /** The rows of the days to publish, per table, counted in one pass over every table. */
  private Map<String, Long> rowsToPublish() {
    Dataset<Row> keys = null;
    for (Map.Entry<TableSpec, Dataset<Row>> output : outputs.entrySet()) {
      SortedSet<LocalDate> tableDays = days.get(output.getKey().table());
      if (tableDays.isEmpty()) {
        continue;
      }
      Dataset<Row> tableKeys = output.getValue()
          .where(functions.col(TableSpec.DT).isin(tableDays.stream().map(java.sql.Date::valueOf).toArray()))
          .select(functions.lit(output.getKey().table()).as("table_name"));
      keys = keys == null ? tableKeys : keys.union(tableKeys);
    }
    Map<String, Long> rows = new TreeMap<>();
    if (keys != null) {
      publisher.describeJobs("metrics: count the rows to publish");
      keys.groupBy("table_name").count().collectAsList().forEach(row -> rows.put(row.getString(0), row.getLong(1)));
    }
    return rows;
  }

  private static Dataset<Row> inScope(Dataset<Row> rows, RunPlan plan) {
    if (plan.scope().kind() != Scope.Kind.RANGE) {
      return rows;
    }
    return rows.where(functions.col(TableSpec.DT).between(
        java.sql.Date.valueOf(plan.scope().from()), java.sql.Date.valueOf(plan.scope().to())));
  }
}
