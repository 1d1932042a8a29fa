package io.qunbao.reports.model;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One row of {@code type_daily}: a group type's day. {@code type} is null on the unattributed row. */
public record TypeDay(
    LocalDate day,
    String type,
    Long groups,
    Long members,
    Long joins,
    Long leaves,
    Long activeMembers,
    Double activityRate,
    Long reachedMembers,
    Double reachRate,
    Long referredJoins,
    Long referrers,
    Double kFactor,
    Long orders,
    Long buyers,
    BigDecimal gmv,
    Long scans,
    Long scanners,
    Long scanJoins,
    Double scanJoinRate,
    Long repurchaseBuyers30d,
    Long repeatBuyers30d,
    Double repurchaseRate30d) {

  static TypeDay from(Row row) {
    return new TypeDay(
        row.partitionDay(), row.string("group_type"), row.count("groups"), row.count("members"),
        row.count("joins"), row.count("leaves"), row.count("active_members"), row.rate("activity_rate"), row.count("reached_members"), row.rate("reach_rate"),
        row.count("referred_joins"), row.count("referrers"), row.rate("k_factor"), row.count("orders"),
        row.count("buyers"), row.decimal("gmv"), row.count("scans"), row.count("scanners"), row.count("scan_joins"),
        row.rate("scan_join_rate"), row.count("repurchase_buyers_30d"), row.count("repeat_buyers_30d"),
        row.rate("repurchase_rate_30d"));
  }
}
