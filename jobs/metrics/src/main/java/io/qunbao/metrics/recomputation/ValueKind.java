package io.qunbao.metrics.recomputation;

/**
 * The two kinds of value a run recomputes from different first days (jobs/metrics/README.md, "Which
 * days a run recomputes"). Each table declares the kind its rows are recomputed with, in its
 * {@code tables/<table>.yml} ({@code recomputation.from}).
 */
public enum ValueKind {
  /**
   * Every value of a day: what chat, scans and the snapshots count. New rows of those reach back to
   * their own day (a join: the day before, for the scans of the 24 h before it), a changed listing to
   * the first day of the group or member it changes.
   */
  ACTIVITY,
  /**
   * The values counted from purchases (orders, buyers, gmv, repurchase, conversion). They also change
   * with new order rows, which reach back a conversion window before the purchase (a refund arrives
   * days later), and with the run date alone while a cohort's window is open. So they may be
   * recomputed from an earlier day than the activity; a table recomputed with them either has only
   * such values or reads its other values back as published on the days between.
   */
  PURCHASES
}
