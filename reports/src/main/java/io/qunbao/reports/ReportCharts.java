package io.qunbao.reports;

import io.qunbao.reports.charts.BarChartData;
import io.qunbao.reports.charts.BarCharts;
import io.qunbao.reports.charts.ChartStyle;
import io.qunbao.reports.charts.CurveChartData;
import io.qunbao.reports.charts.LineCharts;
import io.qunbao.reports.charts.Png;
import io.qunbao.reports.charts.Series;
import io.qunbao.reports.charts.TrendChartData;
import io.qunbao.reports.i18n.GroupTypes;
import io.qunbao.reports.i18n.Messages;
import io.qunbao.reports.model.Cohort;
import io.qunbao.reports.model.Lifecycle;
import io.qunbao.reports.model.ReportData;
import io.qunbao.reports.model.ReportDataLoader;
import io.qunbao.reports.judge.Restatements;
import io.qunbao.reports.model.TypeDay;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.jfree.chart.JFreeChart;

/**
 * Turns the report's data into its charts' data records and draws them as PNG files beside the
 * HTML. Rates are drawn in percent; the k-factor as the ratio it is.
 */
final class ReportCharts {
  /** Chart file names; the HTML template refers to them by these names. */
  static final String REACH_ACTIVITY = "reach_activity.png";
  static final String TREND_CONVERSION = "trend_conversion.png";
  static final String TREND_REPURCHASE = "trend_repurchase.png";
  static final String TREND_K_FACTOR = "trend_k_factor.png";
  static final String FUNNEL = "funnel.png";
  static final String REFERRAL = "referral.png";
  static final String LIFECYCLE = "lifecycle.png";

  /** Value axes span at least 1 percentage point, or 0.01 of k-factor, so flat lines get plain ticks. */
  private static final double MINIMUM_PERCENT_RANGE = 1.0;
  private static final double MINIMUM_RATIO_RANGE = 0.01;

  private final ReportData data;
  private final Restatements restatements;
  private final Messages messages;
  private final ChartStyle style;
  private final List<LocalDate> trendDays;

  /** {@code restatements}: the days they restated are marked on the trends (maturing values are not). */
  ReportCharts(ReportData data, Restatements restatements, Messages messages, ChartStyle style) {
    this.data = data;
    this.restatements = restatements;
    this.messages = messages;
    this.style = style;
    LocalDate first = data.day().minusDays(ReportDataLoader.TREND_DAYS - 1);
    this.trendDays = first.datesUntil(data.day().plusDays(1)).toList();
  }

  /** Draws every chart into {@code folder}; returns file name → chart, in report order. */
  Map<String, JFreeChart> drawInto(Path folder) {
    Map<String, JFreeChart> charts = new LinkedHashMap<>();
    charts.put(REACH_ACTIVITY, BarCharts.grouped(reachActivity(), style));
    charts.put(TREND_CONVERSION, LineCharts.trend(conversionTrend(), style));
    charts.put(TREND_REPURCHASE, LineCharts.trend(
        typeTrend("chart.trend.repurchase", "axis.percent", t -> percent(t.repurchaseRate30d()), MINIMUM_PERCENT_RANGE), style));
    charts.put(TREND_K_FACTOR, LineCharts.trend(typeTrend("chart.trend.kFactor", "axis.kFactor", TypeDay::kFactor, MINIMUM_RATIO_RANGE), style));
    charts.put(FUNNEL, BarCharts.grouped(funnel(), style));
    charts.put(REFERRAL, BarCharts.grouped(referral(), style));
    charts.put(LIFECYCLE, LineCharts.curve(lifecycle(), style));
    charts.forEach((name, chart) -> Png.write(chart, folder.resolve(name)));
    return charts;
  }

  BarChartData reachActivity() {
    return todaysBars("chart.reachActivity", "axis.metric", "axis.percent", List.of("metric.reach_rate", "metric.activity_rate"),
        t -> values(percent(t.reachRate()), percent(t.activityRate())), false);
  }

