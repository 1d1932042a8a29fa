package io.qunbao.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Set;
import org.apache.avro.specific.SpecificRecordBase;

/** Reads the export files of one source into rows of its landed table ({@code io.qunbao.schema.raw}). */
public interface SourceReader<T extends SpecificRecordBase> {
  /** chat, orders, scans, groups or staff: the inbox folder and the warehouse table. */
  String source();

  /** A fresh record, for its schema and data model. */
  T prototype();

  /** Whether a file of the export folder is an export of this source (by extension). */
  boolean isExportFile(String fileName);

  /** Reads one file (already decompressed) into {@code sink}; a bad row never stops the file. */
  void read(ExportFile file, InputStream in, RowSink<T> sink) throws IOException;

  /** When the row's event happened, for late-row counts; null for snapshot sources. */
  Instant eventTime(T row);

  /**
   * Columns with about one distinct value per row (row ids, event times, the line number): written
   * without a Parquet dictionary, which would cost a hash lookup per value and save next to nothing
   * (measured on chat: a tenth of the CPU of an ingest, for a file 2% smaller).
   */
  default Set<String> columnsWithoutDictionary() {
    return Set.of("source_line");
  }

  /** A full snapshot (groups, staff): a missing export means the latest earlier one still holds. */
  default boolean isSnapshot() {
    return false;
  }
}
