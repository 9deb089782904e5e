package io.dynamo4j.engine.stream;

/**
 * A running {@link Subscriber}: records flow to its handler on a thread of its own until it is
 * closed, the engine closes, or its stream was disabled and read to its end.
 *
 * <p>Thread-safe.
 */
public interface Subscription extends AutoCloseable {

  /** The table whose stream is consumed. */
  String tableName();

  /** The consumer's name. */
  String consumerName();

  /** The ARN of the stream consumed. */
  String streamArn();

  /** Whether records still flow to the handler. */
  boolean isRunning();

  /**
   * Stops: no batch is handed to the handler afterwards; waits for a batch in progress to finish
   * (its checkpoint moves only if it completed). Idempotent.
   */
  @Override
  void close();
}
