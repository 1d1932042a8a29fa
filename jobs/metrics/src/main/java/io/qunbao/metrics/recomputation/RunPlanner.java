package io.qunbao.metrics.recomputation;

import io.qunbao.common.Source;
import io.qunbao.common.config.QunbaoConfig;
import io.qunbao.common.storage.Storage;
import io.qunbao.common.storage.Warehouse;
import io.qunbao.metrics.LandedTables;
import io.qunbao.metrics.Scope;
import io.qunbao.metrics.SqlModels;
import io.qunbao.metrics.TableSpec;
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
 * Decides a run's {@link RunPlan} (metrics.md, "Runs, late data and recomputation"). A nightly run
 * recomputes every value from the earliest of
 * <ul>
 *   <li>the first day the export partitions new since the last publication can change
 *       ({@code sql/recomputation/affected_from.sql}, over {@code changed_listings.sql});
 *   <li>the first day some table has not published;
 *   <li>the first day of a row still provisional at the last publication, of the tables that
 *       declare their rows provisional ({@code recomputation.provisional-days}): their rows change with the run date alone;
 * </ul>
 * and the values counted from purchases from a day that may be earlier: the first day the new orders can
 * change, and the provisional rows of the tables recomputed with purchases. It resumes the cleaning and the
 * membership walk at its first day when the state it resumes from is published. Every value starts at
 * the first published day when that cannot be known: no earlier publication ({@link RecomputationState}),
 * other settings, or a partition read then that was re-ingested since or is not read now. A full run
 * starts at the first day, a backfill at its first day; neither resumes.
 */
public final class RunPlanner {
  private static final StructType NEW_EXPORTS = new StructType()
      .add("source", DataTypes.StringType).add(LandedTables.EXPORT_DATE, DataTypes.DateType);

  private final SparkSession spark;
  private final QunbaoConfig config;
  private final Storage storage;
  private final Path stateFile;

  public RunPlanner(SparkSession spark, QunbaoConfig config, Storage storage, Warehouse warehouse) {
    this.spark = spark;
    this.config = config;
    this.storage = storage;
    this.stateFile = new Path(warehouse.root(), "metrics/" + RecomputationState.FILE);
  }

  /** What the run publishes before this one, and what its resumption can read back. */
  public record PublishedState(Map<String, Set<LocalDate>> days, boolean intervalsPublished) {}

