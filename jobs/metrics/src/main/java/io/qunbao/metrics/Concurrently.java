package io.qunbao.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Runs independent Spark actions of a run (a table's computation, a table's write) from a few driver
 * threads at once. Each action of a small run spends most of its time in the driver (planning,
 * generating code, scheduling tasks), one thread at a time, while the cores idle: two at once keep
 * them busy. Spark runs concurrent jobs of one session safely; each thread names its own jobs.
 */
final class Concurrently {
  private Concurrently() {}

  /** Applies {@code action} to every item, {@code threads} at a time; rethrows the first failure once all ended. */
  static <T> void forEach(List<T> items, int threads, Consumer<T> action) {
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, items.size())));
    try {
      List<Future<?>> running = new ArrayList<>();
      items.forEach(item -> running.add(pool.submit(() -> action.accept(item))));
      RuntimeException failure = null;
      for (Future<?> future : running) {
        try {
          future.get();
        } catch (ExecutionException e) {
          if (failure == null) {
            failure = e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while waiting for the run's Spark actions", e);
        }
      }
      if (failure != null) {
        throw failure;
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
