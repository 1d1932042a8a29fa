package io.qunbao.reports.charts;

import io.qunbao.reports.i18n.CjkFont;
import java.awt.Color;
import java.awt.image.BufferedImage;

/** Helpers to look at a drawn chart: its pixels, in the colours the report promises. */
final class ChartTestSupport {
  static final ChartStyle STYLE = new ChartStyle(CjkFont.find().family());

  private ChartTestSupport() {}

  /** Pixels of exactly {@code colour}: a series drawn in it covers many. */
  static long pixels(BufferedImage image, Color colour) {
    long n = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        if ((image.getRGB(x, y) & 0xFFFFFF) == (colour.getRGB() & 0xFFFFFF)) n++;
      }
    }
    return n;
  }
}
