package io.qunbao.metrics;

import io.qunbao.common.storage.Warehouse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The big curated tables (messages, membership intervals), written once as the run computes them: into
 * a staging folder of the warehouse, read back by the models above them, and published as they are at
 * the end of the run (never when the run fails: the staging folder is left for the next run's clean-up).
 * Reading Parquet back lets each later model read only its columns, keeps no copy of the rows in memory,
 * and spares the second write a separate publish would need.
 */
final class StagedCurated {
  private final SparkSession spark;
  private final MetricsPublisher publisher;
  private final Warehouse warehouse;
  private final Map<String, Path> staged = new LinkedHashMap<>();

  StagedCurated(SparkSession spark, MetricsPublisher publisher, Warehouse warehouse) {
    this.spark = spark;
    this.publisher = publisher;
    this.warehouse = warehouse;
  }

  /** Stages the curated table {@code table} from {@code rows} and returns its rows read back. */
  Dataset<Row> stage(String table, Dataset<Row> rows) {
    TableSpec spec = TableSpec.load(table);
    Path folder = publisher.stageWhole(spec.conform(rows), warehouse.curated(table));
    staged.put(table, folder);
    return spark.read().schema(spec.schema()).parquet(folder.toString());
  }

  boolean isStaged(String table) {
    return staged.containsKey(table);
  }

  void publish(String table) {
    publisher.publishStaged(staged.remove(table), warehouse.curated(table));
  }
}
