package io.qunbao.ingest.parse;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.regex.Pattern;

/**
 * The time stamp forms of exports.md, and nothing else: ISO-8601 with an offset ({@code +08:00} or
 * {@code Z}), ISO-8601 without one and {@code YYYY-MM-DD HH:mm:ss} (both read in the business time
 * zone), and epoch milliseconds (13 digits as text, or a JSON integer of 13 digits).
 */
public final class Timestamps {
  private static final DateTimeFormatter SPACE_SEPARATED =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss").withResolverStyle(ResolverStyle.STRICT);
  /** Looks like a date and time of an accepted form, so a parse failure means an impossible date. */
  private static final Pattern DATE_TIME_SHAPE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}.*");
  private static final long MIN_EPOCH_MILLIS = 1_000_000_000_000L;
  private static final long MAX_EPOCH_MILLIS = 9_999_999_999_999L;

  private final ZoneId businessZone;

  public Timestamps(ZoneId businessZone) {
    this.businessZone = businessZone;
  }

  /** {@code value} (already trimmed, not empty) of field {@code field} as an instant. */
  public Instant parse(String field, String value) throws RowRejected {
    if (isEpochMillis(value)) {
      return Instant.ofEpochMilli(Long.parseLong(value));
    }
    if (isLocalToTheSecond(value)) {
      return fromDigits(field, value);
    }
    try {
      if (value.length() > 10 && value.charAt(10) == ' ') {
        return LocalDateTime.parse(value, SPACE_SEPARATED).atZone(businessZone).toInstant();
      }
      if (hasOffset(value)) {
        return OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
      }
      return LocalDateTime.parse(value, DateTimeFormatter.ISO_LOCAL_DATE_TIME).atZone(businessZone).toInstant();
    } catch (DateTimeParseException e) {
      if (DATE_TIME_SHAPE.matcher(value).matches() && e.getCause() instanceof DateTimeException) {
        throw new RowRejected(RejectReason.BAD_TIMESTAMP, field + " " + value + " is an impossible date");
      }
      throw new RowRejected(RejectReason.BAD_TIMESTAMP, field + " " + value + " is none of the time stamp forms");
    }
  }

  /** A JSON integer time stamp: epoch milliseconds, 13 digits like the text form (10 would be seconds). */
  public Instant fromEpochMillis(String field, long millis) throws RowRejected {
    if (millis < MIN_EPOCH_MILLIS || millis > MAX_EPOCH_MILLIS) {
      throw new RowRejected(RejectReason.BAD_TIMESTAMP,
          field + " " + millis + " is not epoch milliseconds (13 digits)");
    }
    return Instant.ofEpochMilli(millis);
  }

  public ZoneId businessZone() {
    return businessZone;
  }

  /**
   * Exactly {@code YYYY-MM-DD HH:mm:ss} or {@code YYYY-MM-DDTHH:mm:ss}, ASCII digits only: the form of
   * nearly every row of the exports. The formatters cost several times more per value (and the JIT
   * compiles their whole resolving machinery), so this form is read from its digits; the range checks
   * of {@link LocalDateTime#of} are the strict resolver's.
   */
  private static boolean isLocalToTheSecond(String value) {
    if (value.length() != 19 || value.charAt(4) != '-' || value.charAt(7) != '-'
        || (value.charAt(10) != ' ' && value.charAt(10) != 'T') || value.charAt(13) != ':' || value.charAt(16) != ':') {
      return false;
    }
    for (int i = 0; i < 19; i++) {
      char c = value.charAt(i);
      boolean separator = i == 4 || i == 7 || i == 10 || i == 13 || i == 16;
      if (!separator && (c < '0' || c > '9')) {
        return false;
      }
    }
    return true;
  }

  private Instant fromDigits(String field, String value) throws RowRejected {
    try {
      return LocalDateTime.of(number(value, 0, 4), number(value, 5, 7), number(value, 8, 10),
          number(value, 11, 13), number(value, 14, 16), number(value, 17, 19)).atZone(businessZone).toInstant();
    } catch (DateTimeException e) {
      throw new RowRejected(RejectReason.BAD_TIMESTAMP, field + " " + value + " is an impossible date");
    }
  }

  private static int number(String digits, int from, int to) {
    int n = 0;
    for (int i = from; i < to; i++) {
      n = n * 10 + (digits.charAt(i) - '0');
    }
    return n;
  }

  /** Exactly 13 ASCII digits. */
  private static boolean isEpochMillis(String value) {
    if (value.length() != 13) {
      return false;
    }
    for (int i = 0; i < 13; i++) {
      char c = value.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  /** An offset follows the time: 'Z', or a sign after the 'T' (the date's own '-' come before it). */
  private static boolean hasOffset(String value) {
    int t = value.indexOf('T');
    if (t < 0) {
      return false;
    }
    char last = value.charAt(value.length() - 1);
    return last == 'Z' || value.indexOf('+', t) > 0 || value.indexOf('-', t) > 0;
  }
}
