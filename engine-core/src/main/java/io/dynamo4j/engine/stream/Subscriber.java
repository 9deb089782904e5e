package io.dynamo4j.engine.stream;

import io.dynamo4j.api.Record;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * An in-process consumer of a table's stream: the embedded equivalent of a Lambda trigger. Hand it
 * to {@code LocalEngine.subscribe} to start it.
 *
 * <pre>{@code
 * Subscription s = engine.subscribe(Subscriber.builder("Orders", "billing", records -> bill(records))
 *     .startingPosition(Subscriber.StartingPosition.TRIM_HORIZON)
 *     .batchSize(100)
 *     .batchWindow(Duration.ofMillis(50))
 *     .onFailure((records, error) -> deadLetters.add(records))
 *     .build());
 * }</pre>
 *
 * <p>What a subscriber is promised:
 *
 * <ul>
 *   <li>records of one partition key arrive in the order they were written: each shard is read in
 *       order, one batch at a time, and a shard's children only after it was read to its end;
 *   <li>at least once: a consumer's position (its checkpoint, kept per consumer name and stream by
 *       the engine) moves past a batch only once the handler returned, or once the batch was handed
 *       to the failure handler; a consumer that subscribes again under the same name resumes from
 *       its checkpoint (the starting position applies only to a consumer without one);
 *   <li>a handler that throws sees its batch again after a backoff ({@link Builder#retryBackoff},
 *       doubled each time), up to {@link Builder#maxRetries} times; then the batch goes to the
 *       failure handler and the consumer moves on;
 *   <li>batches hold at most {@link Builder#batchSize} records; a smaller batch waits up to
 *       {@link Builder#batchWindow} (measured in real time, not on the engine clock) for more.
 * </ul>
 *
 * <p>Immutable and thread-safe; the handlers are called on the subscription's own thread, one
 * batch at a time.
 */
public final class Subscriber {

  /** Where a consumer without a checkpoint starts. */
  public enum StartingPosition {
    /** At the oldest record the stream still holds. */
    TRIM_HORIZON,
    /** After the newest record: only changes from now on. */
    LATEST
  }

  /** Processes a batch of records. Throwing makes the batch be retried. */
  @FunctionalInterface
  public interface Handler {
    /** Processes {@code records} (never empty, in order per partition key). */
    void handle(List<Record> records) throws Exception;
  }

  /** Receives a batch that failed every retry (the on-failure destination). */
  @FunctionalInterface
  public interface FailureHandler {
    /** {@code records} failed; {@code error} is what the last attempt threw. */
    void failed(List<Record> records, Exception error);
  }

  private final String tableName;
  private final String consumerName;
  private final Handler handler;
  private final StartingPosition startingPosition;
  private final int batchSize;
  private final Duration batchWindow;
  private final int maxRetries;
  private final Duration retryBackoff;
  private final FailureHandler onFailure;

  private Subscriber(Builder b) {
    this.tableName = b.tableName;
    this.consumerName = b.consumerName;
    this.handler = b.handler;
    this.startingPosition = b.startingPosition;
    this.batchSize = b.batchSize;
    this.batchWindow = b.batchWindow;
    this.maxRetries = b.maxRetries;
    this.retryBackoff = b.retryBackoff;
    this.onFailure = b.onFailure;
  }

  /** A builder of a consumer named {@code consumerName} of {@code tableName}'s stream. */
  public static Builder builder(String tableName, String consumerName, Handler handler) {
    return new Builder(tableName, consumerName, handler);
  }

  /** The table whose stream is consumed. */
  public String tableName() {
    return tableName;
  }

  /** The consumer's name: its checkpoint is kept under it. */
  public String consumerName() {
    return consumerName;
  }

  /** The batch handler. */
  public Handler handler() {
    return handler;
  }

  /** Where a consumer without a checkpoint starts. */
  public StartingPosition startingPosition() {
    return startingPosition;
  }

  /** The most records in one batch. */
  public int batchSize() {
    return batchSize;
  }

  /** How long a batch smaller than the batch size waits for more records. */
  public Duration batchWindow() {
    return batchWindow;
  }

  /** How many times a failed batch is retried before it goes to the failure handler. */
  public int maxRetries() {
    return maxRetries;
  }

  /** The wait before the first retry; doubled for each further one. */
  public Duration retryBackoff() {
    return retryBackoff;
  }

  /** Where batches that failed every retry go. */
  public FailureHandler onFailure() {
    return onFailure;
  }

  /** Builds a {@link Subscriber}. Not thread-safe. */
  public static final class Builder {
    private final String tableName;
    private final String consumerName;
    private final Handler handler;
    private StartingPosition startingPosition = StartingPosition.TRIM_HORIZON;
    private int batchSize = 100;
    private Duration batchWindow = Duration.ZERO;
    private int maxRetries = 2;
    private Duration retryBackoff = Duration.ofMillis(100);
    private FailureHandler onFailure = (records, error) -> {};

    private Builder(String tableName, String consumerName, Handler handler) {
      this.tableName = Objects.requireNonNull(tableName, "tableName");
      this.consumerName = Objects.requireNonNull(consumerName, "consumerName");
      this.handler = Objects.requireNonNull(handler, "handler");
      if (consumerName.isEmpty()) {
        throw new IllegalArgumentException("Subscriber.builder: the consumer name must not be empty; "
            + "it names the checkpoint the consumer resumes from");
      }
    }

    /** Where a consumer without a checkpoint starts; default TRIM_HORIZON. */
    public Builder startingPosition(StartingPosition position) {
      this.startingPosition = Objects.requireNonNull(position, "startingPosition");
      return this;
    }

    /** The most records in one batch, 1 to 10,000; default 100. */
    public Builder batchSize(int size) {
      if (size < 1 || size > 10_000) {
        throw new IllegalArgumentException("Subscriber.batchSize must be between 1 and 10000: " + size);
      }
      this.batchSize = size;
      return this;
    }

    /** How long a batch smaller than the batch size waits for more records; default zero (deliver at once). */
    public Builder batchWindow(Duration window) {
      if (window.isNegative()) {
        throw new IllegalArgumentException("Subscriber.batchWindow must not be negative: " + window);
      }
      this.batchWindow = window;
      return this;
    }

    /** How many times a failed batch is retried; default 2. */
    public Builder maxRetries(int retries) {
      if (retries < 0) {
        throw new IllegalArgumentException("Subscriber.maxRetries must not be negative: " + retries);
      }
      this.maxRetries = retries;
      return this;
    }

    /** The wait before the first retry, doubled for each further one; default 100 ms. */
    public Builder retryBackoff(Duration backoff) {
      if (backoff.isNegative()) {
        throw new IllegalArgumentException("Subscriber.retryBackoff must not be negative: " + backoff);
      }
      this.retryBackoff = backoff;
      return this;
    }

    /** Where batches that failed every retry go; default: dropped. */
    public Builder onFailure(FailureHandler handler) {
      this.onFailure = Objects.requireNonNull(handler, "onFailure");
      return this;
    }

    /** The subscriber. */
    public Subscriber build() {
      return new Subscriber(this);
    }
  }
}
