package io.dynamo4j;

import io.dynamo4j.api.GlobalSecondaryIndexDescription;
import io.dynamo4j.api.IndexStatus;
import io.dynamo4j.api.TableDescription;
import io.dynamo4j.api.TableStatus;
import io.dynamo4j.error.ResourceNotFoundException;
import java.time.Duration;
import java.time.Instant;
import java.util.StringJoiner;
import java.util.concurrent.CancellationException;

/**
 * The waiters of {@link DynamoClient}: poll {@code DescribeTable} (through the client, so with its
 * retries) every {@link ClientConfig#waitPollInterval()} until the table reaches a state or the
 * timeout passes. The last poll happens at the deadline, so a table that gets there in time is
 * never reported late. Stateless; each call keeps its own state, so thread-safe.
 */
final class TableWaiter {

  private static final String ACTIVE = "ACTIVE (with every global secondary index ACTIVE)";
  private static final String DELETED = "deleted";

  private TableWaiter() {}

  static TableDescription untilActive(DynamoClient client, String tableName, Duration timeout) {
    Deadline deadline = new Deadline(client, tableName, ACTIVE, timeout);
    while (true) {
      String state;
      try {
        TableDescription table = client.describeTable(r -> r.tableName(tableName)).table();
        if (isActive(table)) {
          return table;
        }
        state = describe(table);
      } catch (ResourceNotFoundException e) {
        // As the AWS SDK's tableExists waiter: a table just created may not be visible yet.
        state = "table not found (" + e.getMessage() + ")";
      }
      deadline.pauseOrGiveUp(state);
    }
  }

  static void untilDeleted(DynamoClient client, String tableName, Duration timeout) {
    Deadline deadline = new Deadline(client, tableName, DELETED, timeout);
    while (true) {
      String state;
      try {
        state = describe(client.describeTable(r -> r.tableName(tableName)).table());
      } catch (ResourceNotFoundException e) {
        return;
      }
      deadline.pauseOrGiveUp(state);
    }
  }

  private static boolean isActive(TableDescription table) {
    if (table == null || table.tableStatus() != TableStatus.ACTIVE) {
      return false;
    }
    if (table.globalSecondaryIndexes() != null) {
      for (GlobalSecondaryIndexDescription index : table.globalSecondaryIndexes()) {
        if (index.indexStatus() != IndexStatus.ACTIVE) {
          return false;
        }
      }
    }
    return true;
  }

  /** {@code TableStatus CREATING, index ByCustomer CREATING}: the table's status and every index not ACTIVE. */
  private static String describe(TableDescription table) {
    if (table == null) {
      return "DescribeTable returned no Table";
    }
    StringJoiner state = new StringJoiner(", ");
    state.add("TableStatus " + table.tableStatus());
    if (table.globalSecondaryIndexes() != null) {
      for (GlobalSecondaryIndexDescription index : table.globalSecondaryIndexes()) {
        if (index.indexStatus() != IndexStatus.ACTIVE) {
          state.add("index " + index.indexName() + " " + index.indexStatus());
        }
      }
    }
    return state.toString();
  }

  /** One wait's clock: counts the polls and sleeps until the next one, or gives up. */
  private static final class Deadline {
    private final DynamoClient client;
    private final String tableName;
    private final String awaited;
    private final Duration timeout;
    private final Instant end;
    private int polls;

    Deadline(DynamoClient client, String tableName, String awaited, Duration timeout) {
      this.client = client;
      this.tableName = tableName;
      this.awaited = awaited;
      this.timeout = timeout;
      this.end = client.config().clock().instant().plus(timeout);
    }

    /** After a poll that found {@code state}: sleeps until the next poll, or throws if time is up. */
    void pauseOrGiveUp(String state) {
      polls++;
      Duration left = Duration.between(client.config().clock().instant(), end);
      if (left.isNegative() || left.isZero()) {
        throw new WaitTimeoutException(tableName, awaited, timeout, polls, state);
      }
      Duration interval = client.config().waitPollInterval();
      try {
        client.config().sleeper().sleep(interval.compareTo(left) < 0 ? interval : left);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        CancellationException cancelled = new CancellationException(
            "Interrupted while waiting for table " + tableName + " to become " + awaited + "; last seen: " + state);
        cancelled.initCause(e);
        throw cancelled;
      }
    }
  }
}
