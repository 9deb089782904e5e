package io.dynamo4j.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A clock that stands still until a test sets or advances it. Give it to an engine through
 * {@link EngineConfig.Builder#clock} to move time deterministically (TTL, stream retention,
 * capacity refill, status changes).
 *
 * <p>An engine on a test clock does its background work (TTL sweeps, stream trimming, shard
 * roll-over) when the clock moves: {@link #set} and {@link #advance} tell every {@linkplain
 * #addListener listener} after the move, on the calling thread, so that when they return the work
 * that was due is done.
 *
 * <p>Thread-safe: reads and moves are atomic; listeners are called outside the clock's lock.
 */
public final class TestClock extends Clock {

  /** Hears a {@link TestClock} move. */
  @FunctionalInterface
  public interface Listener {
    /** The clock moved to {@code now}. Runs on the thread that moved it. */
    void moved(Instant now);
  }

  private volatile Instant now;
  private final CopyOnWriteArrayList<Listener> listeners = new CopyOnWriteArrayList<>();

  /** A clock at {@code start}. */
  public TestClock(Instant start) {
    this.now = start;
  }

  /** A clock at 2026-01-01T00:00:00Z. */
  public TestClock() {
    this(Instant.parse("2026-01-01T00:00:00Z"));
  }

  /** Moves the clock to {@code instant} (forwards or backwards), then tells the listeners. */
  public void set(Instant instant) {
    Instant moved;
    synchronized (this) {
      this.now = instant;
      moved = instant;
    }
    tell(moved);
  }

  /** Moves the clock forward by {@code duration}, then tells the listeners. */
  public void advance(Duration duration) {
    if (duration.isNegative()) {
      throw new IllegalArgumentException("TestClock.advance: duration must not be negative: " + duration);
    }
    Instant moved;
    synchronized (this) {
      this.now = now.plus(duration);
      moved = now;
    }
    tell(moved);
  }

  /** Adds a listener of moves (an engine's scheduler adds one). */
  public void addListener(Listener listener) {
    listeners.add(listener);
  }

  /** Removes a listener added with {@link #addListener}. */
  public void removeListener(Listener listener) {
    listeners.remove(listener);
  }

  private void tell(Instant moved) {
    for (Listener l : listeners) {
      l.moved(moved);
    }
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
