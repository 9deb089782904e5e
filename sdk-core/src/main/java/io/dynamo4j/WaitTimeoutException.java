package io.dynamo4j;

import java.time.Duration;

/**
 * Thrown by {@link DynamoClient}'s waiters when the table has not reached the awaited state
 * within the timeout. The message names the table, the state awaited, the state last seen, and
 * how long and how often the waiter polled.
 *
 * <p>This is the client giving up, not an error of DynamoDB's, so it is not a
 * {@link io.dynamo4j.error.DynamoException}.
 *
 * <p>Immutable; safe to share between threads.
 */
public final class WaitTimeoutException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String tableName;
  private final Duration timeout;
  private final int polls;
  private final String lastState;

  WaitTimeoutException(String tableName, String awaited, Duration timeout, int polls, String lastState) {
    super("Table " + tableName + " did not become " + awaited + " within " + timeout + " (" + polls
        + " DescribeTable call" + (polls == 1 ? "" : "s") + "); last seen: " + lastState
        + ". Wait longer with a larger timeout or ClientConfig.waitTimeout");
    this.tableName = tableName;
    this.timeout = timeout;
    this.polls = polls;
    this.lastState = lastState;
  }

  /** The table waited for. */
  public String tableName() {
    return tableName;
  }

  /** How long the waiter polled. */
  public Duration timeout() {
    return timeout;
  }

  /** How many times the waiter called {@code DescribeTable}. */
  public int polls() {
    return polls;
  }

  /** The table's state at the last poll, e.g. {@code "TableStatus CREATING, index ByCustomer CREATING"}. */
  public String lastState() {
    return lastState;
  }
}
