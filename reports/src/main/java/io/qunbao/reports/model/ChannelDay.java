package io.qunbao.reports.model;

/** One row of {@code channel_daily}: a live code's scans on the report day, for one group type. */
public record ChannelDay(String codeId, String channel, String type, long scans, long scanners, long scanJoins, Double scanJoinRate) {

  static ChannelDay from(Row row) {
    return new ChannelDay(
        row.string("code_id"), row.string("channel"), row.string("group_type"), row.count("scans"),
        row.count("scanners"), row.count("scan_joins"), row.rate("scan_join_rate"));
  }
}
