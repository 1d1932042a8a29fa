package io.qunbao.generator;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Time in the business zone: day boundaries, the time stamp forms, and event times drawn from a daily
 * rhythm. Event times are whole seconds, so every form writes the same instant.
 */
final class Clock {
  /** Relative customer activity per hour of the day: quiet at night, peaks at lunch and in the evening. */
  static final Draw.Weights CUSTOMER_HOURS = new Draw.Weights(
      1.2, 0.6, 0.3, 0.2, 0.2, 0.3, 0.8, 2, 3, 4, 4, 5, 6, 5, 4, 4, 4, 4, 5, 7, 9, 10, 8, 4);
  /** Staff post in working hours, with an evening push. */
  static final Draw.Weights STAFF_HOURS = new Draw.Weights(
      0, 0, 0, 0, 0, 0, 0, 0.5, 2, 4, 4, 3, 2, 2, 3, 3, 3, 2, 2, 3, 4, 2, 0.5, 0);

  private final ZoneId zone;
  private final ZoneRules rules;
  /** Start of day, by epoch day: asked for every event, and the zone rules are slow to ask. */
  private final Map<Long, Long> dayStarts = new HashMap<>();
  /** The date part of the last local time written, by local epoch day: most rows share it. */
  private long lastLocalDay = Long.MIN_VALUE;
  private char[] lastDate;

  Clock(ZoneId zone) {
    this.zone = zone;
    this.rules = zone.getRules();
  }

  long startOf(LocalDate day) {
    return dayStarts.computeIfAbsent(day.toEpochDay(), d -> day.atStartOfDay(zone).toEpochSecond());
  }

  LocalDate dayOf(long epochSecond) {
    return LocalDate.ofInstant(Instant.ofEpochSecond(epochSecond), zone);
  }

  /** A time on {@code day}, its hour drawn from {@code hourWeights}, uniform within the hour. */
  long randomTime(LocalDate day, Draw.Weights hours, SplittableRandom random) {
    long start = startOf(day);
    long end = startOf(day.plusDays(1));
    int hour = hours.draw(random);
    return Math.min(end - 1, start + hour * 3600L + random.nextInt(3600));
  }

  /** {@code epochSecond} written in {@code form}. */
  String format(long epochSecond, TimeForm form) {
    return switch (form) {
      case EPOCH_MILLIS -> Long.toString(epochSecond * 1000);
      case ISO_UTC -> local(epochSecond, ZoneOffset.UTC, 'T') + "Z";
      case LOCAL_SPACE -> local(epochSecond, offsetAt(epochSecond), ' ');
      case ISO_LOCAL -> local(epochSecond, offsetAt(epochSecond), 'T');
      case ISO_OFFSET -> {
        ZoneOffset offset = offsetAt(epochSecond);
        yield local(epochSecond, offset, 'T') + offsetText(offset);
      }
      case ISO_OFFSET_MILLIS -> {
        ZoneOffset offset = offsetAt(epochSecond);
        yield local(epochSecond, offset, 'T') + ".000" + offsetText(offset);
      }
    };
  }

  private ZoneOffset offsetAt(long epochSecond) {
    return rules.isFixedOffset() ? rules.getOffset(Instant.EPOCH) : rules.getOffset(Instant.ofEpochSecond(epochSecond));
  }

  /** ISO writes a zero offset as {@code Z}; exports that write an offset write it as digits. */
  private static String offsetText(ZoneOffset offset) {
    return offset.getTotalSeconds() == 0 ? "+00:00" : offset.getId();
  }

  /** {@code yyyy-MM-dd?HH:mm:ss} without DateTimeFormatter: this runs once per generated row. */
  private String local(long epochSecond, ZoneOffset offset, char separator) {
    long localSecond = epochSecond + offset.getTotalSeconds();
    long localDay = Math.floorDiv(localSecond, 86400);
    int secondOfDay = (int) Math.floorMod(localSecond, 86400);
    if (localDay != lastLocalDay) {
      lastDate = LocalDate.ofEpochDay(localDay).toString().toCharArray();
      lastLocalDay = localDay;
    }
    char[] out = new char[19];
    System.arraycopy(lastDate, 0, out, 0, 10);
    out[10] = separator;
    digits(out, 11, secondOfDay / 3600, 2);
    out[13] = ':';
    digits(out, 14, secondOfDay / 60 % 60, 2);
    out[16] = ':';
    digits(out, 17, secondOfDay % 60, 2);
    return new String(out);
  }

  private static void digits(char[] out, int at, int value, int width) {
    for (int i = at + width - 1; i >= at; i--) {
      out[i] = (char) ('0' + value % 10);
      value /= 10;
    }
  }
}
