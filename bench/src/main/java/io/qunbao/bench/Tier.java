package io.qunbao.bench;

/**
 * The data tiers of issue 6, each generated from a fixed seed. The generator's scale knob is the number of
 * groups (messages per group per day stay at its realistic default); the counts were calibrated on probes:
 * 900 groups give 82.8k chat lines on 1 day, 100 groups 103.7k over 30 days (groups are busiest in their
 * first week). BenchMain logs the count each tier actually got.
 */
enum Tier {
  S(1, 1_100, 120, "1 day, ~100k messages"),
  M(30, 9_600, 120, "30 days, ~10M messages"),
  L(30, 48_000, 120, "30 days, ~50M messages");

  static final long SEED = 20261101L;

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
