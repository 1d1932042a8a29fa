package io.qunbao.ingest.parse;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * Money in yuan as exports write it: {@code 199.00}, {@code ¥1,299.00}, {@code ￥15.00},
 * {@code 2,000.00}. At least 0, at most two decimals; returned with scale 2 (decimal(18,2)).
 */
public final class Amounts {
  /** Digits with optional, correctly placed thousands separators and up to any decimals (checked below). */
  private static final Pattern NUMBER = Pattern.compile("-?(\\d{1,3}(,\\d{3})+|\\d+)(\\.\\d+)?");
  private static final int MAX_INTEGER_DIGITS = 16;

  private Amounts() {}

  public static BigDecimal parse(String field, String value) throws RowRejected {
    String number = stripCurrencySign(value);
    if (!NUMBER.matcher(number).matches()) {
      throw new RowRejected(RejectReason.BAD_AMOUNT, field + " " + value + " is not an amount");
    }
    BigDecimal amount = new BigDecimal(number.replace(",", ""));
    if (amount.signum() < 0) {
      throw new RowRejected(RejectReason.BAD_AMOUNT, field + " " + value + " is negative");
    }
    if (amount.scale() > 2) {
      throw new RowRejected(RejectReason.BAD_AMOUNT, field + " " + value + " has more than two decimals");
    }
    if (amount.precision() - amount.scale() > MAX_INTEGER_DIGITS) {
      throw new RowRejected(RejectReason.BAD_AMOUNT, field + " " + value + " is too large for decimal(18,2)");
    }
    return amount.setScale(2);
  }

  private static String stripCurrencySign(String value) {
    char first = value.charAt(0);
    return first == '¥' || first == '￥' ? value.substring(1).trim() : value;
  }
}
