package io.qunbao.metrics;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;

/**
 * What a metrics run did: the first day it recomputed every metric of, and the first day it
 * recomputed the values counted from purchases of (never later; the days before either were left as
 * published); per table, the partitions it published, their rows and the revisions it recorded; and
 * the time of each stage, in order.
 */
public record RunSummary(LocalDate runDate, Scope scope, LocalDate recomputedFrom, LocalDate ordersRecomputedFrom,
    Map<String, TableResult> tables, Map<String, Duration> stages) {

  /** @param partitions the dt partitions published (curated tables: 1 when replaced, rows not counted: -1) */
  public record TableResult(int partitions, long rows, long revisions) {}

  public long totalRevisions() {
    return tables.values().stream().mapToLong(TableResult::revisions).sum();
  }
}
