package io.qunbao.generator;

import java.nio.charset.Charset;
import java.util.SplittableRandom;

/** Field values that exports.md says must be rejected: the raw material of injected bad rows. */
final class BadValues {
  /** "中文" in GBK: a GBK tool's bytes inside a UTF-8 file, not valid UTF-8. */
  private static final byte[] GBK_IN_UTF8 = {(byte) 0xD6, (byte) 0xD0, (byte) 0xCE, (byte) 0xC4};
  /** 0x80 and 0xFF are never valid GB18030 bytes (and 0xFF is never valid UTF-8 either). */
  private static final byte[] INVALID_IN_GB18030 = {(byte) 0xFF, (byte) 0x80};

  private BadValues() {}

  /**
   * A time stamp in a form exports.md rejects, near {@code epochSecond} so that it looks plausible:
   * slashes, a {@code +0800} offset, 10-digit epoch seconds, an Excel serial number, an impossible date.
   */
  static String timestamp(long epochSecond, Clock clock, SplittableRandom random) {
    String local = clock.format(epochSecond, TimeForm.LOCAL_SPACE);
    return switch (random.nextInt(6)) {
      case 0 -> local.substring(0, 10).replace('-', '/') + local.substring(10);
      case 1 -> local.replace(' ', 'T') + "+0800";
      case 2 -> Long.toString(epochSecond);
      case 3 -> excelSerial(epochSecond);
      case 4 -> local.substring(0, 4) + "-02-30" + local.substring(10);
      default -> local.substring(5, 7) + "/" + local.substring(8, 10) + "/" + local.substring(0, 4);
    };
  }

  /** A bad time stamp that is a JSON number: epoch seconds or an Excel serial number. */
  static String numericTimestamp(long epochSecond, SplittableRandom random) {
    return random.nextBoolean() ? Long.toString(epochSecond) : excelSerial(epochSecond);
  }

  /** An id Excel turned into scientific notation (one digit, decimals, E, sign, exponent digits). */
  static String mangledId(SplittableRandom random) {
    return Draw.oneOf(random, "2.5E+17", "1.23457E+18", "8.60112E+15", "1E+16", "3.2e+17");
  }

  /** Bytes that are not valid in {@code charset} (UTF-8 or GB18030). */
  static byte[] invalidBytes(Charset charset) {
    return charset.name().startsWith("UTF") ? GBK_IN_UTF8.clone() : INVALID_IN_GB18030.clone();
  }

  private static String excelSerial(long epochSecond) {
    // days since 1899-12-30, Excel's day zero, with the time as a fraction
    double days = epochSecond / 86400.0 + 25569;
    return String.format(java.util.Locale.ROOT, "%.4f", days);
  }
}
