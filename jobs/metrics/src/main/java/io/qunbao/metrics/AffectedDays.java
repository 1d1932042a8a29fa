package io.qunbao.metrics;

import io.qunbao.common.config.QunbaoConfig;
import io.qunbao.common.storage.Storage;
import io.qunbao.common.storage.Warehouse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The days a run recomputes: every published day from a first one to the run date (metrics.md,
 * "Runs, late data and recomputation"). A nightly run recomputes every metric from the earliest of
 * <ul>
 *   <li>the first day the export partitions new since the last publication can change
 *       ({@code sql/recomputation/affected_from.sql}, over {@code changed_listings.sql});
 *   <li>the first day some metric table has not published;
 * </ul>
 * and the values counted from purchases ({@link TableSpec#ORDER_DERIVED}) from a day that may be
 * earlier: the first day the new orders can change, or the first cohort that was not final at the last
 * publication (cohorts mature with the run date). Both start at the first published day when that
 * cannot be known: no earlier publication ({@link RecomputationState}), other settings, or a partition
 * read then that was re-ingested since or is not read now. A full run starts at the first day, a
 * backfill at its first day.
 */
final class AffectedDays {
  /**
   * The first day every metric is recomputed, the first day the order-derived values are (never
   * later), and why, for the log. The days between them keep their other values as published.
   */
  record From(LocalDate day, LocalDate ordersDay, String reason) {
    From(LocalDate day, String reason) {
      this(day, day, reason);
    }
  }

  private static final StructType NEW_EXPORTS = new StructType()
      .add("source", DataTypes.StringType).add(RawInputs.EXPORT_DATE, DataTypes.DateType);

  private final SparkSession spark;
  private final QunbaoConfig config;
  private final Storage storage;
  private final Path stateFile;

  AffectedDays(SparkSession spark, QunbaoConfig config, Storage storage, Warehouse warehouse) {
    this.spark = spark;
    this.config = config;
    this.storage = storage;
    this.stateFile = new Path(warehouse.root(), "metrics/" + RecomputationState.FILE);
  }

  /**
   * @param days        the published days of this run (first data day to the run date)
   * @param unpublished the first of those days some metric table lacks, or null
   * @param cleaning    the cleaning-phase models, for the raw views and parameters
   */
  From from(Scope scope, LocalDate runDate, SortedSet<LocalDate> days, LocalDate unpublished, LandedExports landed,
      SqlModels cleaning) {
    if (days.isEmpty()) {
      return new From(runDate.plusDays(1), "no day holds data yet");
    }
    LocalDate first = days.first();
    if (scope.kind() == Scope.Kind.FULL) {
      return new From(first, "full recomputation");
    }
    if (scope.kind() == Scope.Kind.RANGE) {
      return new From(later(first, scope.from()), "backfill from " + scope.from());
    }
    RecomputationState state = RecomputationState.read(storage, stateFile);
    if (state == null) {
      return new From(first, "no earlier publication recorded in metrics/" + RecomputationState.FILE);
    }
    if (!state.settings().equals(settings())) {
      return new From(first, "settings changed since the run of " + state.runDate() + ": " + state.settings() + " -> " + settings());
    }
    if (!landed.keepsEverythingOf(state.exports())) {
      return new From(first, "an export partition read by the run of " + state.runDate()
          + " was ingested again since, or is after this run date");
    }
    List<String> reasons = new ArrayList<>();
    LocalDate from = runDate.plusDays(1);
    NewExportBounds affected = affectedByNewExports(landed.newSince(state.exports()), cleaning);
    if (affected.everyMetric() != null) {
      from = earlier(from, affected.everyMetric());
      reasons.add("new exports change days from " + affected.everyMetric());
    }
    if (unpublished != null) {
      from = earlier(from, unpublished);
      reasons.add("first unpublished day " + unpublished);
    }
    LocalDate maturing = earlier(state.runDate(), runDate).minusDays(config.metrics().conversionWindowDays() - 1L);
    reasons.add("cohorts from " + maturing + " may mature");
    LocalDate ordersFrom = earlier(from, maturing);
    if (affected.orders() != null && affected.orders().isBefore(ordersFrom)) {
      ordersFrom = affected.orders();
      reasons.add("new orders change purchases from " + ordersFrom);
    }
    return new From(later(first, from), later(first, ordersFrom), String.join("; ", reasons));
  }

  /** Records what the run's publication was computed from (after everything is published). */
  void recordPublication(LocalDate runDate, LandedExports landed) {
    new RecomputationState(runDate, settings(), landed).write(storage, stateFile);
  }

  /** The first days the new exports can change ({@code affected_from.sql}); null where they change none. */
  private record NewExportBounds(LocalDate everyMetric, LocalDate orders) {}

  private NewExportBounds affectedByNewExports(Map<String, SortedSet<LocalDate>> added, SqlModels cleaning) {
    List<Row> partitions = new ArrayList<>();
    added.forEach((source, dates) -> dates.forEach(date -> partitions.add(RowFactory.create(source, java.sql.Date.valueOf(date)))));
    if (partitions.isEmpty()) {
      return new NewExportBounds(null, null);
    }
    spark.createDataFrame(partitions, NEW_EXPORTS).createOrReplaceTempView("new_exports");
    // read by four parts of affected_from.sql, each with its own filter: one ranking of the listings, not four
    cleaning.materialize("recomputation", "changed_listings");
    java.sql.Date[] newChat = added.getOrDefault("chat", new TreeSet<>()).stream().map(java.sql.Date::valueOf)
        .toArray(java.sql.Date[]::new);
    Row bounds = cleaning.with("new_chat_exports", newChat).query("recomputation", "affected_from").first();
    return new NewExportBounds(day(bounds, 0), day(bounds, 1));
  }

  private static LocalDate day(Row row, int field) {
    return row.isNullAt(field) ? null : row.getDate(field).toLocalDate();
  }

  /** The configuration values the numbers depend on: other values, other numbers on every day. */
  private Map<String, String> settings() {
    QunbaoConfig.DeadGroup dead = config.metrics().deadGroup();
    Map<String, String> settings = new TreeMap<>();
    settings.put("timezone", config.timezone().toString());
    settings.put("conversion_window_days", Integer.toString(config.metrics().conversionWindowDays()));
    settings.put("dead_group", dead.minAgeDays() + "/" + dead.minActive() + "/" + dead.minActiveShare());
    return settings;
  }

  private static LocalDate earlier(LocalDate a, LocalDate b) {
    return a.isBefore(b) ? a : b;
  }

  private static LocalDate later(LocalDate a, LocalDate b) {
    return a.isAfter(b) ? a : b;
  }

  /** The first of {@code days} that some table's published days lack; null when all have all. */
  static LocalDate firstUnpublished(SortedSet<LocalDate> days, List<Set<LocalDate>> publishedPerTable) {
    for (LocalDate day : days) {
      for (Set<LocalDate> published : publishedPerTable) {
        if (!published.contains(day)) {
          return day;
        }
      }
    }
    return null;
  }
}
