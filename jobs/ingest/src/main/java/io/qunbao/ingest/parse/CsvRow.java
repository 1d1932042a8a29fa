package io.qunbao.ingest.parse;

import org.apache.commons.csv.CSVRecord;

/** One CSV record of an export, read by column; values are stripped, an empty value is missing. */
public final class CsvRow {
  private final CsvHeader header;
  private final CSVRecord record;

  CsvRow(CsvHeader header, CSVRecord record) {
    this.header = header;
    this.record = record;
  }

  /** The value, or null when the column is absent or the field is empty. */
  public String get(Column column) {
    int i = header.indexOf(column);
    if (i < 0) {
      return null;
    }
    String value = record.get(i).strip();
    return value.isEmpty() ? null : value;
  }

  /** The value of a required field; a missing one rejects the row. */
  public String require(Column column) throws RowRejected {
    String value = get(column);
    if (value == null) {
      throw new RowRejected(RejectReason.MISSING_FIELD, "required field " + column.name() + " empty");
    }
    return value;
  }
}
