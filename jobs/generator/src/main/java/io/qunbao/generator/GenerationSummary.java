package io.qunbao.generator;

import io.qunbao.common.Source;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;

/**
 * What {@link InboxGenerator#generate()} wrote.
 *
 * @param options   the options it ran with
 * @param exports   per source, per export date: rows, bad rows, repeats, late rows, files
 * @param groups    groups created (some before the first export date)
 * @param customers customers met
 * @param purchases orders placed (each may have several rows)
 * @param badRowsByReason injected bad rows by reason class, over all sources and days
 * @param elapsed   wall time of the run (not in summary.json, which must be reproducible)
 */
public record GenerationSummary(
    GeneratorOptions options,
    Map<Source, SortedMap<LocalDate, ExportCounts>> exports,
    int groups,
    int customers,
    long purchases,
    Map<RejectClass, Long> badRowsByReason,
    Duration elapsed) {

  /** Records written for {@code source} over all days, bad ones included. */
  public long rows(Source source) {
    return exports.getOrDefault(source, Collections.emptySortedMap()).values().stream()
        .mapToLong(ExportCounts::rows).sum();
  }

  public long badRows(Source source) {
    return exports.getOrDefault(source, Collections.emptySortedMap()).values().stream()
        .mapToLong(ExportCounts::badRows).sum();
  }

  public long totalRows() {
    return exports.keySet().stream().mapToLong(this::rows).sum();
  }

  public long totalBadRows() {
    return exports.keySet().stream().mapToLong(this::badRows).sum();
  }

  /** Rows of all sources written per second of wall time. */
  public double rowsPerSecond() {
    double seconds = Math.max(1e-3, elapsed.toNanos() / 1e9);
    return totalRows() / seconds;
  }
}
