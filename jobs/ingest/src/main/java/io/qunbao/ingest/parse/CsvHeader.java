package io.qunbao.ingest.parse;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Where each known column is in one file: headers in English or Chinese, in any order; unknown
 * columns ignored. A header that names a known column twice, or lacks a required one, makes every
 * row of the file a reject with that reason (the rows are still counted and shown).
 */
public final class CsvHeader {
  private final List<Column> columns;
  private final int[] index;
  private final int width;
  private final RowRejected problem;

  private CsvHeader(List<Column> columns, int[] index, int width, RowRejected problem) {
    this.columns = columns;
    this.index = index;
    this.width = width;
    this.problem = problem;
  }

  public static CsvHeader of(List<Column> columns, List<String> names) {
    int[] index = new int[columns.size()];
    Arrays.fill(index, -1);
    List<String> problems = new ArrayList<>();
    for (int position = 0; position < names.size(); position++) {
      for (int c = 0; c < columns.size(); c++) {
        if (columns.get(c).matches(names.get(position))) {
          if (index[c] >= 0) {
            problems.add("the header names " + columns.get(c).name() + " twice (columns "
                + (index[c] + 1) + " and " + (position + 1) + ")");
          }
          index[c] = position;
        }
      }
    }
    RowRejected problem = null;
    if (!problems.isEmpty()) {
      problem = new RowRejected(RejectReason.BROKEN_CSV, String.join("; ", problems));
    } else {
      for (int c = 0; c < columns.size(); c++) {
        if (columns.get(c).required() && index[c] < 0) {
          problem = new RowRejected(RejectReason.MISSING_FIELD, "required column " + columns.get(c).name()
              + " (" + columns.get(c).chineseName() + ") is not in the header");
          break;
        }
      }
    }
    return new CsvHeader(columns, index, names.size(), problem);
  }

  /** Number of fields every record must have. */
  public int width() {
    return width;
  }

  /** Why no row of this file can be accepted, or null. */
  public RowRejected problem() {
    return problem;
  }

  int indexOf(Column column) {
    int c = columns.indexOf(column);
    if (c < 0) {
      throw new IllegalArgumentException(column.name() + " is not a column of this source");
    }
    return index[c];
  }
}
