package io.qunbao.generator;

import java.util.List;

/**
 * What one export (one source, one export date) holds.
 *
 * @param rows         records written, bad ones included (the header is not a record)
 * @param badRows      injected bad records, each listed in expected_rejects.csv
 * @param repeatedRows good records that an earlier export already held (overlapping re-exports)
 * @param lateRows     good records of an event of an earlier day that no earlier export held
 * @param files        the files, relative to the inbox
 */
public record ExportCounts(long rows, long badRows, long repeatedRows, long lateRows, List<String> files) {
  public ExportCounts {
    files = List.copyOf(files);
  }
}
