package io.qunbao.reports.judge;

import io.qunbao.reports.model.HeadlineMetric;
import java.time.LocalDate;

/**
 * A headline metric of a group type's day (or cohort) restated by at least the material threshold
 * over the last runs: its value as first published then, and now ({@code null}: no row).
 *
 * @param chain the value's identity among the revisions (table, day, row, column)
 * @param size how many times the material threshold it moved, for ranking
 */
public record MaterialRestatement(
    String chain,
    LocalDate day, String type, HeadlineMetric metric, String first, String now, LocalDate lastRun, double size) {}
