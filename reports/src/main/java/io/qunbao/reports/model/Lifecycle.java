package io.qunbao.reports.model;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The lifecycle curve of spec/metrics.md: per group type, the mean over groups of
 * {@code active_members / members} (from {@code group_daily}) by {@code age_days} (from
 * {@code group_health}) 0 … 29. Every (group, day) of the report's 30 days counts once at its age;
 * a group-day with no members (no {@code group_daily} row, or 0 members) has no rate and is left
 * out rather than counted as 0.
 */
public final class Lifecycle {
  public static final int AGES = 30;

  private Lifecycle() {}

  /** Type → 30 means by age (null where no group of the type had members at that age). */
  public static Map<String, List<Double>> meanActivityByAge(ReportData data) {
    Map<String, GroupActivity> activity = new HashMap<>();
    for (GroupActivity row : data.groupActivity()) {
      activity.put(key(row.day(), row.groupId()), row);
    }
    Map<String, double[]> sums = new TreeMap<>();
    Map<String, int[]> counts = new TreeMap<>();
    for (GroupHealth group : data.health()) {
      GroupActivity day = activity.get(key(group.day(), group.groupId()));
      if (group.ageDays() < 0 || group.ageDays() >= AGES || day == null || day.members() == 0) continue;
      sums.computeIfAbsent(group.type(), t -> new double[AGES])[group.ageDays()] += (double) day.activeMembers() / day.members();
      counts.computeIfAbsent(group.type(), t -> new int[AGES])[group.ageDays()]++;
    }
    Map<String, List<Double>> means = new TreeMap<>();
    for (Map.Entry<String, double[]> type : sums.entrySet()) {
      int[] n = counts.get(type.getKey());
      Double[] mean = new Double[AGES];
      for (int age = 0; age < AGES; age++) {
        mean[age] = n[age] == 0 ? null : type.getValue()[age] / n[age];
      }
      means.put(type.getKey(), java.util.Arrays.asList(mean));
    }
    return means;
  }

  private static String key(LocalDate day, String groupId) {
    return day + "/" + groupId;
  }
}
