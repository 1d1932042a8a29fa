package io.qunbao.reports.charts;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

/** Grouped bar charts: one bar per group type in each category, in the type's colour. */
public final class BarCharts {
  private BarCharts() {}

  public static JFreeChart grouped(BarChartData data, ChartStyle style) {
    DefaultCategoryDataset dataset = new DefaultCategoryDataset();
    for (Series series : data.series()) {
      for (int i = 0; i < data.categories().size(); i++) {
        dataset.addValue(series.values().get(i), series.label(), data.categories().get(i));
      }
    }
    JFreeChart chart = ChartFactory.createBarChart(
        data.title(), data.categoryAxisLabel(), data.valueAxisLabel(), dataset, PlotOrientation.VERTICAL, true, false, false);
    style.apply(chart);
    CategoryPlot plot = chart.getCategoryPlot();
    BarRenderer renderer = (BarRenderer) plot.getRenderer();
    renderer.setBarPainter(new StandardBarPainter());
    renderer.setItemMargin(0.04);
    renderer.setMaximumBarWidth(0.08);
    if (data.counts()) {
      ((NumberAxis) plot.getRangeAxis()).setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    }
    for (int i = 0; i < data.series().size(); i++) {
      renderer.setSeriesPaint(i, data.series().get(i).colour());
    }
    return chart;
  }
}
