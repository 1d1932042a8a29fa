package io.qunbao.reports.charts;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * Lines over days, one per group type, values at {@code days}. {@code restatedDays} get a marked
 * vertical line (their figures changed after first publication); days from {@code provisionalFrom}
 * on are shaded as provisional (null: nothing is provisional).
 */
public record TrendChartData(
    String title,
    String dateAxisLabel,
    String valueAxisLabel,
    List<LocalDate> days,
    List<Series> series,
    Set<LocalDate> restatedDays,
    String restatedLabel,
    LocalDate provisionalFrom,
    String provisionalLabel) {}
