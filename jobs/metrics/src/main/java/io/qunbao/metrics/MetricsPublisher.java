package io.qunbao.metrics;

import io.qunbao.common.storage.PartitionPublisher;
import io.qunbao.common.storage.Storage;
import io.qunbao.common.storage.Warehouse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * Writes tables into the warehouse, each partition atomically through {@link PartitionPublisher}:
 * metrics tables per {@code dt} partition, curated tables whole, revisions per run date.
 */
final class MetricsPublisher {
  static final String RUN_DATE = "run_date";

  private final SparkSession spark;
  private final Storage storage;
  private final Warehouse warehouse;
  private final PartitionPublisher publisher;

  MetricsPublisher(SparkSession spark, Storage storage, Warehouse warehouse) {
    this.spark = spark;
    this.storage = storage;
    this.warehouse = warehouse;
    this.publisher = new PartitionPublisher(storage, warehouse);
  }

  /** The days of {@code table} published so far (with their {@code _SUCCESS}). */
  Set<LocalDate> publishedDays(String table) {
    return PublishedPartitions.dates(storage, publisher, warehouse.metricsTable(table), TableSpec.DT);
  }

  /** The published rows of {@code days} (an empty table when there are none). */
  Dataset<Row> readPublished(TableSpec spec, Set<LocalDate> days) {
    if (days.isEmpty()) {
      return emptyTable(spec);
    }
    String[] paths = days.stream().map(d -> warehouse.metrics(spec.table(), d).toString()).toArray(String[]::new);
    return spec.conform(spark.read().schema(spec.schema())
        .option("basePath", warehouse.metricsTable(spec.table()).toString())
        .parquet(paths));
  }

  /** The published rows of the curated table {@code spec}; none when it is not published. */
  Optional<Dataset<Row>> readPublishedCurated(TableSpec spec) {
    Path table = warehouse.curated(spec.table());
    if (!publisher.isPublished(table)) {
      return Optional.empty();
    }
    String[] files = publisher.published(table).files().stream().map(Path::toString).toArray(String[]::new);
    return Optional.of(files.length == 0 ? emptyTable(spec) : spec.conform(spark.read().schema(spec.schema()).parquet(files)));
  }

  Dataset<Row> emptyTable(TableSpec spec) {
    return spark.createDataFrame(List.of(), spec.schema());
  }

  /**
   * Publishes the rows of each of {@code days}, one atomic swap per partition; a day without rows
   * becomes an empty published partition. One Spark write for all days, then one swap per day.
   */
  void publishDays(TableSpec spec, Dataset<Row> rows, Set<LocalDate> days) {
    if (days.isEmpty()) {
      return;
    }
    Path scratch = new Path(warehouse.staging(), UUID.randomUUID() + "-" + spec.table());
    Column inDays = functions.col(TableSpec.DT).isin(days.stream().map(java.sql.Date::valueOf).toArray());
    rows.where(inDays).write().mode(SaveMode.Overwrite).partitionBy(TableSpec.DT).parquet(scratch.toString());
    FileSystem fs = storage.fileSystem(scratch);
    try {
      for (LocalDate day : days) {
        Path target = warehouse.metrics(spec.table(), day);
        Path staged = publisher.stage(target);
        Path written = new Path(scratch, TableSpec.DT + "=" + day);
        if (fs.exists(written)) {
          fs.delete(staged, true);
          if (!fs.rename(written, staged)) {
            throw new IOException("rename " + written + " -> " + staged + " refused");
          }
        }
        publisher.publish(staged, target);
      }
      fs.delete(scratch, true);
    } catch (IOException e) {
      throw new UncheckedIOException("publishing " + spec.table() + " failed; rerun the date to publish it", e);
    }
  }

  /** Replaces a curated table whole. */
  void publishWhole(Dataset<Row> rows, Path target) {
    publishStaged(stageWhole(rows, target), target);
  }

  /** Writes a whole table into a fresh staging folder, which {@link #publishStaged} makes the table. */
  Path stageWhole(Dataset<Row> rows, Path target) {
    Path staged = publisher.stage(target);
    rows.write().mode(SaveMode.Overwrite).parquet(staged.toString());
    return staged;
  }

  void publishStaged(Path staged, Path target) {
    publisher.publish(staged, target);
  }

  /**
   * Appends revision rows to the run date's partition of {@code revisions}: the partition is
   * rewritten as its old rows plus the new ones, without duplicates, so a rerun that finds the
   * same changes again (after a failed publish) records them once.
   */
  void appendRevisions(TableSpec spec, Dataset<Row> revisions, LocalDate runDate) {
    Path root = warehouse.metricsTable(spec.table());
    Path target = new Path(root, RUN_DATE + "=" + runDate);
    Dataset<Row> rows = revisions;
    if (publisher.isPublished(target)) {
      rows = spec.conform(spark.read().schema(spec.schema()).option("basePath", root.toString())
          .parquet(target.toString())).union(revisions);
    }
    Path staged = publisher.stage(target);
    rows.distinct().drop(RUN_DATE).write().mode(SaveMode.Overwrite).parquet(staged.toString());
    publisher.publish(staged, target);
  }
}
