package io.qunbao.reports.charts;

import java.awt.Color;
import java.awt.Font;
import java.text.SimpleDateFormat;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.TimeZone;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.RangeType;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** Line charts: one line per group type, in the type's colour, gaps where a value is null. */
public final class LineCharts {
  private static final Color RESTATED = new Color(0xC0392B);
  private static final Color PROVISIONAL = new Color(0xF2F2F2);

  private LineCharts() {}

  /** Values over days, restated days marked, the provisional days shaded. */
  public static JFreeChart trend(TrendChartData data, ChartStyle style) {
    XYSeriesCollection dataset = new XYSeriesCollection();
    for (Series series : data.series()) {
      XYSeries line = new XYSeries(series.label(), false, true);
      for (int i = 0; i < data.days().size(); i++) {
        line.add(epochMillis(data.days().get(i)), series.values().get(i));
      }
      dataset.addSeries(line);
    }
    JFreeChart chart = ChartFactory.createTimeSeriesChart(
        data.title(), data.dateAxisLabel(), data.valueAxisLabel(), dataset, true, false, false);
    style.apply(chart);
    XYPlot plot = chart.getXYPlot();
    DateAxis dates = (DateAxis) plot.getDomainAxis();
    SimpleDateFormat monthDay = new SimpleDateFormat("MM-dd");
    monthDay.setTimeZone(TimeZone.getTimeZone(ZoneOffset.UTC));
    dates.setDateFormatOverride(monthDay);
    dates.setTimeZone(TimeZone.getTimeZone(ZoneOffset.UTC));
    if (!data.days().isEmpty()) {
      // Half a day of margin either side, so the first and last points are not on the frame.
      dates.setRange(epochMillis(data.days().get(0)) - 43_200_000L, epochMillis(data.days().get(data.days().size() - 1)) + 43_200_000L);
    }
    if (data.provisionalFrom() != null && !data.days().isEmpty()) {
      IntervalMarker provisional = new IntervalMarker(
          epochMillis(data.provisionalFrom()) - 43_200_000L, epochMillis(data.days().get(data.days().size() - 1)) + 43_200_000L);
      provisional.setPaint(PROVISIONAL);
      provisional.setLabel(data.provisionalLabel());
      provisional.setLabelFont(new Font(style.fontFamily(), Font.PLAIN, 11));
      // A band in the right half (the usual case: the last days) is labelled to its left, so the
      // label is not cut at the plot's edge when the band is only a day or two wide.
      boolean rightHalf = data.days().indexOf(data.provisionalFrom()) > data.days().size() / 2;
      provisional.setLabelAnchor(rightHalf ? RectangleAnchor.TOP_LEFT : RectangleAnchor.TOP_RIGHT);
      provisional.setLabelTextAnchor(rightHalf ? TextAnchor.TOP_RIGHT : TextAnchor.TOP_LEFT);
      provisional.setLabelOffsetType(org.jfree.chart.ui.LengthAdjustmentType.EXPAND);
      plot.addDomainMarker(provisional, Layer.BACKGROUND);
    }
    // Only the latest restated day is labelled: on a month with many, one label per line would
    // print over itself; the caption says what every red dashed line means.
    LocalDate latestRestated = data.restatedDays().stream().max(LocalDate::compareTo).orElse(null);
    for (LocalDate day : data.restatedDays()) {
      ValueMarker restated = new ValueMarker(epochMillis(day), RESTATED, new java.awt.BasicStroke(
          1.2f, java.awt.BasicStroke.CAP_BUTT, java.awt.BasicStroke.JOIN_MITER, 1f, new float[] {4f, 3f}, 0f));
      if (day.equals(latestRestated)) {
        restated.setLabel(data.restatedLabel());
        restated.setLabelPaint(RESTATED);
        restated.setLabelFont(new Font(style.fontFamily(), Font.PLAIN, 11));
        restated.setLabelAnchor(RectangleAnchor.BOTTOM_LEFT);
        restated.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
      }
      plot.addDomainMarker(restated, Layer.FOREGROUND);
    }
    // Rates drawn from zero: a trend from 18% to 20% must not look like a tenfold rise. They are
    // never negative, and a flat zero line gets a readable axis instead of ±5E-9.
    NumberAxis values = (NumberAxis) plot.getRangeAxis();
    values.setAutoRangeIncludesZero(true);
    values.setRangeType(RangeType.POSITIVE);
    values.setAutoRangeMinimumSize(data.minimumValueRange());
    colour(plot, data.series().stream().map(Series::colour).toList());
    return chart;
  }

  /** Values over a numeric axis (e.g. group age in days). */
  public static JFreeChart curve(CurveChartData data, ChartStyle style) {
    XYSeriesCollection dataset = new XYSeriesCollection();
    for (Series series : data.series()) {
      XYSeries line = new XYSeries(series.label(), false, true);
      for (int i = 0; i < data.xs().size(); i++) {
        line.add(data.xs().get(i), series.values().get(i));
      }
      dataset.addSeries(line);
    }
    JFreeChart chart = ChartFactory.createXYLineChart(
        data.title(), data.xAxisLabel(), data.valueAxisLabel(), dataset, org.jfree.chart.plot.PlotOrientation.VERTICAL, true, false, false);
    style.apply(chart);
    XYPlot plot = chart.getXYPlot();
    NumberAxis xs = (NumberAxis) plot.getDomainAxis();
    xs.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    if (!data.xs().isEmpty()) {
      xs.setRange(data.xs().get(0) - 0.5, data.xs().get(data.xs().size() - 1) + 0.5);
    }
    colour(plot, data.series().stream().map(Series::colour).toList());
    return chart;
  }

  private static void colour(XYPlot plot, java.util.List<Color> colours) {
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
    for (int i = 0; i < colours.size(); i++) {
      renderer.setSeriesPaint(i, colours.get(i));
      renderer.setSeriesStroke(i, ChartStyle.LINE);
      renderer.setSeriesShape(i, new java.awt.geom.Ellipse2D.Double(-2.5, -2.5, 5, 5));
    }
    plot.setRenderer(renderer);
  }

  private static long epochMillis(LocalDate day) {
    return day.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
  }
}
