package io.qunbao.reports.model;

import io.qunbao.common.storage.PartitionPublisher;
import io.qunbao.common.storage.PublishedTables;
import io.qunbao.common.storage.Storage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.avro.Conversions;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericFixed;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;

/**
 * Reads Hive-style partitioned Parquet tables ({@code <table>/<key>=YYYY-MM-DD/*.parquet}) through
 * Hadoop's FileSystem, so a local warehouse and an s3a one read the same. Only published
 * partitions (those holding {@code _SUCCESS}) are read, and of each only the files its manifest lists
 * ({@link PublishedTables}): a partition being rewritten is never half read, and the leftovers of a
 * publish that failed halfway are never read.
 */
public final class ParquetTables {
  private final Storage storage;
  private final PartitionPublisher publisher;
  private final PublishedTables published;

  public ParquetTables(Storage storage, PartitionPublisher publisher) {
    this.storage = storage;
    this.publisher = publisher;
    this.published = new PublishedTables(storage, publisher);
  }

  /**
   * Rows of every published partition of {@code table} whose day is in {@code from … to}, each
   * carrying its partition's day; an absent table reads as no rows. Only the partitions in range
   * are read, each through its {@code _SUCCESS} manifest (one request each on s3a, so never the
   * whole history), and of each only the files the manifest lists.
   */
  public List<Row> read(Path table, String partitionKey, LocalDate from, LocalDate to) {
    List<Row> rows = new ArrayList<>();
    for (Map.Entry<LocalDate, Path> partition : partitions(table, partitionKey).subMap(from, true, to, true).entrySet()) {
      rows.addAll(readFiles(partition.getValue(), published.files(partition.getValue()), partition.getKey()));
    }
    return rows;
  }

  /** The {@code key=YYYY-MM-DD} folders of {@code table} by day, published or not; empty if absent. */
  public TreeMap<LocalDate, Path> partitions(Path table, String partitionKey) {
    return new TreeMap<>(PublishedTables.folders(storage, table, partitionKey));
  }

  /** Whether a partition is complete ({@code _SUCCESS} written by its publisher). */
  public boolean isPublished(Path partition) {
    return publisher.isPublished(partition);
  }

  /**
   * Rows of a published partition, or of every published partition of a table (day = null; each row
   * carries its partition's {@code key=value}), from the files their manifests list.
   */
  public List<Row> readAll(Path folder) {
    return readFiles(folder, published.tableFiles(folder), null);
  }

  /** Row count of the published partition {@code folder}, from its files' footers; empty if unpublished. */
  public Optional<Long> rowCount(Path folder) {
    if (!publisher.isPublished(folder)) return Optional.empty();
    try {
      long rows = 0;
      for (Path file : parquet(published.files(folder))) {
        try (ParquetFileReader reader = ParquetFileReader.open(HadoopInputFile.fromPath(file, storage.hadoop()))) {
          rows += reader.getRecordCount();
        }
      }
      return Optional.of(rows);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the Parquet footers in " + folder, e);
    }
  }

  private List<Row> readFiles(Path folder, List<Path> files, LocalDate day) {
    List<Row> rows = new ArrayList<>();
    try {
      for (Path file : parquet(files)) {
        readFile(file, day, partitionValues(folder, file), rows);
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + folder, e);
    }
  }

  /** {@code key=value} folder names between {@code folder} and {@code file}: Hive partition columns. */
  private static Map<String, Object> partitionValues(Path folder, Path file) {
    Map<String, Object> values = new HashMap<>();
    for (Path parent = file.getParent(); parent != null && !parent.equals(folder); parent = parent.getParent()) {
      String[] keyValue = parent.getName().split("=", 2);
      if (keyValue.length == 2) values.put(keyValue[0], keyValue[1]);
    }
    return values;
  }

  private void readFile(Path file, LocalDate day, Map<String, Object> partitionValues, List<Row> rows) throws IOException {
    HadoopInputFile input = HadoopInputFile.fromPath(file, storage.hadoop());
    Map<String, Integer> int64DecimalScales = int64DecimalScales(input);
    GenericData model = new GenericData();
    model.addLogicalTypeConversion(new Conversions.DecimalConversion());
    try (ParquetReader<GenericRecord> reader =
        AvroParquetReader.<GenericRecord>builder(input).withDataModel(model).withConf(storage.hadoop()).build()) {
      for (GenericRecord record = reader.read(); record != null; record = reader.read()) {
        Map<String, Object> values = new HashMap<>(partitionValues);
        for (Schema.Field field : record.getSchema().getFields()) {
          values.put(field.name(), plain(record.get(field.pos()), field.schema(), int64DecimalScales.get(field.name())));
        }
        rows.add(new Row(day, values));
      }
    }
  }

  /**
   * Decimal columns stored as INT64 (Spark's and DuckDB's choice for precision ≤ 18) reach Avro as
   * plain longs holding the unscaled value; their scale is only in the Parquet schema.
   */
  private static Map<String, Integer> int64DecimalScales(HadoopInputFile input) throws IOException {
    Map<String, Integer> scales = new HashMap<>();
    try (ParquetFileReader reader = ParquetFileReader.open(input)) {
      MessageType schema = reader.getFooter().getFileMetaData().getSchema();
      for (Type column : schema.getFields()) {
        if (column.isPrimitive()
            && column.getLogicalTypeAnnotation() instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation decimal) {
          scales.put(column.getName(), decimal.getScale());
        }
      }
    }
    return scales;
  }

  /** Avro's value as a plain Java value: strings, numbers, booleans, BigDecimal. */
  private static Object plain(Object value, Schema schema, Integer int64DecimalScale) {
    if (value == null) return null;
    if (value instanceof CharSequence text) return text.toString();
    if (value instanceof BigDecimal) return value;
    if (int64DecimalScale != null && (value instanceof Long || value instanceof Integer)) {
      return BigDecimal.valueOf(((Number) value).longValue(), int64DecimalScale);
    }
    Schema valueSchema = nonNull(schema);
    if (valueSchema.getLogicalType() instanceof LogicalTypes.Decimal decimal) {
      Conversions.DecimalConversion conversion = new Conversions.DecimalConversion();
      if (value instanceof ByteBuffer bytes) return conversion.fromBytes(bytes, valueSchema, decimal);
      if (value instanceof GenericFixed fixed) return conversion.fromFixed(fixed, valueSchema, decimal);
    }
    return value;
  }

  private static Schema nonNull(Schema schema) {
    if (schema.getType() != Schema.Type.UNION) return schema;
    return schema.getTypes().stream().filter(s -> s.getType() != Schema.Type.NULL).findFirst().orElse(schema);
  }

  /** The Parquet files of a manifest's list (a rejects partition also lists rejects.jsonl, for people). */
  private static List<Path> parquet(List<Path> files) {
    return files.stream().filter(f -> f.getName().endsWith(".parquet")).sorted().toList();
  }
}
