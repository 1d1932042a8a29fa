package io.qunbao.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
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

  /** A full snapshot (groups, staff): a missing export means the latest earlier one still holds. */
  default boolean isSnapshot() {
    return false;
  }
}
