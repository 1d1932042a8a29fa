package io.qunbao.metrics.recomputation;

import java.time.LocalDate;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.SortedSet;

/**
 * The landed export partitions a run reads: per source, export date → the version its
 * {@code _SUCCESS} names ({@link io.qunbao.common.storage.PartitionPublisher#version}). Comparing
 * it with what the last publication read tells which partitions are new to this run.
 */
public record LandedExports(Map<String, SortedMap<LocalDate, String>> versions) {
  /** Partitions read per source, for the log. */
  public Map<String, Integer> counts() {
    Map<String, Integer> counts = new TreeMap<>();
    versions.forEach((source, dates) -> counts.put(source, dates.size()));
    return counts;
  }

  /** The export dates, per source, that {@code before} did not read. */
  Map<String, SortedSet<LocalDate>> newSince(LandedExports before) {
    Map<String, SortedSet<LocalDate>> added = new TreeMap<>();
    versions.forEach((source, dates) -> {
      SortedSet<LocalDate> fresh = new TreeSet<>(dates.keySet());
      fresh.removeAll(before.versions().getOrDefault(source, new TreeMap<>()).keySet());
      added.put(source, fresh);
    });
    return added;
  }

  /**
   * Whether every partition {@code before} read is read again in the same version: none was
   * re-ingested (its earlier rows are unknown) or is missing from this run (a run date before it).
   */
  boolean keepsEverythingOf(LandedExports before) {
    return before.versions().entrySet().stream().allMatch(source -> source.getValue().entrySet().stream()
        .allMatch(partition -> partition.getValue().equals(
            versions.getOrDefault(source.getKey(), new TreeMap<>()).get(partition.getKey()))));
  }
}
