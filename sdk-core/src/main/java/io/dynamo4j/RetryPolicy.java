package io.dynamo4j;

import io.dynamo4j.api.Operation;
import io.dynamo4j.error.DynamoException;
import java.time.Duration;
import java.util.Objects;
import java.util.function.BiPredicate;
import java.util.function.Predicate;

/**
 * When {@link DynamoClient} calls an operation again after an error, and how long it waits first.
 *
 * <p>A call is made at most {@link #maxAttempts()} times. After a failed attempt whose error the
 * policy {@linkplain #shouldRetry retries}, the client waits a random duration drawn uniformly
 * from {@code [0, min(maxDelay, baseDelay × 2^(r-1))]} before retry {@code r} (r = 1 for the
 * first retry): exponential backoff with <em>full jitter</em>, which spreads competing clients
 * out best (see the AWS Architecture Blog, "Exponential Backoff And Jitter"). With the defaults
 * the ceilings are 25, 50, 100, ... 3,200 ms: at most about 6.4 s of sleep in all. When the
 * attempts run out, the client throws the exception of the last attempt itself.
 *
 * <h2>Defaults</h2>
 *
 * {@link #defaults()} follows the AWS SDK for Java v2's DynamoDB client: 9 attempts (8 retries;
 * DynamoDB's SDKs retry more than other services' because throttling is part of normal
 * operation), a 25 ms base delay (a quarter of the SDK's 100 ms general default, because
 * DynamoDB calls are short), a 20 s ceiling (the SDK's {@code MAX_BACKOFF}) and full jitter. The
 * errors retried are those whose {@link DynamoException#isRetryable()} is true:
 * {@code ProvisionedThroughputExceededException}, {@code ThrottlingException},
 * {@code RequestLimitExceeded}, {@code TransactionConflictException}, {@code InternalServerError},
 * {@code ServiceUnavailableException} and {@code ReplicatedWriteConflictException}. One
 * deviation: the SDK's legacy mode backs off throttling errors from a separate 500 ms base; we use
 * one curve for every retryable error, since an embedded engine throttles deterministically and a
 * caller who wants a slower start raises {@link Builder#baseDelay}. Exceptions that are not
 * {@link DynamoException}s (a bug in an engine, say) are never retried.
 *
 * <p>Immutable and thread-safe, provided the retry condition is.
 */
public final class RetryPolicy {

  /** The longest {@link #maxDelay()} accepted; longer waits are a configuration mistake. */
  static final Duration LONGEST_DELAY = Duration.ofHours(1);

  private static final BiPredicate<Operation, DynamoException> RETRYABLE = (op, e) -> e.isRetryable();

  private static final RetryPolicy DEFAULTS = builder().build();
  private static final RetryPolicy NONE = builder().maxAttempts(1).build();

  private final int maxAttempts;
  private final Duration baseDelay;
  private final Duration maxDelay;
  private final BiPredicate<? super Operation, ? super DynamoException> condition;

  private RetryPolicy(Builder b) {
    this.maxAttempts = b.maxAttempts;
    this.baseDelay = b.baseDelay;
    this.maxDelay = b.maxDelay;
    this.condition = b.condition;
  }

  /** DynamoDB's SDK defaults: 9 attempts, 25 ms base delay, 20 s maximum delay, retryable errors only. */
  public static RetryPolicy defaults() {
    return DEFAULTS;
  }

  /** No retries: every call is made once, and its error, if any, is thrown at once. */
  public static RetryPolicy none() {
    return NONE;
  }

  /** A builder that starts from {@link #defaults()}. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder that starts from this policy. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** How many times a call is made at most, the first included; 1 means no retries. */
  public int maxAttempts() {
    return maxAttempts;
  }

  /** The ceiling of the first retry's random delay; each further retry doubles it. */
  public Duration baseDelay() {
    return baseDelay;
  }

  /** The largest ceiling: no wait between attempts is ever longer. */
  public Duration maxDelay() {
    return maxDelay;
  }

  /**
   * Whether an attempt of {@code operation} that failed with {@code error} may be retried (if
   * attempts remain).
   */
  public boolean shouldRetry(Operation operation, DynamoException error) {
    return condition.test(operation, error);
  }

