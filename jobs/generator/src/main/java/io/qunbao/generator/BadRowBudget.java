package io.qunbao.generator;

import java.util.List;
import java.util.SplittableRandom;

/**
 * When to inject a bad row into one export (source and day), and of which kind. Bad rows never exceed
 * {@link #MAX_SHARE} of the rows written so far, so every export stays far below the ingest gate (1% of
 * an export with at least 100 rows) whatever the seed; the kinds take turns so that each of them shows
 * up in any inbox of reasonable size.
 */
final class BadRowBudget {
  /** Hard ceiling of bad rows per export: half the default gate. */
  static final double MAX_SHARE = 0.005;
  /** Chance of a bad row after each good one, when the ceiling allows it. */
  static final double INJECT_CHANCE = 0.003;

  private final List<RejectClass> kinds;
  private final SplittableRandom random;
  private int nextKind;
  private long good;
  private long bad;

  BadRowBudget(List<RejectClass> kinds, SplittableRandom random) {
    this.kinds = List.copyOf(kinds);
    this.random = random;
  }

  /** Starts the count of a new export; the turn of kinds goes on across exports. */
  void startExport() {
    good = 0;
    bad = 0;
  }

  void countGood() {
    good++;
  }

  /** The kind of bad row to write now, or null for none. Counts it when it returns one. */
  RejectClass nextBadRow() {
    if (random.nextDouble() >= INJECT_CHANCE || bad + 1 > Math.floor(MAX_SHARE * (good + bad + 1))) {
      return null;
    }
    return takeTurn();
  }

  /**
   * The next kind, without the chance draw: snapshots (a few hundred rows at most) get one bad row
   * each, which the gate allows (1 of at least 100 rows is exactly 1%, and smaller exports are not gated).
   */
  RejectClass takeTurn() {
    bad++;
    RejectClass kind = kinds.get(nextKind);
    nextKind = (nextKind + 1) % kinds.size();
    return kind;
  }

  long bad() {
    return bad;
  }
}
