package io.qunbao.reports.charts;

import java.util.List;

/**
 * Grouped bars: one group of bars per category, one bar per series (group type). {@code counts}:
 * the values are whole numbers (people, events), so the axis has whole-number ticks.
 */
public record BarChartData(
    String title, String categoryAxisLabel, String valueAxisLabel, List<String> categories, List<Series> series, boolean counts) {}
