package io.qunbao.generator;

import java.util.ArrayList;
import java.util.List;

/** The running counts of one export while it is written. */
final class ExportTally {
  long rows;
  long badRows;
  long repeatedRows;
  long lateRows;
  final List<String> files = new ArrayList<>();

  ExportCounts freeze() {
    return new ExportCounts(rows, badRows, repeatedRows, lateRows, files);
  }
}
