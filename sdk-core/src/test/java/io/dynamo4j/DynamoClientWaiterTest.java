package io.dynamo4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.dynamo4j.api.DescribeTableRequest;
import io.dynamo4j.api.DescribeTableResponse;
import io.dynamo4j.api.GlobalSecondaryIndexDescription;
import io.dynamo4j.api.IndexStatus;
import io.dynamo4j.api.Operation;
import io.dynamo4j.api.TableDescription;
import io.dynamo4j.api.TableStatus;
import io.dynamo4j.error.DynamoException;
import io.dynamo4j.error.ResourceNotFoundException;
import io.dynamo4j.error.ThrottlingException;
import io.dynamo4j.error.ValidationException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class DynamoClientWaiterTest {

  private static final String TABLE = "client_waits";
  private static final String NOT_FOUND = "Requested resource not found: Table: client_waits not found";

  private final FakeEngine engine = new FakeEngine();
  private final FakeTime time = new FakeTime();
  private final DynamoClient client = DynamoClient.builder()
      .engine(engine)
      .config(c -> c.sleeper(time).clock(time).random(new Random(3))
          .waitPollInterval(Duration.ofSeconds(1))
          .waitTimeout(Duration.ofSeconds(10)))
      .build();

  private static Supplier<DescribeTableResponse> table(TableStatus status, IndexStatus... indexes) {
    TableDescription.Builder t = TableDescription.builder().tableName(TABLE).tableStatus(status);
    if (indexes.length > 0) {
      List<GlobalSecondaryIndexDescription> gsis = new java.util.ArrayList<>();
      for (int i = 0; i < indexes.length; i++) {
        gsis.add(GlobalSecondaryIndexDescription.builder().indexName("gsi" + i).indexStatus(indexes[i]).build());
      }
      t.globalSecondaryIndexes(gsis);
    }
    DescribeTableResponse response = DescribeTableResponse.builder().table(t.build()).build();
    return () -> response;
  }

  private static Supplier<DescribeTableResponse> error(Supplier<DynamoException> error) {
    return () -> {
      throw error.get();
    };
  }

  private static Supplier<DescribeTableResponse> notFound() {
    return error(() -> new ResourceNotFoundException(NOT_FOUND));
  }

  /** DescribeTable answers with each state in turn, then keeps answering with the last. */
  @SafeVarargs
  private void states(Supplier<DescribeTableResponse>... states) {
    Deque<Supplier<DescribeTableResponse>> queue = new ArrayDeque<>();
    for (Supplier<DescribeTableResponse> state : states) {
      queue.add(state);
    }
    engine.on(Operation.DESCRIBE_TABLE, (DescribeTableRequest r) -> {
      assertThat(r.tableName()).isEqualTo(TABLE);
      return (queue.size() > 1 ? queue.removeFirst() : queue.getFirst()).get();
    });
  }

  @Test
  void waitUntilTableActive_creatingThenActive_pollsUntilActiveAndReturnsTheDescription() {
    states(table(TableStatus.CREATING), table(TableStatus.CREATING), table(TableStatus.ACTIVE));

    TableDescription table = client.waitUntilTableActive(TABLE);

    assertThat(table.tableStatus()).isEqualTo(TableStatus.ACTIVE);
    assertThat(engine.calls).hasSize(3);
    assertThat(time.sleeps).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1));
  }

  @Test
  void waitUntilTableActive_alreadyActive_oneCallNoSleep() {
    states(table(TableStatus.ACTIVE, IndexStatus.ACTIVE));

    client.waitUntilTableActive(TABLE);

    assertThat(engine.calls).hasSize(1);
    assertThat(time.sleeps).isEmpty();
  }

  @Test
  void waitUntilTableActive_tableActiveButAnIndexCreating_waitsForTheIndex() {
    states(
        table(TableStatus.UPDATING, IndexStatus.ACTIVE, IndexStatus.CREATING),
        table(TableStatus.ACTIVE, IndexStatus.ACTIVE, IndexStatus.CREATING),
        table(TableStatus.ACTIVE, IndexStatus.ACTIVE, IndexStatus.ACTIVE));

    TableDescription table = client.waitUntilTableActive(TABLE);

    assertThat(table.globalSecondaryIndexes()).extracting(GlobalSecondaryIndexDescription::indexStatus)
        .containsOnly(IndexStatus.ACTIVE);
    assertThat(engine.calls).hasSize(3);
  }

  @Test
  void waitUntilTableActive_notFoundAtFirst_keepsPolling() {
    states(notFound(), table(TableStatus.CREATING), table(TableStatus.ACTIVE));

    client.waitUntilTableActive(TABLE);

    assertThat(engine.calls).hasSize(3);
  }

  @Test
  void waitUntilTableActive_neverActive_timesOutAfterPollingUntilTheDeadline() {
    states(table(TableStatus.ACTIVE, IndexStatus.CREATING));

    WaitTimeoutException e = catchThrowableOfType(WaitTimeoutException.class,
        () -> client.waitUntilTableActive(TABLE, Duration.ofMillis(3500)));

    // polls at 0, 1, 2, 3 and 3.5 s: the last poll is at the deadline
    assertThat(engine.calls).hasSize(5);
    assertThat(time.sleeps).containsExactly(
        Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofMillis(500));
    assertThat(e.tableName()).isEqualTo(TABLE);
    assertThat(e.polls()).isEqualTo(5);
    assertThat(e.timeout()).isEqualTo(Duration.ofMillis(3500));
    assertThat(e.lastState()).isEqualTo("TableStatus ACTIVE, index gsi0 CREATING");
    assertThat(e).hasMessage("Table client_waits did not become ACTIVE (with every global secondary index ACTIVE) "
        + "within PT3.5S (5 DescribeTable calls); last seen: TableStatus ACTIVE, index gsi0 CREATING. "
        + "Wait longer with a larger timeout or ClientConfig.waitTimeout");
  }

  @Test
  void waitUntilTableActive_defaultTimeoutFromConfig_pollsForTenSeconds() {
    states(notFound());

    WaitTimeoutException e = catchThrowableOfType(WaitTimeoutException.class,
        () -> client.waitUntilTableActive(TABLE));

    assertThat(e.polls()).isEqualTo(11);
    assertThat(e.lastState()).isEqualTo("table not found (" + NOT_FOUND + ")");
    assertThat(time.sleeps.stream().reduce(Duration.ZERO, Duration::plus)).isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void waitUntilTableActive_slowDescribeCalls_countTowardsTheTimeout() {
    engine.on(Operation.DESCRIBE_TABLE, (DescribeTableRequest r) -> {
      time.advance(Duration.ofSeconds(4));
      return table(TableStatus.CREATING).get();
    });

    assertThatThrownBy(() -> client.waitUntilTableActive(TABLE, Duration.ofSeconds(10)))
        .isInstanceOf(WaitTimeoutException.class);

    // polls end at 4, 9 and 14 s (each followed by 1 s of sleep while time is left)
    assertThat(engine.calls).hasSize(3);
    assertThat(time.sleeps).hasSize(2);
  }

  @Test
  void waitUntilTableActive_zeroTimeout_pollsOnce() {
    states(table(TableStatus.CREATING));

    assertThatThrownBy(() -> client.waitUntilTableActive(TABLE, Duration.ZERO)).isInstanceOf(WaitTimeoutException.class)
        .hasMessageContaining("(1 DescribeTable call)");
    assertThat(engine.calls).hasSize(1);
    assertThat(time.sleeps).isEmpty();
  }

  @Test
  void waitUntilTableActive_describeThrottled_retriedByTheClient() {
    states(error(() -> new ThrottlingException("Rate exceeded")), table(TableStatus.ACTIVE));

    client.waitUntilTableActive(TABLE);

    assertThat(engine.calls).hasSize(2);
    assertThat(time.sleeps).hasSize(1);
    assertThat(time.sleeps.get(0)).isLessThanOrEqualTo(Duration.ofMillis(25));
  }

  @Test
  void waitUntilTableActive_otherError_propagatesAtOnce() {
    ValidationException invalid = new ValidationException("1 validation error detected");
    states(error(() -> invalid));

    assertThatThrownBy(() -> client.waitUntilTableActive(TABLE)).isSameAs(invalid);
    assertThat(engine.calls).hasSize(1);
  }

  @Test
  void waitUntilTableActive_interrupted_throwsCancellationAndKeepsTheInterruptFlag() {
    states(table(TableStatus.CREATING));
    InterruptedException interruption = new InterruptedException();
    DynamoClient interrupted = DynamoClient.builder()
        .engine(engine)
        .config(c -> c.sleeper(d -> {
          throw interruption;
        }))
        .build();

    try {
      assertThatThrownBy(() -> interrupted.waitUntilTableActive(TABLE))
          .isInstanceOf(CancellationException.class)
          .hasCause(interruption)
          .hasMessage("Interrupted while waiting for table client_waits to become ACTIVE (with every global "
              + "secondary index ACTIVE); last seen: TableStatus CREATING");
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
    } finally {
      Thread.interrupted();
    }
  }

  @Test
  void waitUntilTableDeleted_deletingThenGone_pollsUntilNotFound() {
    states(table(TableStatus.ACTIVE), table(TableStatus.DELETING), notFound());

    client.waitUntilTableDeleted(TABLE);

    assertThat(engine.calls).hasSize(3);
    assertThat(time.sleeps).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1));
  }

  @Test
  void waitUntilTableDeleted_noSuchTable_returnsAfterOneCall() {
    states(notFound());

    client.waitUntilTableDeleted(TABLE);

    assertThat(engine.calls).hasSize(1);
    assertThat(time.sleeps).isEmpty();
  }

  @Test
  void waitUntilTableDeleted_neverGone_timesOut() {
    states(table(TableStatus.DELETING));

    WaitTimeoutException e = catchThrowableOfType(WaitTimeoutException.class,
        () -> client.waitUntilTableDeleted(TABLE, Duration.ofSeconds(2)));

    assertThat(engine.calls).hasSize(3);
    assertThat(e).hasMessage("Table client_waits did not become deleted within PT2S (3 DescribeTable calls); "
        + "last seen: TableStatus DELETING. Wait longer with a larger timeout or ClientConfig.waitTimeout");
  }

  @Test
  void waitUntilTable_negativeTimeout_rejected() {
    assertThatThrownBy(() -> client.waitUntilTableDeleted(TABLE, Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("wait timeout must be zero or more, but was PT-1S");
    assertThat(engine.calls).isEmpty();
  }
}
