package io.qunbao.ingest;

import io.qunbao.ingest.parse.Column;
import io.qunbao.ingest.parse.CsvExportReader;
import io.qunbao.ingest.parse.CsvRow;
import io.qunbao.ingest.parse.ExportEncoding;
import io.qunbao.ingest.parse.Ids;
import io.qunbao.ingest.parse.RowRejected;
import io.qunbao.ingest.parse.Timestamps;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.time.Instant;
import java.util.List;
import org.apache.avro.specific.SpecificRecordBase;

/** A source exported as CSV with a header row: orders, scans, groups and staff. */
public abstract class CsvSource<T extends SpecificRecordBase> implements SourceReader<T> {
  private final Charset declaredEncoding;
  private final Timestamps timestamps;

  /** @param configuredEncoding the source's {@code ingest.encodings} value (auto, utf-8, gb18030, gbk) */
  protected CsvSource(String configuredEncoding, Timestamps timestamps) {
    this.declaredEncoding = ExportEncoding.declared(configuredEncoding);
    this.timestamps = timestamps;
  }

  /** The columns of exports.md, in its order. */
  protected abstract List<Column> columns();

  /** The landed row of one CSV record. */
  protected abstract T toRow(CsvRow row, String file, long line) throws RowRejected;

  /** A required id, kept as written unless Excel mangled it. */
  protected static String id(CsvRow row, Column column) throws RowRejected {
    return Ids.check(column.name(), row.require(column));
  }

  protected static String optionalId(CsvRow row, Column column) throws RowRejected {
    return Ids.check(column.name(), row.get(column));
  }

  protected Instant instant(CsvRow row, Column column) throws RowRejected {
    return timestamps.parse(column.name(), row.require(column));
  }

  protected Instant optionalInstant(CsvRow row, Column column) throws RowRejected {
    String value = row.get(column);
    return value == null ? null : timestamps.parse(column.name(), value);
  }

  @Override
  public boolean isExportFile(String fileName) {
    return fileName.endsWith(".csv") || fileName.endsWith(".csv.gz");
  }

  @Override
  public void read(ExportFile file, InputStream in, RowSink<T> sink) throws IOException {
    CsvExportReader.read(in, declaredEncoding, columns(), new CsvExportReader.Handler() {
      @Override
      public void row(long line, CsvRow row, String rawText) {
        try {
          sink.accept(toRow(row, file.relativeName(), line));
        } catch (RowRejected why) {
          sink.reject(line, why, rawText);
        }
      }

      @Override
      public void reject(long line, RowRejected why, String rawText) {
        sink.reject(line, why, rawText);
      }
    });
  }
}
