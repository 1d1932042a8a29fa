package io.qunbao.reports.model;

import java.time.LocalDate;

/** The two columns of a {@code group_daily} row the lifecycle curve needs. */
public record GroupActivity(LocalDate day, String groupId, long members, long activeMembers) {

  static GroupActivity from(Row row) {
    return new GroupActivity(row.partitionDay(), row.string("group_id"), row.count("members"), row.count("active_members"));
  }
}
