package io.qunbao.reports.judge;

import io.qunbao.common.config.QunbaoConfig;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleUnaryOperator;

/**
 * A headline number's usual band, from the same group type's own recent history: the median of
 * the days before, plus and minus {@code band} standard deviations. The standard deviation is the
 * larger of the history's robust one (1.4826 × the median absolute deviation, which a single odd
 * day does not widen the way a plain standard deviation is) and the one chance alone gives a number
 * of its size (so a history of flat zeros does not flag the first 2 leaves as unusual).
 *
 * @param days how many days of history it was computed from
 */
public record Baseline(double median, double low, double high, int days) {
  /** The median absolute deviation times this estimates the standard deviation of normal data. */
  static final double MAD_TO_SIGMA = 1.4826;

  /**
   * The band of {@code history} (nulls left out); empty with fewer than {@code rule.minDays()}
   * values. {@code chance}: the median → the standard deviation chance alone gives around it.
   */
  public static Optional<Baseline> of(List<Double> history, QunbaoConfig.Baseline rule, DoubleUnaryOperator chance) {
    List<Double> values = history.stream().filter(v -> v != null && !v.isNaN()).sorted().toList();
    if (values.size() < rule.minDays()) {
      return Optional.empty();
    }
    double median = median(values);
    double mad = median(values.stream().map(v -> Math.abs(v - median)).sorted().toList());
    double half = rule.band() * Math.max(MAD_TO_SIGMA * mad, chance.applyAsDouble(median));
    return Optional.of(new Baseline(median, median - half, median + half, values.size()));
  }

  /**
   * The band cut to the values the metric can take (a share lies in 0 … 1, a count from 0): a band
   * reaching past them says nothing more, and would print as an impossible 110%.
   */
  public Baseline within(double min, double max) {
    return new Baseline(median, Math.max(low, min), Math.min(high, max), days);
  }

  /** Where {@code value} lies: above, below or inside the band (the band's edges are inside). */
  public int compare(double value) {
    return value > high ? 1 : value < low ? -1 : 0;
  }

  private static double median(List<Double> sorted) {
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }
}
