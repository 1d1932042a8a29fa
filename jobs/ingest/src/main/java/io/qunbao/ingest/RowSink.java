package io.qunbao.ingest;

import io.qunbao.ingest.parse.RowRejected;

/** Where a source reader puts each row of a file: accepted, or rejected with its line and raw text. */
public interface RowSink<T> {
  void accept(T row);

  void reject(long line, RowRejected why, String rawText);
}
