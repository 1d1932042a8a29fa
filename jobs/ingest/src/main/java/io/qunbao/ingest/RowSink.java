package io.qunbao.ingest;

import io.qunbao.ingest.parse.RowRejected;

/** Where a source reader puts each row of a file: accepted, or rejected with its line and raw record. */
public interface RowSink<T> {
  void accept(T row);

  void reject(long line, RowRejected why, RawRecord raw);

  /** No row of the file can be accepted (e.g. its header lacks a required column): the gate fails on it. */
  void fileProblem(RowRejected problem);
}
