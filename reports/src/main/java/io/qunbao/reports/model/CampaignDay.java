package io.qunbao.reports.model;

import java.math.BigDecimal;

/**
 * One row of {@code campaign_daily}: a live code (one campaign, whatever groups it routed to) on the
 * report day: its groups and their fill, its scans and the conversion of the people it brought in.
 * Not final until every joiner's conversion window has closed ({@code isFinal}).
 */
public record CampaignDay(
    String codeId, long groups, long newGroups, long fullGroups, long members, long scans, long scanners, long scanJoins,
    Double scanJoinRate, long codeJoins, long joiners, long converted, Double conversionRate, BigDecimal gmvInWindow,
    boolean isFinal) {

  static CampaignDay from(Row row) {
    return new CampaignDay(
        row.string("code_id"), row.count("groups"), row.count("new_groups"), row.count("full_groups"), row.count("members"),
        row.count("scans"), row.count("scanners"), row.count("scan_joins"), row.rate("scan_join_rate"), row.count("code_joins"),
        row.count("joiners"), row.count("converted"), row.rate("conversion_rate"), row.decimal("gmv_in_window"),
        row.flag("is_final"));
  }
}
