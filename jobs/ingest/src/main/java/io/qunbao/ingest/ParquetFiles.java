package io.qunbao.ingest;

import java.io.IOException;
import java.util.Arrays;
import java.util.Set;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.avro.util.Utf8;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.util.HadoopOutputFile;

/** Parquet writers of the landed tables, all alike. */
final class ParquetFiles {
  /** zstd: under a third of snappy's size on chat rows, at the same write speed. */
  static final CompressionCodecName CODEC = CompressionCodecName.ZSTD;
  /** A row group is buffered in memory until written; 64 MiB keeps the heap small on any file size. */
  private static final long ROW_GROUP_BYTES = 64L << 20;

  private ParquetFiles() {}

  static <T extends SpecificRecordBase> ParquetWriter<T> writer(Path file, T prototype,
      Set<String> columnsWithoutDictionary, Configuration hadoop) throws IOException {
    AvroParquetWriter.Builder<T> builder = AvroParquetWriter.<T>builder(HadoopOutputFile.fromPath(file, hadoop))
        .withSchema(prototype.getSchema())
        .withDataModel(new StringsAsUtf8(prototype.getSpecificData()))
        .withConf(hadoop)
        .withCompressionCodec(CODEC)
        .withRowGroupSize(ROW_GROUP_BYTES)
        .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
        // parquet 1.14's size statistics (per-page byte counts and level histograms) are a cost per value
        // that no reader of the warehouse uses: Spark and DuckDB plan from the min/max statistics, kept
        .withSizeStatisticsEnabled(false);
    for (String column : columnsWithoutDictionary) {
      builder.withDictionaryEncoding(column, false);
    }
    return builder.build();
  }

  /**
   * The records' data model, but a String field is handed to parquet-avro as an Avro {@link Utf8}, which
   * it writes from its byte array. A String it turns into a ByteBuffer per value, and its dictionaries and
   * min/max statistics then compare buffers, a large share of the writing thread's time on chat. The
   * same bytes land. One per writer: the cache is not shared.
   */
  private static final class StringsAsUtf8 extends SpecificData {
    /** Per field, the last String and its bytes: every row of a file holds the same source_file String. */
    private String[] lastText = new String[0];
    private Utf8[] lastBytes = new Utf8[0];

    StringsAsUtf8(SpecificData records) {
      super(records.getClassLoader());
      records.getConversions().forEach(this::addLogicalTypeConversion);
    }

    @Override
    public Object getField(Object record, String name, int position) {
      Object value = super.getField(record, name, position);
      if (!(value instanceof String text)) {
        return value;
      }
      if (position >= lastText.length) {
        lastText = Arrays.copyOf(lastText, position + 1);
        lastBytes = Arrays.copyOf(lastBytes, position + 1);
      }
      if (lastText[position] != text) {
        lastText[position] = text;
        lastBytes[position] = new Utf8(text);
      }
      return lastBytes[position];
    }
  }
}
