package io.qunbao.ingest;

import io.qunbao.ingest.parse.Column;
import io.qunbao.ingest.parse.CsvExportReader;
import io.qunbao.ingest.parse.CsvHeader;
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
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.avro.specific.SpecificRecordBase;

/** A source exported as CSV with a header row: orders, scans, groups and staff. */
public abstract class CsvSource<T extends SpecificRecordBase> implements SourceReader<T> {
  private final String source;
  private final Supplier<T> prototype;
  private final List<Column> columns;
  private final Function<T, Instant> eventTime;
  private final Charset declaredEncoding;
  private final Timestamps timestamps;

  /**
   * @param columns the columns of exports.md, in its order
   * @param eventTime when a row's event happened; null for a snapshot source
   * @param configuredEncoding the source's {@code ingest.encodings} value (auto, utf-8, gb18030, gbk)
   */
  protected CsvSource(String source, Supplier<T> prototype, List<Column> columns, Function<T, Instant> eventTime,
      String configuredEncoding, Timestamps timestamps) {
    this.source = source;
    this.prototype = prototype;
    this.columns = columns;
    this.eventTime = eventTime;
    this.declaredEncoding = ExportEncoding.declared(configuredEncoding);
    this.timestamps = timestamps;
  }

  @Override
  public String source() {
    return source;
  }

  @Override
  public T prototype() {
    return prototype.get();
  }

  @Override
  public Instant eventTime(T row) {
    return eventTime == null ? null : eventTime.apply(row);
  }

  /** groups and staff: full snapshots, without event times. */
  @Override
  public boolean isSnapshot() {
    return eventTime == null;
  }

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
    String name = fileName.toLowerCase(Locale.ROOT);
    return name.endsWith(".csv") || name.endsWith(".csv.gz");
  }

  @Override
  public void read(ExportFile file, InputStream in, RowSink<T> sink) throws IOException {
    CsvExportReader.read(in, declaredEncoding, columns, new CsvExportReader.Handler() {
      @Override
      public void row(long line, CsvRow row, String rawText) {
        try {
          sink.accept(toRow(row, file.relativeName(), line));
        } catch (RowRejected why) {
          sink.reject(line, why, RawRecord.of(rawText));
        }
      }

      @Override
      public void reject(long line, RowRejected why, String rawText) {
        sink.reject(line, why, RawRecord.of(rawText));
      }

      @Override
      public void header(CsvHeader header) {
        if (header.problem() != null) {
          sink.fileProblem(header.problem());
        }
      }
    });
  }
}
