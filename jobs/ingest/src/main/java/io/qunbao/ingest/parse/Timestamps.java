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
  private static final Pattern EPOCH_MILLIS = Pattern.compile("\\d{13}");
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
    if (EPOCH_MILLIS.matcher(value).matches()) {
      return Instant.ofEpochMilli(Long.parseLong(value));
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
