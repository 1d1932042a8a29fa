package io.qunbao.reports.model;

/** A customer whose invitations brought referred joins on the report day ({@code metrics/referrer_daily}). */
public record Referrer(String referrerId, String type, long referredJoins) {

  static Referrer from(Row row) {
    return new Referrer(row.string("referrer_id"), row.string("group_type"), row.count("referred_joins"));
  }
}
