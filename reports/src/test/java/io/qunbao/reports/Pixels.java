package io.qunbao.reports;

import java.awt.Color;
import java.awt.image.BufferedImage;

/** Looks at a drawn image: how many of its pixels are exactly a colour the report promises. */
public final class Pixels {
  private Pixels() {}

  /** Pixels of exactly {@code colour}: a chart series or a card drawn in it covers many. */
  public static long of(BufferedImage image, Color colour) {
    long n = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        if ((image.getRGB(x, y) & 0xFFFFFF) == (colour.getRGB() & 0xFFFFFF)) n++;
      }
    }
    return n;
  }
}
