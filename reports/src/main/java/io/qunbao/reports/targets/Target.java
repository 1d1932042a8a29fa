package io.qunbao.reports.targets;

/** A bound on one metric of one group type; {@code value} in the metric's unit (a share for rates). */
public record Target(Direction direction, double value) {
  public enum Direction { AT_LEAST, AT_MOST }

  /** Hit when the actual value is on the right side of the bound, the bound included; unknown when there is no value. */
  public Boolean hit(Double actual) {
    if (actual == null || actual.isNaN()) return null;
    return direction == Direction.AT_LEAST ? actual >= value : actual <= value;
  }
}
