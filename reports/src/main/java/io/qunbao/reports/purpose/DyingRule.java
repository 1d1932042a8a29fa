package io.qunbao.reports.purpose;

import io.qunbao.reports.model.GroupHealth;

/**
 * When a group counts as dying (metrics.md, "Group health", with thresholds per group type): at
 * least {@code minAgeDays} old and fewer than {@code max(minActive, ceil(minActiveShare × members))}
 * members active in the last 7 days.
 */
public record DyingRule(int minAgeDays, int minActive, double minActiveShare) {

  /** Fewer members active in 7 days than the type expects, whatever the group's age. */
  public boolean isQuiet(GroupHealth group) {
    return group.active7d() < Math.max(minActive, (long) Math.ceil(minActiveShare * group.members()));
  }

  public boolean isDying(GroupHealth group) {
    return group.ageDays() >= minAgeDays && isQuiet(group);
  }
}