  /**
   * @param days      the published days of this run (first data day to the run date)
   * @param published what the tables had published before this run
   * @param tables    the published metrics tables, for their declared provisional days
   * @param cleaning  the cleaning-phase models, for the raw views and parameters
   */
  public RunPlan plan(Scope scope, LocalDate runDate, SortedSet<LocalDate> days, PublishedState published,
      List<TableSpec> tables, LandedExports landed, SqlModels cleaning) {
    if (days.isEmpty()) {
      return RunPlan.everyDay(runDate, scope, days, published.days(), "no day holds data yet");
    }
    LocalDate first = days.first();
    if (scope.kind() == Scope.Kind.FULL) {
      return RunPlan.everyDay(runDate, scope, days, published.days(), "full recomputation");
    }
    if (scope.kind() == Scope.Kind.RANGE) {
      LocalDate from = later(first, scope.from());
      return new RunPlan(runDate, scope, days, from, from, RunPlan.EVERY_DAY, published.days(),
          "backfill from " + scope.from());
    }
    RecomputationState state = RecomputationState.read(storage, stateFile);
    String everyDay = null;
    if (state == null) {
      everyDay = "no earlier publication recorded in metrics/" + RecomputationState.FILE;
    } else if (!state.settings().equals(settings())) {
      everyDay = "settings changed since the run of " + state.runDate() + ": " + state.settings() + " -> " + settings();
    } else if (!landed.keepsEverythingOf(state.exports())) {
      everyDay = "an export partition read by the run of " + state.runDate()
          + " was ingested again since, or is after this run date";
    }
    if (everyDay != null) {
      return RunPlan.everyDay(runDate, scope, days, published.days(), everyDay);
    }

    List<String> reasons = new ArrayList<>();
    LocalDate activityFrom = runDate.plusDays(1);
    NewExportBounds affected = affectedByNewExports(landed.newSince(state.exports()), cleaning);
    if (affected.everyValue() != null) {
      activityFrom = earlier(activityFrom, affected.everyValue());
      reasons.add("new exports change days from " + affected.everyValue());
    }
    LocalDate unpublished = firstUnpublished(days, published.days().values());
    if (unpublished != null) {
      activityFrom = earlier(activityFrom, unpublished);
      reasons.add("first unpublished day " + unpublished);
    }
    LocalDate lastRun = earlier(state.runDate(), runDate);
    LocalDate provisional = firstProvisional(tables, ValueKind.ACTIVITY, lastRun);
    if (provisional != null && provisional.isBefore(activityFrom)) {
      activityFrom = provisional;
      reasons.add("rows from " + provisional + " were provisional");
    }
    LocalDate purchasesFrom = activityFrom;
    LocalDate maturing = firstProvisional(tables, ValueKind.PURCHASES, lastRun);
    if (maturing != null && maturing.isBefore(purchasesFrom)) {
      purchasesFrom = maturing;
      reasons.add("cohorts from " + maturing + " may mature");
    }
    if (affected.purchases() != null && affected.purchases().isBefore(purchasesFrom)) {
      purchasesFrom = affected.purchases();
      reasons.add("new orders change purchases from " + purchasesFrom);
    }
    activityFrom = later(first, activityFrom);
    // the state a night resumes from: the messages of every day before its first one (a day without
    // them is a first unpublished day, above) and the intervals they left
    LocalDate resumeFrom = published.intervalsPublished() ? activityFrom : RunPlan.EVERY_DAY;
    return new RunPlan(runDate, scope, days, activityFrom, later(first, purchasesFrom), resumeFrom,
        published.days(), reasons.isEmpty() ? "nothing new" : String.join("; ", reasons));
  }

  /** Records what the run's publication was computed from (after everything is published). */
  public void recordPublication(LocalDate runDate, LandedExports landed) {
    new RecomputationState(runDate, settings(), landed).write(storage, stateFile);
  }

  /**
   * The first day of a row that was provisional at the last run, of the tables recomputed with
   * {@code kind}: a row of day D stays provisional while D + its provisional days > the run date.
   */
  private LocalDate firstProvisional(List<TableSpec> tables, ValueKind kind, LocalDate lastRun) {
    int longest = tables.stream()
        .filter(table -> table.recomputation().from() == kind)
        .mapToInt(table -> table.recomputation().provisionalDays(config.metrics().conversionWindowDays()))
        .max().orElse(0);
    return longest == 0 ? null : lastRun.minusDays(longest - 1L);
  }

  /** The first days the new exports can change ({@code affected_from.sql}); null where they change none. */
  private record NewExportBounds(LocalDate everyValue, LocalDate purchases) {}

  private NewExportBounds affectedByNewExports(Map<String, SortedSet<LocalDate>> added, SqlModels cleaning) {
    List<Row> partitions = new ArrayList<>();
    added.forEach((source, dates) -> dates.forEach(date -> partitions.add(RowFactory.create(source, java.sql.Date.valueOf(date)))));
    if (partitions.isEmpty()) {
      return new NewExportBounds(null, null);
    }
    spark.createDataFrame(partitions, NEW_EXPORTS).createOrReplaceTempView("new_exports");
    // read by four parts of affected_from.sql, each with its own filter: one ranking of the listings, not four
    cleaning.materialize("recomputation", "changed_listings");
    java.sql.Date[] newChat = added.getOrDefault(Source.CHAT.id(), new TreeSet<>()).stream().map(java.sql.Date::valueOf)
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
  static LocalDate firstUnpublished(SortedSet<LocalDate> days, java.util.Collection<Set<LocalDate>> publishedPerTable) {
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
