package io.qunbao.metrics;

import io.qunbao.common.storage.PartitionPublisher;
import io.qunbao.common.storage.PublishedTables;
import io.qunbao.common.storage.Storage;
import io.qunbao.common.storage.Warehouse;
import java.io.IOException;
import java.io.UncheckedIOException;
import io.qunbao.metrics.recomputation.RunPlanner;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import org.apache.spark.sql.types.StructType;

/**
 * Writes tables into the warehouse, each partition atomically through {@link PartitionPublisher}:
 * metrics tables and the curated messages per {@code dt} partition, the other curated tables whole,
 * revisions per run date, after the metrics they describe.
 */
final class MetricsPublisher {
  static final String RUN_DATE = "run_date";

  private final SparkSession spark;
  private final Storage storage;
  private final Warehouse warehouse;
  private final PartitionPublisher publisher;
  private final PublishedTables published;

  MetricsPublisher(SparkSession spark, Storage storage, Warehouse warehouse) {
    this.spark = spark;
    this.storage = storage;
    this.warehouse = warehouse;
    this.publisher = new PartitionPublisher(storage, warehouse);
    this.published = new PublishedTables(storage, publisher);
  }

  /** The days of the metrics table {@code table} published so far (with their {@code _SUCCESS}). */
  Set<LocalDate> publishedDays(String table) {
    return publishedDays(warehouse.metricsTable(table));
  }

  /** The days of the curated table {@code table}, kept by day, published so far. */
  Set<LocalDate> publishedCuratedDays(String table) {
    return publishedDays(warehouse.curated(table));
  }

  private Set<LocalDate> publishedDays(Path root) {
    return PublishedPartitions.dates(storage, publisher, root, TableSpec.DT);
  }

  /** The published rows of {@code days} of the metrics table {@code spec} (an empty table when there are none). */
  Dataset<Row> readPublished(TableSpec spec, Set<LocalDate> days) {
    return readPublished(spec, warehouse.metricsTable(spec.table()), days);
  }

  /** The published rows of {@code days} of the curated table {@code spec}, kept by day. */
  Dataset<Row> readPublishedCurated(TableSpec spec, Set<LocalDate> days) {
    return readPublished(spec, warehouse.curated(spec.table()), days);
  }

