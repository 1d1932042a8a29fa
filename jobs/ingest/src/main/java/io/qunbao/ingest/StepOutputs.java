package io.qunbao.ingest;

import io.qunbao.common.storage.Warehouse;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.hadoop.fs.Path;
import org.springframework.batch.item.ExecutionContext;

/**
 * The warehouse partitions a step published, noted in its execution context (and so in the job
 * repository): a run that finds its date done checks that they are still there before it trusts it.
 */
public final class StepOutputs {
  private static final String KEY = "publishedPartitions";

  private StepOutputs() {}

  /** Notes {@code partitions} (paths under the warehouse) as published by the step. */
  public static void record(ExecutionContext step, Warehouse warehouse, Collection<Path> partitions) {
    step.putString(KEY, partitions.stream().map(p -> relative(warehouse, p)).collect(Collectors.joining("\n")));
  }

  /** A partition's path under the warehouse, as a person reads it: {@code raw/orders/export_date=2026-11-01}. */
  public static String relative(Warehouse warehouse, Path partition) {
    String root = warehouse.root().toUri().getPath();
    return partition.toUri().getPath().substring(root.length()).replaceFirst("^/", "");
  }

  /** The partitions the step noted, as paths under the warehouse; none for a step that noted nothing. */
  public static List<Path> of(ExecutionContext step, Warehouse warehouse) {
    String noted = step.containsKey(KEY) ? step.getString(KEY) : "";
    return Arrays.stream(noted.split("\n")).filter(p -> !p.isBlank()).map(p -> new Path(warehouse.root(), p)).toList();
  }
}