  BarChartData funnel() {
    return todaysBars("chart.funnel", "axis.stage", "axis.people",
        List.of("funnel.scans", "funnel.scanJoins", "funnel.reached", "funnel.converted"),
        t -> values(number(t.scans()), number(t.scanJoins()), number(t.reachedMembers()),
            number(data.cohort(data.day(), t.type()).map(Cohort::converted).orElse(0L))), true);
  }

  BarChartData referral() {
    return todaysBars("chart.referral", "axis.metric", "axis.people", List.of("metric.referred_joins", "metric.referrers"),
        t -> values(number(t.referredJoins()), number(t.referrers())), true);
  }

  /** Bars of the report day, one per group type in each category (message keys). */
  private BarChartData todaysBars(String titleKey, String categoryAxisKey, String valueAxisKey, List<String> categoryKeys,
      Function<TypeDay, List<Double>> values, boolean counts) {
    return new BarChartData(
        messages.get(titleKey), messages.get(categoryAxisKey), messages.get(valueAxisKey),
        categoryKeys.stream().map(messages::get).toList(),
        data.typesOfTheDay().stream().map(t -> series(t.type(), values.apply(t))).toList(), counts);
  }

  TrendChartData conversionTrend() {
    List<String> types = sorted(data.cohorts().stream().map(Cohort::type));
    List<Series> series = types.stream().map(type -> series(type, trendDays.stream()
        .map(day -> data.cohort(day, type).map(c -> percent(c.conversionRate())).orElse(null)).toList())).toList();
    Optional<LocalDate> provisionalFrom = data.cohorts().stream().filter(c -> !c.isFinal()).map(Cohort::day).min(LocalDate::compareTo);
    return new TrendChartData(
        messages.get("chart.trend.conversion"), messages.get("axis.cohortDay"), messages.get("axis.percent"), trendDays, series,
        restated("cohort_conversion"), messages.get("mark.restated"), provisionalFrom.orElse(null), messages.get("mark.provisional"),
        MINIMUM_PERCENT_RANGE);
  }

  TrendChartData typeTrend(String titleKey, String axisKey, Function<TypeDay, Double> value, double minimumValueRange) {
    List<String> types = sorted(data.typeDays().stream().map(TypeDay::type));
    List<Series> series = types.stream().map(type -> series(type, trendDays.stream()
        .map(day -> data.typeDay(day, type).map(value).orElse(null)).toList())).toList();
    return new TrendChartData(
        messages.get(titleKey), messages.get("axis.day"), messages.get(axisKey), trendDays, series,
        restated("type_daily"), messages.get("mark.restated"), null, null, minimumValueRange);
  }

  CurveChartData lifecycle() {
    Map<String, List<Double>> means = Lifecycle.meanActivityByAge(data);
    List<Series> series = sorted(means.keySet().stream()).stream()
        .map(type -> series(type, means.get(type).stream().map(ReportCharts::percent).toList())).toList();
    return new CurveChartData(
        messages.get("chart.lifecycle"), messages.get("axis.ageDays"), messages.get("axis.percent"),
        IntStream.range(0, Lifecycle.AGES).boxed().toList(), series);
  }

  private Set<LocalDate> restated(String table) {
    return restatements.restatedDays(table).keySet();
  }

  private Series series(String type, List<Double> values) {
    return new Series(messages.groupType(type), GroupTypes.colour(type), new ArrayList<>(values));
  }

  private static List<String> sorted(java.util.stream.Stream<String> types) {
    return types.filter(Objects::nonNull).distinct().sorted(GroupTypes.ORDER).toList();
  }

  /** The values of a series; a null (a rate over 0 members) stays a gap. */
  private static List<Double> values(Double... values) {
    return java.util.Arrays.asList(values);
  }

  private static Double percent(Double share) {
    return share == null ? null : share * 100;
  }

  private static Double number(Long count) {
    return count == null ? null : count.doubleValue();
  }
}
