package io.qunbao.reports.format;

import io.qunbao.reports.i18n.Messages;
import io.qunbao.reports.model.HeadlineMetric;
import io.qunbao.reports.model.Observation;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.util.Locale;

/**
 * The one place where the report turns numbers into text, so a number reads the same in every card,
 * table, chart caption and the PDF: rates as a percent with one decimal, counts with thousands
 * separators, GMV as {@code ¥1,234.00}, and a rate always beside its counts ("5.2% · 52 of 1,000").
 * A missing value (a rate whose denominator is 0 is null in the tables) prints as an em dash.
 */
public final class ReportFormat {
  public static final String MISSING = "—";

  private final Messages messages;

  public ReportFormat(Messages messages) {
    this.messages = messages;
  }

  /** {@code 0.0523} → {@code 5.2%}. */
  public String percent(Double rate) {
    if (rate == null || rate.isNaN()) return MISSING;
    return decimal("0.0").format(scaled(rate * 100, 1)) + "%";
  }

  /** {@code 1234} → {@code 1,234}. */
  public String count(Long count) {
    return count == null ? MISSING : decimal("#,##0").format(count);
  }

  /** {@code 1234.5} → {@code ¥1,234.50}. */
  public String gmv(BigDecimal yuan) {
    if (yuan == null) return MISSING;
    String digits = decimal("#,##0.00").format(yuan.abs().setScale(2, RoundingMode.HALF_UP));
    return (yuan.signum() < 0 ? "-¥" : "¥") + digits;
  }

  /**
   * The k-factor is a ratio of joins to members, not a share, and usually small: three decimals,
   * {@code 0.00538} → {@code 0.005}.
   */
  public String ratio(Double value) {
    if (value == null || value.isNaN()) return MISSING;
    return decimal("0.000").format(scaled(value, 3));
  }

  /** {@code 5.2% · 52 of 1,000}; the counts are printed even when the rate is missing. */
  public String rateWithCounts(Double rate, Long numerator, Long denominator) {
    return messages.format("format.rateWithCounts", percent(rate), count(numerator), count(denominator));
  }

  /** {@code 0.17 · 1 of 6}: a ratio beside the counts it is made of. */
  public String ratioWithCounts(Double value, Long numerator, Long denominator) {
    return messages.format("format.rateWithCounts", ratio(value), count(numerator), count(denominator));
  }

  /** A change of a rate, in percentage points: {@code +1.2 pp}; missing when either side is. */
  public String percentPointChange(Double now, Double before) {
    if (now == null || before == null || now.isNaN() || before.isNaN()) return MISSING;
    return signed(decimal("0.0").format(scaled((now - before) * 100, 1)), (now - before)) + messages.get("format.pp");
  }

  public String countChange(Long now, Long before) {
    if (now == null || before == null) return MISSING;
    return signed(decimal("#,##0").format(Math.abs(now - before)), now - before);
  }

  public String ratioChange(Double now, Double before) {
    if (now == null || before == null || now.isNaN() || before.isNaN()) return MISSING;
    return signed(decimal("0.000").format(scaled(Math.abs(now - before), 3)), now - before);
  }

  public String gmvChange(BigDecimal now, BigDecimal before) {
    if (now == null || before == null) return MISSING;
    BigDecimal change = now.subtract(before);
    return signed(gmv(change.abs()), change.signum());
  }

  /** A headline metric's value alone, in its unit: {@code 5.2%}, {@code 1,234}, {@code ¥1,234.00}, {@code 0.005}. */
  public String plain(HeadlineMetric metric, Double value) {
    if (value == null || value.isNaN()) return MISSING;
    return switch (metric.unit()) {
      case RATE -> percent(value);
      case RATIO -> ratio(value);
      case MONEY -> gmv(BigDecimal.valueOf(value));
      case COUNT -> count(Math.round(value));
    };
  }

  /** A headline metric's value as a card prints it: a rate or ratio beside its counts, money and counts alone. */
  public String withCounts(HeadlineMetric metric, Observation observation) {
    return switch (metric.unit()) {
      case RATE -> rateWithCounts(observation.value(), observation.numerator(), observation.denominator());
      case RATIO -> ratioWithCounts(observation.value(), observation.numerator(), observation.denominator());
      default -> plain(metric, observation.value());
    };
  }

  /** A value as {@code revisions} stores it (text), in its metric's unit; null (no row) is a dash. */
  public String stored(HeadlineMetric metric, String value) {
    return value == null ? MISSING : plain(metric, new BigDecimal(value).doubleValue());
  }

  /** The change of a headline metric: percentage points for rates, its own unit otherwise. */
  public String change(HeadlineMetric metric, Double now, Double before) {
    if (now == null || before == null || now.isNaN() || before.isNaN()) return MISSING;
    return switch (metric.unit()) {
      case RATE -> percentPointChange(now, before);
      case RATIO -> ratioChange(now, before);
      case MONEY -> gmvChange(BigDecimal.valueOf(now), BigDecimal.valueOf(before));
      case COUNT -> countChange(Math.round(now), Math.round(before));
    };
  }

  /**
   * A band between two values of a metric: {@code 6.1–8.0%}, {@code ¥1,000–¥1,501} (money in whole
   * yuan: a band is a usual range, not an amount). A lower edge below 0 is drawn at 0.
   */
  public String band(HeadlineMetric metric, double low, double high) {
    double from = Math.max(0, low);
    return switch (metric.unit()) {
      case RATE -> decimal("0.0").format(scaled(from * 100, 1)) + "–" + percent(high);
      case MONEY -> "¥" + decimal("#,##0").format(scaled(from, 0)) + "–¥" + decimal("#,##0").format(scaled(high, 0));
      default -> plain(metric, from) + "–" + plain(metric, high);
    };
  }

  /** {@code 2026-10-03} → {@code 10-03}, the short form used on chart axes and in lists. */
  public String shortDate(LocalDate day) {
    return String.format(Locale.ROOT, "%02d-%02d", day.getMonthValue(), day.getDayOfMonth());
  }

  private static String signed(String magnitude, double change) {
    String digits = magnitude.startsWith("-") ? magnitude.substring(1) : magnitude;
    if (isZero(digits)) return "±" + digits;
    return (change > 0 ? "+" : "−") + digits;
  }

  /** A change that rounds to zero prints as ±0.0, never as a signed zero. */
  private static boolean isZero(String digits) {
    return digits.chars().noneMatch(c -> c >= '1' && c <= '9');
  }

  /** Rounds half-up on the decimal value, so 0.05 % of a share prints as 0.1, not as 0.0. */
  private static BigDecimal scaled(double value, int places) {
    return BigDecimal.valueOf(value).setScale(places, RoundingMode.HALF_UP);
  }

  private static DecimalFormat decimal(String pattern) {
    return new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.ROOT));
  }
}
