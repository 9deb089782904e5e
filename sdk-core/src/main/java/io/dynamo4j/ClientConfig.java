package io.dynamo4j;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

/**
 * How a {@link DynamoClient} behaves: its {@link RetryPolicy}, the polling of its waiters, and
 * the time, sleep and randomness it uses, which tests replace so that nothing really sleeps and
 * every delay is predictable.
 *
 * <pre>{@code
 * ClientConfig config = ClientConfig.builder()
 *     .retryPolicy(RetryPolicy.builder().maxAttempts(4).build())
 *     .waitTimeout(Duration.ofMinutes(2))
 *     .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe, provided the sleeper, random generator and clock it holds are.
 */
public final class ClientConfig {

  /**
   * The default random generator: {@link ThreadLocalRandom} of the calling thread, so a shared
   * client never contends on one generator.
   */
  private static final RandomGenerator THREAD_LOCAL_RANDOM = () -> ThreadLocalRandom.current().nextLong();

  /**
   * The default clock: {@link System#nanoTime()}, which never jumps, as an instant. Only
   * differences between its readings mean anything.
   */
  private static final InstantSource MONOTONIC = () -> Instant.EPOCH.plusNanos(System.nanoTime());

  private static final ClientConfig DEFAULTS = builder().build();

  private final RetryPolicy retryPolicy;
  private final Duration waitPollInterval;
  private final Duration waitTimeout;
  private final Sleeper sleeper;
  private final RandomGenerator random;
  private final InstantSource clock;

  private ClientConfig(Builder b) {
    this.retryPolicy = b.retryPolicy;
    this.waitPollInterval = b.waitPollInterval;
    this.waitTimeout = b.waitTimeout;
    this.sleeper = b.sleeper;
    this.random = b.random;
    this.clock = b.clock;
  }

  /** The defaults: {@link RetryPolicy#defaults()}, waiters polling every 250 ms for up to 10 minutes, real time. */
  public static ClientConfig defaults() {
    return DEFAULTS;
  }

  /** A builder that starts from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder that starts from this configuration. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** When calls are retried and how long the client waits between attempts. */
  public RetryPolicy retryPolicy() {
    return retryPolicy;
  }

  /** How long a waiter waits between two {@code DescribeTable} calls. */
  public Duration waitPollInterval() {
    return waitPollInterval;
  }

  /** How long a waiter polls, unless the call names its own timeout. */
  public Duration waitTimeout() {
    return waitTimeout;
  }

  /** How the client waits: between attempts, batch rounds and polls. */
  public Sleeper sleeper() {
    return sleeper;
  }

  /** Where the jitter of each backoff delay comes from. */
  public RandomGenerator random() {
    return random;
  }

  /** The clock waiters measure their timeout with; only differences between its readings matter. */
  public InstantSource clock() {
    return clock;
  }

  @Override
  public String toString() {
    return "ClientConfig{retryPolicy=" + retryPolicy + ", waitPollInterval=" + waitPollInterval
        + ", waitTimeout=" + waitTimeout + "}";
  }

  /** Builds a {@link ClientConfig}; starts from the defaults. Not thread-safe. */
  public static final class Builder {
    private RetryPolicy retryPolicy = RetryPolicy.defaults();
    private Duration waitPollInterval = Duration.ofMillis(250);
    private Duration waitTimeout = Duration.ofMinutes(10);
    private Sleeper sleeper = Sleeper.system();
    private RandomGenerator random = THREAD_LOCAL_RANDOM;
    private InstantSource clock = MONOTONIC;

    private Builder() {}

    private Builder(ClientConfig source) {
      this.retryPolicy = source.retryPolicy;
      this.waitPollInterval = source.waitPollInterval;
      this.waitTimeout = source.waitTimeout;
      this.sleeper = source.sleeper;
      this.random = source.random;
      this.clock = source.clock;
    }

    /** When calls are retried (default {@link RetryPolicy#defaults()}; {@link RetryPolicy#none()} turns retries off). */
    public Builder retryPolicy(RetryPolicy retryPolicy) {
      this.retryPolicy = Objects.requireNonNull(retryPolicy, "ClientConfig retryPolicy must not be null");
      return this;
    }

    /** Sets the retry policy to what {@code retryPolicy} builds, starting from the defaults. */
    public Builder retryPolicy(Consumer<RetryPolicy.Builder> retryPolicy) {
      RetryPolicy.Builder b = RetryPolicy.builder();
      retryPolicy.accept(b);
      return retryPolicy(b.build());
    }

    /**
     * How long a waiter waits between two polls (default 250 ms, positive). The AWS SDK's
     * waiters poll every 20 s, which suits a remote service; an embedded engine changes a table's
     * status in milliseconds, and a quarter second keeps tests quick without flooding a remote
     * endpoint.
     */
    public Builder waitPollInterval(Duration waitPollInterval) {
      Objects.requireNonNull(waitPollInterval, "ClientConfig waitPollInterval must not be null");
      if (waitPollInterval.isZero() || waitPollInterval.isNegative()) {
        throw new IllegalArgumentException("ClientConfig waitPollInterval must be positive, but was " + waitPollInterval);
      }
      this.waitPollInterval = waitPollInterval;
      return this;
    }

    /**
     * How long a waiter polls before it gives up (default 10 minutes, zero or more; zero polls
     * once). The AWS SDK's table waiters give up after 25 polls 20 s apart, a little over 8
     * minutes; creating a global secondary index on a large table can take longer.
     */
    public Builder waitTimeout(Duration waitTimeout) {
      this.waitTimeout = DynamoClient.checkTimeout(waitTimeout, "ClientConfig waitTimeout");
      return this;
    }

    /** How the client waits (default {@link Sleeper#system()}). */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "ClientConfig sleeper must not be null");
      return this;
    }

    /**
     * Where the jitter comes from (default: the calling thread's {@link ThreadLocalRandom}). A
     * generator shared by several threads must be thread-safe ({@link java.util.Random} is;
     * {@code SplittableRandom} is not).
     */
    public Builder random(RandomGenerator random) {
      this.random = Objects.requireNonNull(random, "ClientConfig random must not be null");
      return this;
    }

    /** The clock waiters measure their timeout with (default: {@link System#nanoTime()}, which never jumps). */
    public Builder clock(InstantSource clock) {
      this.clock = Objects.requireNonNull(clock, "ClientConfig clock must not be null");
      return this;
    }

    /** The configuration. */
    public ClientConfig build() {
      return new ClientConfig(this);
    }
  }
}
