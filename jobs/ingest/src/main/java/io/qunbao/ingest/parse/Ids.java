package io.qunbao.ingest.parse;

import java.util.regex.Pattern;

/** Ids are kept as written (leading zeros included); only an id Excel mangled is refused. */
public final class Ids {
  /** What Excel writes for a long number: one digit, optional decimals, E, optional sign, 1-3 digits. */
  private static final Pattern SCIENTIFIC = Pattern.compile("\\d(\\.\\d+)?[Ee][+-]?\\d{1,3}");

  private Ids() {}

  /** {@code value} itself, unless it is an id in scientific notation, which cannot be recovered. */
  public static String check(String field, String value) throws RowRejected {
    if (value != null && value.length() <= 12 + 4 && SCIENTIFIC.matcher(value).matches()) {
      throw new RowRejected(RejectReason.MANGLED_ID,
          field + " " + value + " is an id mangled into scientific notation");
    }
    return value;
  }
}
