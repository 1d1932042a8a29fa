package io.qunbao.metrics;

import io.qunbao.common.storage.PartitionPublisher;
import io.qunbao.common.storage.PublishedTables;
import io.qunbao.common.storage.Storage;
import io.qunbao.common.storage.Warehouse;
import io.qunbao.metrics.recomputation.LandedExports;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.avro.Schema;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Registers the landed exports as the views {@code raw_chat}, {@code raw_orders}, {@code raw_scans},
 * {@code raw_groups} and {@code raw_staff}: every {@code raw/<source>/export_date=D} partition with
 * D on or before the run date whose {@code _SUCCESS} manifest is there, and of it only the files the
 * manifest lists (a partition without it is an unfinished ingest and is not read; on an object store
 * files no manifest lists are leftovers). A source with no partition is an empty view.
 */
final class RawInputs {
  private static final String EXPORT_DATE = LandedTables.EXPORT_DATE;

  private final SparkSession spark;
  private final Warehouse warehouse;
  private final Storage storage;
  private final PartitionPublisher publisher;

  RawInputs(SparkSession spark, Storage storage, Warehouse warehouse) {
    this.spark = spark;
    this.warehouse = warehouse;
    this.storage = storage;
    this.publisher = new PartitionPublisher(storage, warehouse);
  }

  /** Registers the five views; returns the export partitions read, with their published versions. */
  LandedExports register(LocalDate runDate) {
    Map<String, SortedMap<LocalDate, String>> read = new TreeMap<>();
    for (Map.Entry<String, Schema> source : LandedTables.SOURCES.entrySet()) {
      SortedMap<LocalDate, String> versions = new TreeMap<>();
      List<String> files = new ArrayList<>();
      for (Map.Entry<LocalDate, Path> folder : PublishedTables.folders(storage, warehouse.rawTable(source.getKey()), EXPORT_DATE)
          .headMap(runDate.plusDays(1)).entrySet()) {
        publisher.publishedIfAny(folder.getValue()).ifPresent(partition -> {
          versions.put(folder.getKey(), partition.version());
          partition.files().forEach(file -> files.add(file.toString()));
        });
      }
      StructType schema = AvroSchemas.structType(source.getValue()).add(EXPORT_DATE, DataTypes.DateType);
      Dataset<Row> rows = files.isEmpty()
          ? spark.createDataFrame(List.of(), schema)
          : spark.read().schema(schema)
              .option("basePath", warehouse.rawTable(source.getKey()).toString())
              .parquet(files.toArray(String[]::new));
      rows.createOrReplaceTempView(LandedTables.raw(source.getKey()));
      read.put(source.getKey(), versions);
    }
    return new LandedExports(read);
  }
}
