package io.dynamo4j.engine.capacity;

/**
 * A token bucket measured on the engine's clock: it gains {@code rate} tokens a second, holds at
 * most {@code capacity}, and refills lazily when it is looked at (no thread, no timer).
 *
 * <p>DynamoDB admits a request while its bucket holds any capacity at all and then debits what the
 * request consumed, so a large item can take a bucket below zero; the next requests wait until the
 * refill brings it above zero again. {@link #available} and {@link #consume} do exactly that.
 *
 * <p>Thread-safe: every method is atomic.
 */
public final class TokenBucket {

  private static final double NANOS_PER_SECOND = 1e9;

  private double rate;
  private double capacity;
  private double tokens;
  private long last;

  /**
   * A bucket gaining {@code rate} tokens a second up to {@code capacity}, full at {@code nowNanos}
   * (nanoseconds on the engine's clock).
   */
  public TokenBucket(double rate, double capacity, long nowNanos) {
    this.rate = rate;
    this.capacity = capacity;
    this.tokens = capacity;
    this.last = nowNanos;
  }

  /** Whether the bucket holds any capacity at {@code nowNanos}, so a request may start. */
  public synchronized boolean available(long nowNanos) {
    refill(nowNanos);
    return tokens > 0;
  }

  /** Takes {@code units} (the bucket may go below zero). */
  public synchronized void consume(double units, long nowNanos) {
    refill(nowNanos);
    tokens -= units;
  }

  /**
   * Changes the rate and capacity (UpdateTable): tokens gathered so far are kept up to the new
   * capacity.
   */
  public synchronized void configure(double newRate, double newCapacity, long nowNanos) {
    refill(nowNanos);
    rate = newRate;
    capacity = newCapacity;
    tokens = Math.min(tokens, capacity);
  }

  /** The tokens at {@code nowNanos} (for tests and diagnostics). */
  public synchronized double tokens(long nowNanos) {
    refill(nowNanos);
    return tokens;
  }

  /** The tokens gained a second. */
  public synchronized double rate() {
    return rate;
  }

  private void refill(long now) {
    // A clock set backwards refills nothing until it passes the last refill again.
    if (now > last) {
      tokens = Math.min(capacity, tokens + rate * ((now - last) / NANOS_PER_SECOND));
      last = now;
    }
  }
}
