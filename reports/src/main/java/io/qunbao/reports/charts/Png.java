package io.qunbao.reports.charts;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;

/** Draws a chart at the report's size, to an image (tests) or a PNG file (the report). */
public final class Png {
  private Png() {}

  public static BufferedImage draw(JFreeChart chart) {
    return chart.createBufferedImage(ChartStyle.WIDTH, ChartStyle.HEIGHT);
  }

  public static void write(JFreeChart chart, Path file) {
    try {
      ChartUtils.saveChartAsPNG(file.toFile(), chart, ChartStyle.WIDTH, ChartStyle.HEIGHT);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write chart " + file, e);
    }
  }
}
