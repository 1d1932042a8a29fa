package io.qunbao.reports.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;

/**
 * The look shared by every chart: the CJK-capable font family (so Chinese titles, legends and
 * labels are real glyphs), white background, light grid lines.
 */
public record ChartStyle(String fontFamily) {
  public static final int WIDTH = 900;
  public static final int HEIGHT = 420;
  static final BasicStroke LINE = new BasicStroke(2.2f);
  static final Color GRID = new Color(0xDDDDDD);

  void apply(JFreeChart chart) {
    StandardChartTheme theme = new StandardChartTheme("qunbao");
    theme.setExtraLargeFont(new Font(fontFamily, Font.BOLD, 18));
    theme.setLargeFont(new Font(fontFamily, Font.PLAIN, 14));
    theme.setRegularFont(new Font(fontFamily, Font.PLAIN, 13));
    theme.setSmallFont(new Font(fontFamily, Font.PLAIN, 11));
    theme.setChartBackgroundPaint(Color.WHITE);
    theme.setPlotBackgroundPaint(Color.WHITE);
    theme.setDomainGridlinePaint(GRID);
    theme.setRangeGridlinePaint(GRID);
    theme.setShadowVisible(false);
    theme.apply(chart);
    chart.setAntiAlias(true);
    chart.setTextAntiAlias(true);
  }
}
