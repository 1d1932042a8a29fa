package io.qunbao.generator;

import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs writing tasks on one background thread, in the order they were handed over, so that encoding
 * and compressing chat rows overlaps with simulating the next ones (on two cores, the run takes about
 * the time of the slower half) while the files stay exactly as a single thread would write them. At most
 * {@link #MAX_BACKLOG} tasks wait, which bounds the memory of rows not yet written.
 */
final class BackgroundWriter implements AutoCloseable {
  static final int MAX_BACKLOG = 8;

  private final ExecutorService thread = Executors.newSingleThreadExecutor(task -> {
    Thread t = new Thread(task, "generator-writer");
    t.setDaemon(true);
    return t;
  });
  private final Deque<Future<?>> pending = new ArrayDeque<>();

  /** Queues {@code task} after the ones before it; waits while the backlog is full. */
  void submit(Runnable task) {
    while (pending.size() >= MAX_BACKLOG) {
      await(pending.removeFirst());
    }
    pending.addLast(thread.submit(task));
  }

  /** Waits until every task handed over so far has run; rethrows the first failure. */
  void drain() {
    while (!pending.isEmpty()) {
      await(pending.removeFirst());
    }
  }

  private static void await(Future<?> task) {
    try {
      task.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while writing the inbox", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof UncheckedIOException io) {
        throw io;
      }
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  @Override
  public void close() {
    try {
      drain();
    } finally {
      thread.shutdownNow();
    }
  }
}
