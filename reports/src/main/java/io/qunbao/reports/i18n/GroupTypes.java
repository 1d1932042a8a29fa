package io.qunbao.reports.i18n;

import java.awt.Color;
import java.util.Comparator;
import java.util.List;

/**
 * The group types of spec/exports.md in their table order, and one colour per type, so that a type
 * has the same colour in every chart of every day (a type's colour never depends on which other
 * types happen to have data).
 */
public final class GroupTypes {
  /** Codes in the order of the spec's table; {@code unknown} (groups in no snapshot) last. */
  public static final List<String> CODES = List.of(
      "traffic", "new_user", "camp", "delivery", "superfan", "local", "flash", "content", "checkin", "vip", "sale", "unknown");

  /** Tableau-10 and its light partners: distinguishable, and readable on white. */
  private static final List<Color> COLOURS = List.of(
      new Color(0x4E79A7), new Color(0xF28E2B), new Color(0x59A14F), new Color(0xE15759),
      new Color(0x76B7B2), new Color(0xEDC948), new Color(0xB07AA1), new Color(0xFF9DA7),
      new Color(0x9C755F), new Color(0x1F3A93), new Color(0x8CD17D), new Color(0x9E9E9E));

  /** For a code outside the spec (kept as written by ingest): a fixed dark grey. */
  private static final Color OTHER = new Color(0x555555);

  private GroupTypes() {}

  public static Color colour(String code) {
    int index = CODES.indexOf(code);
    return index < 0 ? OTHER : COLOURS.get(index);
  }

  /** {@code #4e79a7}, for the HTML legend swatches. */
  public static String cssColour(String code) {
    return String.format("#%06x", colour(code).getRGB() & 0xFFFFFF);
  }

  /** Spec order first, then codes outside the spec alphabetically; the unattributed row (null) last. */
  public static final Comparator<String> ORDER = Comparator.nullsLast(
      Comparator.<String>comparingInt(code -> CODES.contains(code) ? CODES.indexOf(code) : CODES.size())
          .thenComparing(Comparator.naturalOrder()));
}
