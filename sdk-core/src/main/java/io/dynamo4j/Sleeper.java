package io.dynamo4j;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * How {@link DynamoClient} waits: between retry attempts, between rounds of a batch helper, and
 * between polls of a waiter. The default, {@link #system()}, blocks the calling thread; tests
 * plug in a sleeper that records the durations and returns at once (and, usually, advances a fake
 * {@link ClientConfig#clock() clock}).
 *
 * <p>Implementations must be thread-safe when the client is shared between threads.
 */
@FunctionalInterface
public interface Sleeper {

  /**
   * Waits for {@code duration} (never negative; may be zero).
   *
   * @throws InterruptedException if the thread is interrupted while waiting; the client then
   *     stops what it was doing and reports it (see {@link DynamoClient})
   */
  void sleep(Duration duration) throws InterruptedException;

  /** The sleeper that blocks the calling thread for the duration, to the nanosecond as far as the JVM can. */
  static Sleeper system() {
    return duration -> TimeUnit.NANOSECONDS.sleep(duration.toNanos());
  }
}
