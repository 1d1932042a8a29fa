package io.qunbao.reports.model;

import io.qunbao.common.storage.PartitionPublisher;
import io.qunbao.common.storage.Storage;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
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
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
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
 * partitions (those holding {@code _SUCCESS}) are read: a partition being rewritten is never half
 * read.
 */
public final class ParquetTables {
  private final Storage storage;

  public ParquetTables(Storage storage) {
    this.storage = storage;
  }

  /**
   * Rows of every published partition of {@code table} whose day is in {@code from … to}, each
   * carrying its partition's day; an absent table reads as no rows.
   */
  public List<Row> read(Path table, String partitionKey, LocalDate from, LocalDate to) {
    List<Row> rows = new ArrayList<>();
    for (Map.Entry<LocalDate, Path> partition : publishedPartitions(table, partitionKey).entrySet()) {
      LocalDate day = partition.getKey();
      if (!day.isBefore(from) && !day.isAfter(to)) {
        rows.addAll(readFiles(partition.getValue(), day));
      }
    }
    return rows;
  }

  /** Published partitions of {@code table}, by day, oldest first. */
  public TreeMap<LocalDate, Path> publishedPartitions(Path table, String partitionKey) {
    TreeMap<LocalDate, Path> partitions = new TreeMap<>();
    FileSystem fs = storage.fileSystem(table);
    try {
      if (!fs.exists(table)) return partitions;
      for (FileStatus child : fs.listStatus(table)) {
        String name = child.getPath().getName();
        if (child.isDirectory() && name.startsWith(partitionKey + "=")) {
          parseDay(name.substring(partitionKey.length() + 1))
              .filter(day -> exists(fs, new Path(child.getPath(), PartitionPublisher.SUCCESS)))
              .ifPresent(day -> partitions.put(day, child.getPath()));
        }
      }
      return partitions;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + table, e);
    }
  }

  /** Rows of every Parquet file under {@code folder}, sub-folders included (day = null). */
  public List<Row> readAll(Path folder) {
    return readFiles(folder, null);
  }

  /** Row count of the Parquet files directly in {@code folder}, from their footers; empty if absent. */
  public Optional<Long> rowCount(Path folder) {
    FileSystem fs = storage.fileSystem(folder);
    try {
      if (!fs.exists(folder)) return Optional.empty();
      long rows = 0;
      for (Path file : parquetFiles(fs, folder, false)) {
        try (ParquetFileReader reader = ParquetFileReader.open(HadoopInputFile.fromPath(file, storage.hadoop()))) {
          rows += reader.getRecordCount();
        }
      }
      return Optional.of(rows);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the Parquet footers in " + folder, e);
    }
  }

  private List<Row> readFiles(Path folder, LocalDate day) {
    FileSystem fs = storage.fileSystem(folder);
    List<Row> rows = new ArrayList<>();
    try {
      if (!fs.exists(folder)) return rows;
      for (Path file : parquetFiles(fs, folder, day == null)) {
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

  private static List<Path> parquetFiles(FileSystem fs, Path folder, boolean recursive) throws IOException {
    List<Path> files = new ArrayList<>();
    for (FileStatus child : fs.listStatus(folder)) {
      String name = child.getPath().getName();
      if (child.isDirectory()) {
        if (recursive && !name.startsWith("_") && !name.startsWith(".")) {
          files.addAll(parquetFiles(fs, child.getPath(), true));
        }
      } else if (name.endsWith(".parquet")) {
        files.add(child.getPath());
      }
    }
    files.sort(null);
    return files;
  }

  private static Optional<LocalDate> parseDay(String text) {
    try {
      return Optional.of(LocalDate.parse(text));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static boolean exists(FileSystem fs, Path path) {
    try {
      return fs.exists(path);
    } catch (FileNotFoundException e) {
      return false;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    }
  }
}
