package io.qunbao.metrics;

import io.qunbao.common.storage.PartitionPublisher;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Writes landed exports the way ingest does: Parquet of the Avro contract's columns under
 * {@code raw/<source>/export_date=D/} with a {@code _SUCCESS} marker. Rows are CSV lines with a
 * header naming {@code export_date} and any of the source's columns (missing ones are null;
 * time stamps as UTC instants such as {@code 2026-10-01T01:00:00Z}).
 */
final class LandedFixture {
  private final SparkSession spark;
  private final Path warehouse;

  LandedFixture(SparkSession spark, Path warehouse) {
    this.spark = spark;
    this.warehouse = warehouse;
  }

  /** Lands the worked example (already parsed, rejects left out) from {@code example-landed/*.csv}. */
  void landExample() {
    landExample(exportDate -> true);
  }

  /** Lands the exports of the worked example whose export date passes {@code exportDates}. */
  void landExample(Predicate<LocalDate> exportDates) {
    for (String source : LandedTables.SOURCES.keySet()) {
      try (InputStream in = LandedFixture.class.getResourceAsStream("/example-landed/" + source + ".csv")) {
        String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
        String[] rows = Arrays.stream(lines).skip(1)
            .filter(line -> exportDates.test(LocalDate.parse(line.substring(0, line.indexOf(',')))))
            .toArray(String[]::new);
        if (rows.length > 0) {
          land(source, lines[0], rows);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** Lands {@code rows} (CSV, columns as in {@code header}) of one source; adds to what is there. */
  void land(String source, String header, String... rows) {
    List<String> lines = new ArrayList<>();
    lines.add(header);
    lines.addAll(List.of(rows));
    Dataset<Row> text = spark.read().option("header", "true").option("multiLine", "true")
        .csv(spark.createDataset(lines, Encoders.STRING()));
    StructType schema = AvroSchemas.structType(LandedTables.SOURCES.get(source));
    List<String> given = List.of(text.columns());
    List<Column> columns = new ArrayList<>();
    for (StructField field : schema.fields()) {
      Column value = given.contains(field.name()) ? functions.col(field.name()) : defaultOf(field.name());
      columns.add(value.cast(field.dataType()).as(field.name()));
    }
    columns.add(functions.col(LandedTables.EXPORT_DATE));
    Path table = warehouse.resolve("raw").resolve(source);
    text.select(columns.toArray(Column[]::new)).write().mode(SaveMode.Append)
        .partitionBy(LandedTables.EXPORT_DATE).parquet(table.toString());
    try (var partitions = Files.list(table)) {
      for (Path partition : partitions.filter(Files::isDirectory).toList()) {
        Files.writeString(partition.resolve(PartitionPublisher.SUCCESS), "");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Hand-made rows need no provenance: one fixture file, lines in row order. */
  private static Column defaultOf(String column) {
    return switch (column) {
      case "source_file" -> functions.lit("fixture.csv");
      case "source_line" -> functions.monotonically_increasing_id();
      default -> functions.lit(null);
    };
  }
}
