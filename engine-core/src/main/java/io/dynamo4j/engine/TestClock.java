package io.dynamo4j.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock that stands still until a test sets or advances it. Give it to an engine through
 * {@link EngineConfig.Builder#clock} to move time deterministically (TTL, stream retention,
 * capacity refill, status changes).
 *
 * <p>Thread-safe: reads and moves are atomic.
 */
public final class TestClock extends Clock {

  private volatile Instant now;

  /** A clock at {@code start}. */
  public TestClock(Instant start) {
    this.now = start;
  }

  /** A clock at 2026-01-01T00:00:00Z. */
  public TestClock() {
    this(Instant.parse("2026-01-01T00:00:00Z"));
  }

  /** Moves the clock to {@code instant} (forwards or backwards). */
  public synchronized void set(Instant instant) {
    this.now = instant;
  }

  /** Moves the clock forward by {@code duration}. */
  public synchronized void advance(Duration duration) {
    if (duration.isNegative()) {
      throw new IllegalArgumentException("TestClock.advance: duration must not be negative: " + duration);
    }
    this.now = now.plus(duration);
  }

  @Override
  public Instant instant() {
    return now;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }
}
