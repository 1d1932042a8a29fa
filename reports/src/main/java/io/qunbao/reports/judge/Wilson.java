package io.qunbao.reports.judge;

/**
 * The Wilson score interval's lower bound of a rate: the rate one can be 95% sure a code at least
 * reaches, given how many people it is measured on. A code with 1 scanner who joined (100%) gets
 * about 21%; one with 400 joins of 500 scanners about 76%: volume counts, so ranking by it is fair.
 */
public final class Wilson {
  /** The normal quantile of a two-sided 95% interval. */
  static final double Z = 1.959963984540054;

  private Wilson() {}

  /** The lower bound of {@code successes / trials}; null without trials. */
  public static Double lowerBound(long successes, long trials) {
    if (trials <= 0) return null;
    double n = trials;
    double p = successes / n;
    double z2 = Z * Z;
    double centre = p + z2 / (2 * n);
    double spread = Z * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n));
    return Math.max(0, (centre - spread) / (1 + z2 / n));
  }
}
