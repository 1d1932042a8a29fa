package io.qunbao.ingest;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.parquet.hadoop.ParquetWriter;

/**
 * Writes rows into a Parquet file on a second thread, so that parsing and Parquet encoding each get a
 * core (they cost about the same per row). The file is opened on that thread too: opening a Parquet
 * writer takes about 50 ms in a fresh process, a tenth of a small day's chat step, and parsing need not
 * wait for it. Rows travel in batches through a short queue: memory stays a few MB whatever the file
 * size. A failure of the writing thread, opening included, surfaces on the next write or at close.
 */
final class BackgroundWriter<T> implements AutoCloseable {
  private static final int BATCH_ROWS = 4096;
  private static final int BATCHES_IN_FLIGHT = 4;
  private static final long POLL_MILLIS = 100;

  /** Opens the Parquet file; called once, on the writing thread. */
  interface Opener<T> {
    ParquetWriter<T> open() throws IOException;
  }

  private final Opener<T> opener;
  private final BlockingQueue<List<T>> queue = new ArrayBlockingQueue<>(BATCHES_IN_FLIGHT);
  /** The end-of-rows marker (compared by identity). */
  private final List<T> end = new ArrayList<>(0);
  private final Thread thread;
  private volatile Throwable failure;
  private List<T> batch = new ArrayList<>(BATCH_ROWS);

  BackgroundWriter(Opener<T> opener, String name) {
    this.opener = opener;
    this.thread = new Thread(this::drain, name);
    thread.setDaemon(true);
    thread.start();
  }

  void write(T row) throws IOException {
    batch.add(row);
    if (batch.size() == BATCH_ROWS) {
      hand(batch);
      batch = new ArrayList<>(BATCH_ROWS);
    }
  }

  /** Writes what is left, closes the Parquet file and waits for it. */
  @Override
  public void close() throws IOException {
    if (!batch.isEmpty()) {
      hand(batch);
    }
    hand(end);
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while closing " + thread.getName());
    }
    rethrowFailure();
  }

  private void hand(List<T> rows) throws IOException {
    try {
      while (!queue.offer(rows, POLL_MILLIS, TimeUnit.MILLISECONDS)) {
        rethrowFailure();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while writing on " + thread.getName());
    }
    rethrowFailure();
  }

  private void rethrowFailure() throws IOException {
    Throwable t = failure;
    if (t instanceof IOException io) {
      throw io;
    }
    if (t != null) {
      throw new IOException("writing Parquet on " + thread.getName() + " failed", t);
    }
  }

  private void drain() {
    try (ParquetWriter<T> writer = opener.open()) {
      for (List<T> rows = queue.take(); rows != end; rows = queue.take()) {
        for (T row : rows) {
          writer.write(row);
        }
      }
    } catch (Throwable t) {
      failure = t;
    }
  }
}
