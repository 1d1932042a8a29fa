package io.qunbao.reports.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The numbers a group type is judged by: each type's card shows them, and targets, purposes,
 * baselines and material restatements name them by their column names. All come from
 * {@code type_daily} of the day, except conversion, which comes from a cohort of
 * {@code cohort_conversion}.
 */
public enum HeadlineMetric {
  MEMBERS(Unit.COUNT, true),
  REACH_RATE(Unit.RATE, true),
  ACTIVITY_RATE(Unit.RATE, true),
  CONVERSION_RATE(Unit.RATE, true),
  REPURCHASE_RATE_30D(Unit.RATE, true),
  K_FACTOR(Unit.RATIO, true),
  GMV(Unit.MONEY, true),
  LEAVES(Unit.COUNT, false);

  /** How a value is printed and how a change of it is measured. */
  public enum Unit {
    /** People or events: {@code 1,234}; a change is a share of the value before. */
    COUNT,
    /** A share printed in percent; a change is in percentage points. */
    RATE,
    /** A small ratio (the k-factor) printed with three decimals; a change is a share. */
    RATIO,
    /** Yuan: {@code ¥1,234.00}; a change is a share. */
    MONEY
  }

  private final Unit unit;
  private final boolean higherIsBetter;

  HeadlineMetric(Unit unit, boolean higherIsBetter) {
    this.unit = unit;
    this.higherIsBetter = higherIsBetter;
  }

  /** The table column (and config name): {@code reach_rate}. */
  public String column() {
    return name().toLowerCase(Locale.ROOT);
  }

  public Unit unit() {
    return unit;
  }

  /** False for leaves: a rise is the bad direction. */
  public boolean higherIsBetter() {
    return higherIsBetter;
  }

  /** The table the metric is published in. */
  public String table() {
    return this == CONVERSION_RATE ? "cohort_conversion" : "type_daily";
  }

  public static Optional<HeadlineMetric> byColumn(String column) {
    return Arrays.stream(values()).filter(m -> m.column().equals(column)).findFirst();
  }

  /**
   * The metric's value on a type's day, with the counts it is made of; the denominator is the
   * population the small-denominator rule looks at (members for counts and money, the rate's own
   * denominator for rates). Not for conversion, which is a cohort's ({@link #observe(Cohort)}).
   */
  public Observation observe(TypeDay day) {
    return switch (this) {
      case MEMBERS -> new Observation(asDouble(day.members()), day.members(), day.members());
      case REACH_RATE -> new Observation(day.reachRate(), day.reachedMembers(), day.members());
      case ACTIVITY_RATE -> new Observation(day.activityRate(), day.activeMembers(), day.members());
      case REPURCHASE_RATE_30D -> new Observation(day.repurchaseRate30d(), day.repeatBuyers30d(), day.repurchaseBuyers30d());
      case K_FACTOR -> new Observation(day.kFactor(), day.referredJoins(), day.members());
      case GMV -> new Observation(day.gmv() == null ? null : day.gmv().doubleValue(), day.orders(), day.members());
      case LEAVES -> new Observation(asDouble(day.leaves()), day.leaves(), day.members());
      case CONVERSION_RATE -> throw new IllegalArgumentException("conversion is a cohort's: observe(Cohort)");
    };
  }

  /** A cohort's conversion: converted of joiners. */
  public static Observation observe(Cohort cohort) {
    return new Observation(cohort.conversionRate(), cohort.converted(), cohort.joiners());
  }

  private static Double asDouble(Long value) {
    return value == null ? null : value.doubleValue();
  }
}
