package io.dynamo4j.junit;

import static io.dynamo4j.api.OperationType.INSERT;
import static io.dynamo4j.api.OperationType.REMOVE;
import static io.dynamo4j.model.AttributeValue.n;
import static io.dynamo4j.model.AttributeValue.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dynamo4j.DynamoClient;
import io.dynamo4j.engine.TestClock;
import io.dynamo4j.error.ProvisionedThroughputExceededException;
import io.dynamo4j.mapper.MappedTable;
import io.dynamo4j.model.Item;
import io.dynamo4j.model.Key;
import io.dynamo4j.spi.Engine;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The test clock drives Time to Live, stream retention and throughput refill. */
@DynamoTest(tables = Order.class, tableDefinitions = "tables/events.json", clockStart = "2030-06-01T12:00:00Z")
class ClockTest {

  @Test
  void clock_startsWhereTheTestSays(TestClock clock) {
    assertThat(clock.instant()).isEqualTo(Instant.parse("2030-06-01T12:00:00Z"));
  }

  @Test
  void timeToLive_expiredItems_goWhenTheClockPassesTheirExpiry(MappedTable<Order> orders, TestClock clock,
      @RecordStream("Orders") StreamRecorder stream) {
    Instant now = clock.instant();
    orders.put(Order.of("soon", "c", "1").expiringAt(now.plus(Duration.ofHours(1))));
    orders.put(Order.of("later", "c", "1").expiringAt(now.plus(Duration.ofHours(3))));

    clock.advance(Duration.ofMinutes(59));
    assertThat(orders.get("soon")).isNotNull();

    clock.advance(Duration.ofMinutes(2));
    assertThat(orders.get("soon")).isNull();
    assertThat(orders.get("later")).isNotNull();
    stream.assertThat().hasEventNames(INSERT, INSERT, REMOVE).last().isTimeToLiveDeletion().hasKey(Key.of("id", s("soon")));

    clock.advance(Duration.ofHours(2));
    assertThat(orders.get("later")).isNull();
  }

  @Test
  void streamRetention_recordsOlderThan24Hours_areTrimmed(Engine engine, DynamoClient client, TestClock clock) {
    StreamRecorder early = StreamRecorder.fromTrimHorizon(engine, "Events");
    client.putItem(r -> r.tableName("Events").item(Item.of("stream", s("s"), "seq", n(1))));
    early.assertThat().hasSize(1);

    clock.advance(Duration.ofHours(23));
    StreamRecorder.fromTrimHorizon(engine, "Events").assertThat().hasSize(1);

    clock.advance(Duration.ofHours(1).plusMinutes(1));
    StreamRecorder.fromTrimHorizon(engine, "Events").assertThat().isEmpty();
    assertThat(early.records()).as("what a recorder read stays recorded").hasSize(1);
  }

  @Test
  void streamRecorder_ofTheExtension_keepsWhatItSawBeforeTheClockJumpedPastRetention(DynamoClient client,
      TestClock clock, @RecordStream("Events") StreamRecorder events) {
    client.putItem(r -> r.tableName("Events").item(Item.of("stream", s("s"), "seq", n(1))));

    clock.advance(Duration.ofDays(2));

    events.assertThat().hasEventNames(INSERT);
  }

  @Nested
  @DynamoTest(throttling = true, tableDefinitions = "tables/metered.json")
  class Throttling {
    int putUntilThrottled(Engine engine, String prefix) {
      for (int i = 0; ; i++) {
        int n = i;
        try {
          engine.putItem(r -> r.tableName("Metered").item(Item.of("pk", s(prefix + n))));
        } catch (ProvisionedThroughputExceededException e) {
          return i;
        }
        assertThat(i).as("never throttled").isLessThan(10_000);
      }
    }

    @Test
    void provisionedTable_throttlesPastItsBurst_andRefillsAsTheClockMoves(Engine engine, TestClock clock) {
      assertThat(putUntilThrottled(engine, "burst-")).as("300 seconds of 1 WCU").isEqualTo(300);
      assertThatThrownBy(() -> engine.putItem(r -> r.tableName("Metered").item(Item.of("pk", s("x")))))
          .isInstanceOf(ProvisionedThroughputExceededException.class);

      clock.advance(Duration.ofSeconds(10));
      assertThat(putUntilThrottled(engine, "refill-")).isEqualTo(10);
    }

    @Test
    void dynamoClientRetries_doNotRefillCapacity_whileTheTestClockStandsStill(Engine engine) {
      assertThat(putUntilThrottled(engine, "burst-")).isEqualTo(300);
      assertThatThrownBy(() -> DynamoClient.builder().engine(engine)
          .config(c -> c.sleeper(d -> {})).build()
          .putItem(r -> r.tableName("Metered").item(Item.of("pk", s("x")))))
          .isInstanceOf(ProvisionedThroughputExceededException.class);
    }
  }
}
