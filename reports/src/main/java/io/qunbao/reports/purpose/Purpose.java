package io.qunbao.reports.purpose;

import io.qunbao.reports.model.GroupHealth;
import io.qunbao.reports.model.HeadlineMetric;
import java.util.List;

/**
 * What a group type is for and so how the report judges it: its purpose (a code the report prints
 * in its language), its primary metrics (most important first), how long its groups are meant to
 * run (null: meant to last) and when one of them is dying.
 */
public record Purpose(String code, List<HeadlineMetric> primary, Integer lifespanDays, DyingRule dying) {

  /** What the report says of a group on the day. */
  public enum GroupStatus {
    /** Meant to last (or still within its lifespan), and quiet: the warning the list exists for. */
    DYING,
    /** Quiet after the days it was meant to run (its event, its camp): expected, not a warning. */
    ENDED,
    LIVELY
  }

  public GroupStatus status(GroupHealth group) {
    if (lifespanDays != null && group.ageDays() >= lifespanDays && dying.isQuiet(group)) {
      return GroupStatus.ENDED;
    }
    return dying.isDying(group) ? GroupStatus.DYING : GroupStatus.LIVELY;
  }
}
