package io.cloudshift.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Runs independent tasks on a fixed number of threads and hands their results to the caller's
 * thread in submission order, so whatever the results are merged into is built in one fixed order
 * however the threads interleave. At most {@code threads} tasks run at once, which bounds the
 * memory of tasks that hold a whole file. The first failure stops the rest and is rethrown as it
 * was.
 */
final class InOrderExecutor {
  private final int threads;

  InOrderExecutor(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1 (got " + threads + ")");
    }
    this.threads = threads;
  }

  <T> void run(List<Callable<T>> tasks, Consumer<T> inOrder) {
    ExecutorService pool =
        Executors.newFixedThreadPool(
            threads,
            task -> {
              Thread thread = new Thread(task, "cloudshift-generate");
              thread.setDaemon(true);
              return thread;
            });
    try {
      List<Future<T>> results = new ArrayList<>(tasks.size());
      for (Callable<T> task : tasks) {
        results.add(pool.submit(task));
      }
      for (Future<T> result : results) {
        inOrder.accept(result.get());
      }
    } catch (ExecutionException e) {
      throw rethrown(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while generating", e);
    } finally {
      pool.shutdownNow();
    }
  }

  private static RuntimeException rethrown(Throwable cause) {
    if (cause instanceof RuntimeException runtime) {
      return runtime;
    }
    if (cause instanceof Error error) {
      throw error;
    }
    return new IllegalStateException(cause.getMessage(), cause);
  }
}