  /**
   * The ceiling of the random delay before retry {@code retry} (1 for the first), in nanoseconds:
   * {@code min(maxDelay, baseDelay × 2^(retry-1))}, without overflow.
   */
  long delayCeilingNanos(int retry) {
    long base = baseDelay.toNanos();
    long max = maxDelay.toNanos();
    int doublings = retry - 1;
    if (base == 0) {
      return 0;
    }
    if (doublings >= 63 || base > (max >> Math.min(doublings, 62))) {
      return max;
    }
    return Math.min(max, base << doublings);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RetryPolicy p
        && maxAttempts == p.maxAttempts
        && baseDelay.equals(p.baseDelay)
        && maxDelay.equals(p.maxDelay)
        && condition.equals(p.condition);
  }

  @Override
  public int hashCode() {
    return Objects.hash(maxAttempts, baseDelay, maxDelay, condition);
  }

  @Override
  public String toString() {
    return "RetryPolicy{maxAttempts=" + maxAttempts + ", baseDelay=" + baseDelay + ", maxDelay=" + maxDelay
        + (condition == RETRYABLE ? ", retrying DynamoException.isRetryable()" : ", custom condition") + "}";
  }

  /** Builds a {@link RetryPolicy}; starts from the defaults. Not thread-safe. */
  public static final class Builder {
    private int maxAttempts = 9;
    private Duration baseDelay = Duration.ofMillis(25);
    private Duration maxDelay = Duration.ofSeconds(20);
    private BiPredicate<? super Operation, ? super DynamoException> condition = RETRYABLE;

    private Builder() {}

    private Builder(RetryPolicy source) {
      this.maxAttempts = source.maxAttempts;
      this.baseDelay = source.baseDelay;
      this.maxDelay = source.maxDelay;
      this.condition = source.condition;
    }

    /**
     * How many times a call is made at most, the first included (default 9). 1 turns retries
     * off, like {@link RetryPolicy#none()}.
     */
    public Builder maxAttempts(int maxAttempts) {
      if (maxAttempts < 1) {
        throw new IllegalArgumentException(
            "RetryPolicy maxAttempts must be at least 1 (1 means no retries), but was " + maxAttempts);
      }
      this.maxAttempts = maxAttempts;
      return this;
    }

    /** The ceiling of the first retry's random delay (default 25 ms); zero or more. */
    public Builder baseDelay(Duration baseDelay) {
      this.baseDelay = checkDelay(baseDelay, "baseDelay");
      return this;
    }

    /** The largest wait between two attempts (default 20 s); zero or more, at most one hour. */
    public Builder maxDelay(Duration maxDelay) {
      this.maxDelay = checkDelay(maxDelay, "maxDelay");
      return this;
    }

    /**
     * Retries the errors {@code condition} accepts, whatever the operation. The default is
     * {@link DynamoException#isRetryable()}; for example, to retry throttling only:
     * {@code retryOn(e -> e instanceof ProvisionedThroughputExceededException)}.
     */
    public Builder retryOn(Predicate<? super DynamoException> condition) {
      Objects.requireNonNull(condition, "RetryPolicy retryOn condition must not be null");
      this.condition = (op, e) -> condition.test(e);
      return this;
    }

    /**
     * Retries the (operation, error) pairs {@code condition} accepts; for example, to never
     * retry UpdateItem: {@code retryIf((op, e) -> op != Operation.UPDATE_ITEM && e.isRetryable())}.
     */
    public Builder retryIf(BiPredicate<? super Operation, ? super DynamoException> condition) {
      this.condition = Objects.requireNonNull(condition, "RetryPolicy retryIf condition must not be null");
      return this;
    }

    /**
     * The policy.
     *
     * @throws IllegalArgumentException if {@code baseDelay} is longer than {@code maxDelay}
     */
    public RetryPolicy build() {
      if (baseDelay.compareTo(maxDelay) > 0) {
        throw new IllegalArgumentException("RetryPolicy baseDelay (" + baseDelay + ") must not be longer than maxDelay ("
            + maxDelay + "); raise maxDelay or lower baseDelay");
      }
      return new RetryPolicy(this);
    }

    private static Duration checkDelay(Duration delay, String name) {
      Objects.requireNonNull(delay, () -> "RetryPolicy " + name + " must not be null");
      if (delay.isNegative() || delay.compareTo(LONGEST_DELAY) > 0) {
        throw new IllegalArgumentException(
            "RetryPolicy " + name + " must be between zero and " + LONGEST_DELAY + ", but was " + delay);
      }
      return delay;
    }
  }
}
