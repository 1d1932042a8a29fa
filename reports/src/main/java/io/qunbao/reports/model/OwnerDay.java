package io.qunbao.reports.model;

import java.math.BigDecimal;

/**
 * One row of {@code owner_daily}: a group owner's groups existing on the report day, their reach,
 * activity and sales, and how many of them are dead by the table's rule; {@code ownerName} from the
 * latest staff snapshot on or before the day that lists the owner (null when none does).
 */
public record OwnerDay(
    String ownerId, String ownerName, long groups, long members, long activeMembers, long reachedMembers, Double reachRate,
    Double activityRate, long orders, long buyers, BigDecimal gmv, long deadGroups) {

  static OwnerDay from(Row row) {
    return new OwnerDay(
        row.string("owner_id"), null, row.count("groups"), row.count("members"), row.count("active_members"),
        row.count("reached_members"), row.rate("reach_rate"), row.rate("activity_rate"), row.count("orders"),
        row.count("buyers"), row.decimal("gmv"), row.count("dead_groups"));
  }

  OwnerDay named(String name) {
    return new OwnerDay(ownerId, name, groups, members, activeMembers, reachedMembers, reachRate, activityRate, orders, buyers,
        gmv, deadGroups);
  }
}
