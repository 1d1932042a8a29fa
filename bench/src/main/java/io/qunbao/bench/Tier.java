package io.qunbao.bench;

/**
 * The data tiers, each generated from a fixed seed. The generator's scale knob is the number of groups
 * (messages per group per day stay at its realistic default); groups are created over the whole span and
 * are busiest in their first week, so a day's volume follows groups / days. H30 and H90 have the same
 * daily volume with 30 and with 90 days of history behind the last night: how a night's cost grows with
 * the history. BenchMain logs the count each tier actually got.
 */
enum Tier {
  S(1, 1_100, 120, "1 day, ~100k messages"),
  M(30, 9_600, 120, "30 days, ~10M messages"),
  L(30, 48_000, 120, "30 days, ~50M messages"),
  H30(30, 3_200, 120, "30 days of history at a third of M's daily volume, ~3M messages"),
  H90(90, 7_400, 120, "90 days of history, the last day as busy as H30's, ~12M rows");

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
