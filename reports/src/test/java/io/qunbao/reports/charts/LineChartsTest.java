package io.qunbao.reports.charts;

import static io.qunbao.reports.charts.ChartTestSupport.STYLE;
import static org.assertj.core.api.Assertions.assertThat;

import io.qunbao.reports.Pixels;
import io.qunbao.reports.i18n.GroupTypes;
import java.awt.image.BufferedImage;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;
import org.junit.jupiter.api.Test;

class LineChartsTest {
  private static final List<LocalDate> DAYS = LocalDate.parse("2026-10-01").datesUntil(LocalDate.parse("2026-10-06")).toList();

  @Test
  void trendMarksRestatedDaysAndShadesProvisionalOnes() {
    // Given two types over five days, 10-03 restated and 10-04 on provisional
    TrendChartData data = new TrendChartData("转化率趋势", "同期群日期", "百分比 (%)", DAYS,
        List.of(new Series("引流群", GroupTypes.colour("traffic"), List.of(10.0, 12.0, 11.0, 13.0, 12.5)),
            new Series("新人群", GroupTypes.colour("new_user"), Arrays.asList(5.0, null, 6.0, 7.0, 6.5))),
        Set.of(LocalDate.parse("2026-10-03")), "已修订", LocalDate.parse("2026-10-04"), "暂定", 1.0);

    // When it is drawn
    JFreeChart chart = LineCharts.trend(data, STYLE);
    BufferedImage image = Png.draw(chart);

    // Then: two lines in the types' colours, a gap (not a zero) where a value is missing
    XYPlot plot = chart.getXYPlot();
    assertThat(plot.getDataset().getSeriesCount()).isEqualTo(2);
    assertThat(plot.getDataset().getYValue(1, 1)).isNaN();
    assertThat(plot.getRenderer().getSeriesPaint(1)).isEqualTo(GroupTypes.colour("new_user"));
    assertThat(Pixels.of(image, GroupTypes.colour("traffic"))).isGreaterThan(500);
    assertThat(Pixels.of(image, GroupTypes.colour("new_user"))).isGreaterThan(300);
    assertThat(plot.getRangeAxis().getLabel()).isEqualTo("百分比 (%)");
    assertThat(plot.getRangeAxis().getLowerBound()).isEqualTo(0.0);
    // one restated line at 10-03, labelled; one provisional band from 10-04 on
    assertThat(plot.getDomainMarkers(Layer.FOREGROUND)).singleElement()
        .satisfies(m -> assertThat(((ValueMarker) m).getValue()).isEqualTo(epochMillis("2026-10-03")))
        .satisfies(m -> assertThat(((ValueMarker) m).getLabel()).isEqualTo("已修订"));
    assertThat(plot.getDomainMarkers(Layer.BACKGROUND)).singleElement()
        .satisfies(m -> assertThat(((IntervalMarker) m).getStartValue()).isLessThan(epochMillis("2026-10-04")))
        .satisfies(m -> assertThat(((IntervalMarker) m).getStartValue()).isGreaterThan(epochMillis("2026-10-03")));
  }

  @Test
  void onlyTheLatestRestatedDayIsLabelled() {
    // Given three restated days: three dashed lines, one label (the caption explains them all)
    TrendChartData data = new TrendChartData("复购率", "日期", "百分比 (%)", DAYS,
        List.of(new Series("引流群", GroupTypes.colour("traffic"), List.of(1.0, 2.0, 3.0, 4.0, 5.0))),
        Set.of(DAYS.get(0), DAYS.get(2), DAYS.get(3)), "已修订", null, "", 1.0);
    XYPlot plot = LineCharts.trend(data, STYLE).getXYPlot();
    assertThat(plot.getDomainMarkers(Layer.FOREGROUND)).hasSize(3)
        .filteredOn(m -> ((ValueMarker) m).getLabel() != null).singleElement()
        .satisfies(m -> assertThat(((ValueMarker) m).getValue()).isEqualTo(epochMillis("2026-10-04")));
  }

  @Test
  void aFlatZeroTrendHasAPlainAxisFromZero() {
    // Given a rate that is 0 every day (e.g. no repeat buyers yet)
    TrendChartData data = new TrendChartData("复购率", "日期", "百分比 (%)", DAYS,
        List.of(new Series("引流群", GroupTypes.colour("traffic"), List.of(0.0, 0.0, 0.0, 0.0, 0.0))), Set.of(), "", null, "", 1.0);
    XYPlot plot = LineCharts.trend(data, STYLE).getXYPlot();
    // Then the axis runs from 0 over at least one point, not ±5E-9 around zero
    assertThat(plot.getRangeAxis().getLowerBound()).isEqualTo(0.0);
    assertThat(plot.getRangeAxis().getUpperBound()).isGreaterThanOrEqualTo(1.0);
  }

  @Test
  void lifecycleCurveSpansTheAgesAskedFor() {
    List<Integer> ages = java.util.stream.IntStream.range(0, 30).boxed().toList();
    List<Double> decay = ages.stream().map(a -> 60.0 * Math.exp(-a / 6.0)).toList();
    CurveChartData data = new CurveChartData("群生命周期", "群龄（天）", "百分比 (%)", ages,
        List.of(new Series("引流群", GroupTypes.colour("traffic"), decay)));
    JFreeChart chart = LineCharts.curve(data, STYLE);
    Png.draw(chart);
    XYPlot plot = chart.getXYPlot();
    assertThat(plot.getDataset().getItemCount(0)).isEqualTo(30);
    assertThat(plot.getDomainAxis().getLabel()).isEqualTo("群龄（天）");
    assertThat(plot.getDomainAxis().getLowerBound()).isEqualTo(-0.5);
    assertThat(plot.getDomainAxis().getUpperBound()).isEqualTo(29.5);
  }

  private static double epochMillis(String day) {
    return LocalDate.parse(day).atStartOfDay(java.time.ZoneOffset.UTC).toInstant().toEpochMilli();
  }
}
