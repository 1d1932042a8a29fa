package io.qunbao.bench;

/**
 * The data tiers of issue 6, each generated from a fixed seed. Groups and messages per group per day are
 * the generator's scale knobs; the message counts are targets (BenchMain prints what was generated).
 */
enum Tier {
  S(1, 900, 120, "1 day, ~100k messages"),
  M(30, 3000, 120, "30 days, ~10M messages"),
  L(30, 15000, 120, "30 days, ~50M messages");

  static final long SEED = 20261101L;
  static final String START_DATE = "2026-11-01";

  final int days;
  final int groups;
  final double messagesPerGroupPerDay;
  final String description;

  Tier(int days, int groups, double messagesPerGroupPerDay, String description) {
    this.days = days;
    this.groups = groups;
    this.messagesPerGroupPerDay = messagesPerGroupPerDay;
    this.description = description;
  }
}
