package io.qunbao.reports.model;

import java.time.LocalDate;

/** One row of {@code group_health}: an existing group on {@code day}. */
public record GroupHealth(
    LocalDate day, String groupId, String type, int ageDays, long members, long active7d, long messages7d, boolean isDead) {

  static GroupHealth from(Row row) {
    return new GroupHealth(
        row.partitionDay(), row.string("group_id"), row.string("group_type"), row.count("age_days").intValue(),
        row.count("members"), row.count("active_7d"), row.count("messages_7d"), row.flag("is_dead"));
  }
}
