package io.qunbao.metrics.recomputation;

import io.qunbao.metrics.Scope;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What one metrics run recomputes and what it reads back from the warehouse, decided once, before any
 * metric is computed ({@link RunPlanner}), and passed down to every stage: the models bind its days as
 * SQL parameters ({@link #parameters}), the comparison and the publication take each table's days from it.
 *
 * <p>The days of the run are every published day, from the first day holding data to the run date.
 * Every value is recomputed from {@code activityFrom}; the values counted from purchases from
 * {@code purchasesFrom} (never later). A model never computes a day outside those ranges; on the days
 * from {@code purchasesFrom} to {@code activityFrom} a table mixing both kinds reads its other values
 * back as published ({@link #carriedDays}).
 *
 * @param runDate       the run date R: exports dated on or before it are read
 * @param scope         nightly, full or a backfill range
 * @param days          the published days, first data day to R
 * @param activityFrom  the first day whose every value is recomputed (after R: none)
 * @param purchasesFrom the first day whose values counted from purchases are recomputed
 * @param resumeFrom    the first day the cleaning and the membership walk compute; the messages of the
 *                      days before, and the intervals they left, are read as published
 *                      ({@link #EVERY_DAY}: nothing is resumed)
 * @param published     per table (metrics tables, and the messages kept by day), the days it had
 *                      published before this run
 * @param reason        why these days, for the log
 */
public record RunPlan(
    LocalDate runDate,
    Scope scope,
    SortedSet<LocalDate> days,
    LocalDate activityFrom,
    LocalDate purchasesFrom,
    LocalDate resumeFrom,
    Map<String, Set<LocalDate>> published,
    String reason) {

  /** The resume point of a run that resumes nothing: before every day (the earliest date Spark holds). */
  public static final LocalDate EVERY_DAY = LocalDate.of(1, 1, 1);

  /** A plan that recomputes every day and resumes nothing: a full run, and the family tests. */
  public static RunPlan everyDay(LocalDate runDate, Scope scope, SortedSet<LocalDate> days,
      Map<String, Set<LocalDate>> published, String reason) {
    LocalDate first = days.isEmpty() ? runDate.plusDays(1) : days.first();
    return new RunPlan(runDate, scope, days, first, first, EVERY_DAY, published, reason);
  }

  /** The days whose values of {@code kind} this run recomputes. */
  public SortedSet<LocalDate> recomputed(ValueKind kind) {
    return days.tailSet(kind == ValueKind.PURCHASES ? purchasesFrom : activityFrom);
  }

  /** The days recomputed for their purchases alone: their other values are read back as published. */
  public SortedSet<LocalDate> carriedDays() {
    return purchasesFrom.isBefore(activityFrom) ? days.subSet(purchasesFrom, activityFrom) : new TreeSet<>();
  }

  public boolean resumes() {
    return !resumeFrom.equals(EVERY_DAY);
  }

  /** The days {@code table} had published before this run (none when it never published). */
  public Set<LocalDate> publishedBefore(String table) {
    return published.getOrDefault(table, Set.of());
  }

  /**
   * Of the recomputed {@code days} of {@code table}, those to publish whether or not their rows
   * changed: the days the scope forces, and the days it admits that were never published (an empty
   * day is published too: "computed, nothing to report" differs from "not computed").
   */
  public SortedSet<LocalDate> publishedAnyway(String table, SortedSet<LocalDate> days) {
    Set<LocalDate> before = publishedBefore(table);
    SortedSet<LocalDate> publish = new TreeSet<>();
    for (LocalDate day : days) {
      if (scope.forces(day) || (scope.admits(day) && !before.contains(day))) {
        publish.add(day);
      }
    }
    return publish;
  }

  /**
   * The plan's days as SQL parameters, one convention for every model: a model computes the days from
   * {@code :activity_from} (or {@code :purchases_from} for values counted from purchases) to
   * {@code :run_date}, and reads what lies before {@code :resume_from} as published.
   */
  public Map<String, Object> parameters() {
    return Map.of(
        "run_date", runDate,
        "activity_from", activityFrom,
        "purchases_from", purchasesFrom,
        "resume_from", resumeFrom);
  }
}
