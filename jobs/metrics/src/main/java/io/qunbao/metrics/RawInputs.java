package io.qunbao.metrics;

import io.qunbao.common.storage.PartitionPublisher;
import io.qunbao.common.storage.Storage;
import io.qunbao.common.storage.Warehouse;
import io.qunbao.schema.raw.ChatMessage;
import io.qunbao.schema.raw.Group;
import io.qunbao.schema.raw.Order;
import io.qunbao.schema.raw.Scan;
import io.qunbao.schema.raw.Staff;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Registers the landed exports as the views {@code raw_chat}, {@code raw_orders}, {@code raw_scans},
 * {@code raw_groups} and {@code raw_staff}: every {@code raw/<source>/export_date=D} partition with
 * D on or before the run date whose {@code _SUCCESS} marker is there (a partition without it is an
 * unfinished ingest and is not read). A source with no partition is an empty view.
 */
final class RawInputs {
  static final String EXPORT_DATE = "export_date";
  /** The landed sources and their Avro contract. */
  static final Map<String, Schema> SOURCES = Map.of(
      "chat", ChatMessage.getClassSchema(),
      "orders", Order.getClassSchema(),
      "scans", Scan.getClassSchema(),
      "groups", Group.getClassSchema(),
      "staff", Staff.getClassSchema());

  private final SparkSession spark;
  private final Storage storage;
  private final Warehouse warehouse;

  RawInputs(SparkSession spark, Storage storage, Warehouse warehouse) {
    this.spark = spark;
    this.storage = storage;
    this.warehouse = warehouse;
  }

  /** Registers the five views; returns the number of export partitions read per source. */
  Map<String, Integer> register(LocalDate runDate) {
    Map<String, Integer> partitions = new java.util.TreeMap<>();
    for (Map.Entry<String, Schema> source : SOURCES.entrySet()) {
      List<String> paths = landedPartitions(source.getKey(), runDate);
      StructType schema = AvroSchemas.structType(source.getValue()).add(EXPORT_DATE, DataTypes.DateType);
      Dataset<Row> rows = paths.isEmpty()
          ? spark.createDataFrame(List.of(), schema)
          : spark.read().schema(schema)
              .option("basePath", warehouse.rawTable(source.getKey()).toString())
              .parquet(paths.toArray(String[]::new));
      rows.createOrReplaceTempView("raw_" + source.getKey());
      partitions.put(source.getKey(), paths.size());
    }
    return partitions;
  }

  private List<String> landedPartitions(String source, LocalDate runDate) {
    PartitionPublisher markers = new PartitionPublisher(storage, warehouse);
    return PublishedPartitions.dates(storage, markers, warehouse.rawTable(source), EXPORT_DATE).stream()
        .filter(exportDate -> !exportDate.isAfter(runDate))
        .map(exportDate -> warehouse.raw(source, exportDate).toString())
        .toList();
  }
}
