package io.qunbao.reports.charts;

import java.util.List;

/** Lines over a numeric axis (e.g. group age 0 … 29 days), one per group type, values at {@code xs}. */
public record CurveChartData(String title, String xAxisLabel, String valueAxisLabel, List<Integer> xs, List<Series> series) {}
