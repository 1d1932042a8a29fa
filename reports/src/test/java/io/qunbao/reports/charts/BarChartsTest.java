package io.qunbao.reports.charts;

import static io.qunbao.reports.charts.ChartTestSupport.STYLE;
import static io.qunbao.reports.charts.ChartTestSupport.pixels;
import static org.assertj.core.api.Assertions.assertThat;

import io.qunbao.reports.i18n.GroupTypes;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.junit.jupiter.api.Test;

class BarChartsTest {
  private static final BarChartData REACH = new BarChartData(
      "各群类型触达率与活跃率", "指标", "百分比 (%)", List.of("触达率", "活跃率"),
      List.of(
          new Series("引流群", GroupTypes.colour("traffic"), List.of(83.3, 50.0)),
          new Series("训练营", GroupTypes.colour("camp"), List.of(100.0, 0.0)),
          // vip had no members: its rates are null, a gap and not a bar of 0
          new Series("VIP群", GroupTypes.colour("vip"), Arrays.asList(null, null))),
      false);

  @Test
  void drawsOneSeriesPerTypeInTheTypesColourWithItsAxisLabels() {
    // Given three group types, when the grouped bar chart is drawn
    JFreeChart chart = BarCharts.grouped(REACH, STYLE);
    BufferedImage image = Png.draw(chart);

    // Then it has a series per type, each painted in that type's colour, with the axis labels asked for
    CategoryPlot plot = chart.getCategoryPlot();
    assertThat(plot.getDataset().getRowCount()).isEqualTo(3);
    assertThat(plot.getRenderer().getSeriesPaint(0)).isEqualTo(GroupTypes.colour("traffic"));
    assertThat(plot.getRenderer().getSeriesPaint(1)).isEqualTo(GroupTypes.colour("camp"));
    assertThat(plot.getDomainAxis().getLabel()).isEqualTo("指标");
    assertThat(plot.getRangeAxis().getLabel()).isEqualTo("百分比 (%)");
    assertThat(chart.getTitle().getText()).isEqualTo("各群类型触达率与活跃率");
    // The bars are drawn: traffic's two bars and camp's one non-zero bar cover thousands of pixels.
    assertThat(pixels(image, GroupTypes.colour("traffic"))).isGreaterThan(2_000);
    assertThat(pixels(image, GroupTypes.colour("camp"))).isGreaterThan(2_000);
    // vip's colour appears only in its legend swatch (a few dozen pixels), no bar.
    assertThat(pixels(image, GroupTypes.colour("vip"))).isBetween(1L, 400L);
    assertThat(image.getWidth()).isEqualTo(ChartStyle.WIDTH);
  }

  @Test
  void aCountChartHasWholeNumberTicks() {
    BarChartData referral = new BarChartData("推荐", "指标", "人数", List.of("推荐入群", "推荐人"),
        List.of(new Series("引流群", GroupTypes.colour("traffic"), List.of(3.0, 2.0))), true);
    NumberAxis axis = (NumberAxis) BarCharts.grouped(referral, STYLE).getCategoryPlot().getRangeAxis();
    // Whole-number tick units only: no "2.5 people".
    assertThat(axis.getStandardTickUnits().getLargerTickUnit(new org.jfree.chart.axis.NumberTickUnit(0.3)).getSize()).isEqualTo(1.0);
  }

  @Test
  void theSameTypeHasTheSameColourWhateverOtherTypesAreDrawn() {
    BarChartData campAlone = new BarChartData("t", "x", "y", List.of("a"),
        List.of(new Series("训练营", GroupTypes.colour("camp"), List.of(1.0))), false);
    assertThat(BarCharts.grouped(campAlone, STYLE).getCategoryPlot().getRenderer().getSeriesPaint(0))
        .isEqualTo(BarCharts.grouped(REACH, STYLE).getCategoryPlot().getRenderer().getSeriesPaint(1));
  }
}
