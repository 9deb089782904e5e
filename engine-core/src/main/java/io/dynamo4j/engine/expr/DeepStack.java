package io.dynamo4j.engine.expr;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Runs a computation on a short-lived thread with a large stack and waits for it: how this package
 * parses the rare text whose nesting is too deep for an ordinary thread's stack (see
 * {@link ParseCache#parse}). Exceptions and errors of the computation are rethrown to the caller.
 *
 * <p>Stateless and thread-safe.
 */
final class DeepStack {

  /** Enough for the deepest text within DynamoDB's 4 KB limit, with a wide margin. */
  static final long STACK_BYTES = 64L * 1024 * 1024;

  private DeepStack() {}

  static <T> T call(Supplier<T> computation) {
    AtomicReference<T> result = new AtomicReference<>();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread thread = new Thread(null, () -> {
      try {
        result.set(computation.get());
      } catch (Throwable t) {
        failure.set(t);
      }
    }, "dynamo4j-expression-parser", STACK_BYTES);
    thread.setDaemon(true);
    thread.start();
    boolean interrupted = false;
    while (true) {
      try {
        thread.join();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    Throwable t = failure.get();
    if (t instanceof RuntimeException e) {
      throw e;
    }
    if (t instanceof Error e) {
      throw e;
    }
    return result.get();
  }
}
