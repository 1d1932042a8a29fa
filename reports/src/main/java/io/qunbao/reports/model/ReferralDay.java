package io.qunbao.reports.model;

/**
 * One row of {@code referral_daily}: a group type's referred joins of the report day, gross and
 * net of quick quits and repeats, and how deep in a referral chain they are. Not final until every
 * join's 24 hours have passed ({@code isFinal}).
 */
public record ReferralDay(
    String type, long referredJoins, long netReferredJoins, long quickQuits, long repeatJoins, Double netKFactor,
    long gen1Joins, long gen2Joins, long gen3plusJoins, long maxDepth, boolean isFinal) {

  static ReferralDay from(Row row) {
    return new ReferralDay(
        row.string("group_type"), row.count("referred_joins"), row.count("net_referred_joins"), row.count("quick_quits"),
        row.count("repeat_joins"), row.rate("net_k_factor"), row.count("gen1_joins"), row.count("gen2_joins"),
        row.count("gen3plus_joins"), row.count("max_depth"), row.flag("is_final"));
  }
}
