package io.qunbao.metrics;

import io.qunbao.common.storage.Warehouse;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The big curated tables (messages, membership intervals), written once as the run computes them: into
 * a staging folder of the warehouse, read back by the models above them, and published as they are at
 * the end of the run (never when the run fails: the staging folder is left for the next run's clean-up).
 * Reading Parquet back lets each later model read only its columns, keeps no copy of the rows in memory,
 * and spares the second write a separate publish would need. A table is staged whole, or by day: then
 * the run stages and publishes only the days it cleaned, and the other days stay as published.
 */
final class StagedCurated {
  /** A staged table: its folder, and the days to publish from it (null: the table whole). */
  private record Staged(Path folder, SortedSet<LocalDate> days) {}

  private final SparkSession spark;
  private final MetricsPublisher publisher;
  private final Warehouse warehouse;
  private final Map<String, Staged> staged = new LinkedHashMap<>();

  StagedCurated(SparkSession spark, MetricsPublisher publisher, Warehouse warehouse) {
    this.spark = spark;
    this.publisher = publisher;
    this.warehouse = warehouse;
  }

  /** Stages the curated table {@code table} whole from {@code rows} and returns its rows read back. */
  Dataset<Row> stage(String table, Dataset<Row> rows) {
    TableSpec spec = TableSpec.load(table);
    Path folder = publisher.stageWhole(spec.conform(rows), warehouse.curated(table));
    staged.put(table, new Staged(folder, null));
    return spark.read().schema(spec.schema()).parquet(folder.toString());
  }

  /**
   * Stages {@code rows}, the rows of the days from {@code from} of the curated table {@code table} kept
   * by day, and returns them read back. They are published as every day from {@code from} that has rows
   * or is one of {@code alsoDays} (a day left without rows becomes an empty partition).
   */
  Dataset<Row> stageDays(String table, Dataset<Row> rows, LocalDate from, Set<LocalDate> alsoDays) {
    TableSpec spec = TableSpec.load(table);
    Path folder = publisher.stageDays(table, spec.conform(rows));
    SortedSet<LocalDate> days = new TreeSet<>(publisher.stagedDays(folder));
    days.addAll(alsoDays);
    staged.put(table, new Staged(folder, days.tailSet(from)));
    return spec.conform(spark.read().schema(spec.schema()).option("basePath", folder.toString()).parquet(folder.toString()));
  }

  boolean isStaged(String table) {
    return staged.containsKey(table);
  }

  void publish(String table) {
    Staged written = staged.remove(table);
    Path target = warehouse.curated(table);
    if (written.days() == null) {
      publisher.publishStaged(written.folder(), target);
    } else {
      publisher.retireWholeTable(target);
      publisher.publishStagedDays(written.folder(), target, written.days());
    }
  }
}