  private Dataset<Row> readPublished(TableSpec spec, Path root, Set<LocalDate> days) {
    if (days.isEmpty()) {
      return emptyTable(spec);
    }
    String[] files = days.stream().flatMap(d -> published.files(partition(root, d)).stream()).map(Path::toString)
        .toArray(String[]::new);
    if (files.length == 0) {
      return emptyTable(spec);
    }
    return spec.conform(spark.read().schema(spec.schema()).option("basePath", root.toString()).parquet(files));
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
   * Publishes the rows of each of {@code days} of the metrics table {@code spec}, one atomic swap per
   * partition; a day without rows becomes an empty published partition. One Spark write for all
   * days, then one swap per day.
   */
  void publishDays(TableSpec spec, Dataset<Row> rows, Set<LocalDate> days) {
    if (days.isEmpty()) {
      return;
    }
    Column inDays = functions.col(TableSpec.DT).isin(days.stream().map(java.sql.Date::valueOf).toArray());
    publishStagedDays(stageDays(spec.table(), rows.where(inDays)), warehouse.metricsTable(spec.table()), days);
  }

  /**
   * Writes {@code rows} into a fresh staging folder, one {@code dt} partition per day ({@link
   * #publishStagedDays}). The rows are first gathered by day: each day becomes one file, and no write
   * task is left without rows, which the S3A magic committer cannot commit in a partitioned write
   * (it lists the task's output folder, which an empty task never created; {@code S3SparkCommitIT}).
   * For the same reason no rows at all are not written on an object store: the folder stays empty
   * (a night whose days have no chat yet).
   */
  Path stageDays(String table, Dataset<Row> rows) {
    Path scratch = new Path(warehouse.staging(), UUID.randomUUID() + "-" + table);
    if (publisher.isObjectStore(scratch) && rows.isEmpty()) {
      try {
        storage.fileSystem(scratch).mkdirs(scratch);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot create the staging folder " + scratch, e);
      }
      return scratch;
    }
    rows.repartition(functions.col(TableSpec.DT)).write().mode(SaveMode.Overwrite).partitionBy(TableSpec.DT)
        .parquet(scratch.toString());
    return scratch;
  }

  /** The days {@link #stageDays} wrote rows of into {@code scratch}. */
  Set<LocalDate> stagedDays(Path scratch) {
    return PublishedPartitions.folders(storage, scratch, TableSpec.DT).keySet();
  }

  /**
   * Makes each of {@code days} staged in {@code scratch} a partition of the table folder {@code root},
   * one atomic swap per day; a day without staged rows becomes an empty published partition.
   */
  void publishStagedDays(Path scratch, Path root, Set<LocalDate> days) {
    FileSystem fs = storage.fileSystem(scratch);
    try {
      for (LocalDate day : days) {
        Path target = partition(root, day);
        Path staged = publisher.stage(target);
        Path written = partition(scratch, day);
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
      throw new UncheckedIOException("publishing " + root + " failed; rerun the date to publish it", e);
    }
  }

  /**
   * Turns a table folder that was published whole (before its table was kept by day) into a plain
   * folder of partitions: its {@code _SUCCESS} goes first, so no reader trusts the files it listed.
   */
  void retireWholeTable(Path root) {
    if (!publisher.isPublished(root)) {
      return;
    }
    List<Path> files = publisher.published(root).files();
    FileSystem fs = storage.fileSystem(root);
    try {
      fs.delete(new Path(root, PartitionPublisher.SUCCESS), false);
      for (Path file : files) {
        fs.delete(file, false);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove the whole-table files of " + root + "; rerun the date", e);
    }
  }

  private static Path partition(Path root, LocalDate day) {
    return new Path(root, TableSpec.DT + "=" + day);
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
   * Stages revision rows of the run of {@code runDate} as pending, beside the revisions table: with
   * what an earlier attempt of the same run staged there, without duplicates (a rerun after a failed
   * publish finds some changes again, and no longer finds those it published).
   */
  void stageRevisions(Dataset<Row> revisions, LocalDate runDate) {
    TableSpec spec = TableSpec.load(TableSpec.REVISIONS);
    Path pending = pendingRevisions(runDate);
    Dataset<Row> rows = revisions;
    if (publisher.isPublished(pending)) {
      rows = readRevisions(spec, pending).union(rows);
    }
    Path staged = publisher.stage(pending);
    rows.distinct().drop(RUN_DATE).write().mode(SaveMode.Overwrite).parquet(staged.toString());
    publisher.publish(staged, pending);
  }

  /**
   * Publishes the revisions pending for the run of {@code runDate} into its partition of
   * {@code revisions} (with the rows already there, without duplicates), then drops them; nothing when
   * none are pending.
   */
  void publishPendingRevisions(LocalDate runDate) {
    Path pending = pendingRevisions(runDate);
    if (!publisher.isPublished(pending)) {
      return;
    }
    TableSpec spec = TableSpec.load(TableSpec.REVISIONS);
    Path target = new Path(warehouse.metricsTable(spec.table()), RUN_DATE + "=" + runDate);
    Dataset<Row> rows = readRevisions(spec, pending);
    if (publisher.isPublished(target)) {
      rows = readRevisions(spec, target).union(rows);
    }
    describeJobs("metrics: publish revisions");
    Path staged = publisher.stage(target);
    rows.distinct().drop(RUN_DATE).write().mode(SaveMode.Overwrite).parquet(staged.toString());
    publisher.publish(staged, target);
    try {
      storage.fileSystem(pending).delete(pending, true);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove the published pending revisions " + pending + "; rerun the date", e);
    }
  }

  /** The revisions of a run, staged until its metrics are published: beside the table, where no reader looks. */
  private Path pendingRevisions(LocalDate runDate) {
    return new Path(warehouse.metricsTable("_pending_" + TableSpec.REVISIONS), RUN_DATE + "=" + runDate);
  }

  private Dataset<Row> readRevisions(TableSpec spec, Path partition) {
    String[] files = publisher.published(partition).files().stream().map(Path::toString).toArray(String[]::new);
    if (files.length == 0) {
      return emptyTable(spec);
    }
    LocalDate runDate = LocalDate.parse(partition.getName().substring(RUN_DATE.length() + 1));
    StructType withoutRunDate = new StructType(java.util.Arrays.stream(spec.schema().fields())
        .filter(field -> !field.name().equals(RUN_DATE)).toArray(org.apache.spark.sql.types.StructField[]::new));
    return spec.conform(spark.read().schema(withoutRunDate).parquet(files)
        .withColumn(RUN_DATE, functions.lit(java.sql.Date.valueOf(runDate))));
  }

  /** Replaces the curated table {@code spec} whole with the rows of its view. */
  void publishCurated(TableSpec spec) {
    publishWhole(spec.conform(spark.table(spec.viewName())), warehouse.curated(spec.table()));
  }

  /** Names the Spark jobs that follow (Spark UI, event log). */
  void describeJobs(String description) {
    spark.sparkContext().setJobDescription(description);
  }

  /** What the metrics tables and the curated messages (kept by day) published before this run. */
  RunPlanner.PublishedState publishedState(List<TableSpec> tables) {
    Map<String, Set<LocalDate>> days = new LinkedHashMap<>();
    tables.forEach(table -> days.put(table.table(), publishedDays(table.table())));
    days.put(TableSpec.MESSAGES, publishedCuratedDays(TableSpec.MESSAGES));
    return new RunPlanner.PublishedState(days, publisher.isPublished(warehouse.curated("membership_intervals")));
  }
}
