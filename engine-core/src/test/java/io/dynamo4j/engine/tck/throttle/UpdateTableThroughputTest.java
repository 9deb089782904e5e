package io.dynamo4j.engine.tck.throttle;

import static io.dynamo4j.model.AttributeValue.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dynamo4j.api.AttributeDefinition;
import io.dynamo4j.api.GlobalSecondaryIndex;
import io.dynamo4j.api.GlobalSecondaryIndexUpdate;
import io.dynamo4j.api.KeySchemaElement;
import io.dynamo4j.api.Projection;
import io.dynamo4j.api.ProvisionedThroughput;
import io.dynamo4j.api.UpdateGlobalSecondaryIndexAction;
import io.dynamo4j.engine.EngineConfig;
import io.dynamo4j.engine.tck.EngineTest;
import io.dynamo4j.error.LimitExceededException;
import io.dynamo4j.error.ProvisionedThroughputExceededException;
import io.dynamo4j.model.Item;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * UpdateTable and throughput: DynamoDB's limit on decreases (four a UTC day at any time, then one
 * an hour after the last; the count starts again at midnight UTC) with its message, for the table
 * and for a global index; and a change of throughput takes effect on the buckets at once.
 */
class UpdateTableThroughputTest extends EngineTest {

  @Override
  protected EngineConfig.Builder config(EngineConfig.Builder builder) {
    return builder.throttling(true);
  }

  @BeforeEach
  void createTable() {
    clock.set(Instant.parse("2026-10-09T00:00:00Z"));
    engine.createTable(t -> t.tableName("Dial").provisionedThroughput(ProvisionedThroughput.of(100, 100))
        .keySchema(KeySchemaElement.hash("pk")).attributeDefinitions(AttributeDefinition.string("pk"), AttributeDefinition.string("g"))
        .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("byG").keySchema(KeySchemaElement.hash("g"))
            .projection(Projection.keysOnly()).provisionedThroughput(ProvisionedThroughput.of(100, 100)).build()));
  }

  private void table(long read, long write) {
    engine.updateTable(u -> u.tableName("Dial").provisionedThroughput(ProvisionedThroughput.of(read, write)));
  }

  private void index(long read, long write) {
    engine.updateTable(u -> u.tableName("Dial").globalSecondaryIndexUpdates(GlobalSecondaryIndexUpdate.builder()
        .update(UpdateGlobalSecondaryIndexAction.builder().indexName("byG").provisionedThroughput(ProvisionedThroughput.of(read, write))
            .build()).build()));
  }

  @Test
  void decreases_fourAtAnyTime_thenOneAnHourAfterTheLast_countStartsAgainAtMidnight() {
    clock.advance(Duration.ofMinutes(21).plusSeconds(34));
    table(99, 100);
    table(98, 100);
    table(98, 99);
    table(97, 99);
    assertThatThrownBy(() -> table(96, 99)).isExactlyInstanceOf(LimitExceededException.class).hasMessage(
        "Subscriber limit exceeded: Provisioned throughput decreases are limited within a given UTC day. After the first 4 "
            + "decreases, each subsequent decrease in the same UTC day can be performed at most once every 3600 seconds. "
            + "Number of decreases today: 4. Last decrease at Friday, October 9, 2026 at 12:21:34 AM Coordinated Universal Time. "
            + "Next decrease can be made at Friday, October 9, 2026 at 1:21:34 AM Coordinated Universal Time");
    table(200, 200); // increases are never limited
    clock.advance(Duration.ofMinutes(59));
    assertThatThrownBy(() -> table(150, 200)).isExactlyInstanceOf(LimitExceededException.class);
    clock.advance(Duration.ofMinutes(1));
    table(150, 200);
    assertThat(engine.describeTable(d -> d.tableName("Dial")).table().provisionedThroughput().numberOfDecreasesToday()).isEqualTo(5);
    assertThatThrownBy(() -> table(140, 200)).isExactlyInstanceOf(LimitExceededException.class)
        .hasMessageContaining("Number of decreases today: 5. Last decrease at Friday, October 9, 2026 at 1:21:34 AM");
    clock.set(Instant.parse("2026-10-09T23:59:00Z"));
    table(130, 200); // more than an hour since the last
    assertThatThrownBy(() -> table(120, 200)).isExactlyInstanceOf(LimitExceededException.class)
        .hasMessageEndingWith("Next decrease can be made at Saturday, October 10, 2026 at 12:00:00 AM Coordinated Universal Time");
    clock.set(Instant.parse("2026-10-10T00:00:00Z"));
    table(120, 200);
  }

  @Test
  void globalIndexDecreases_limitedTheSameWay() {
    index(99, 100);
    index(98, 100);
    index(97, 100);
    index(96, 100);
    assertThatThrownBy(() -> index(95, 100)).isExactlyInstanceOf(LimitExceededException.class)
        .hasMessageContaining("Number of decreases today: 4.");
    table(99, 100); // the table's own count is separate
  }

  @Test
  void increase_takesEffectOnTheBucketsAtOnce() {
    engine.updateTable(u -> u.tableName("Dial").provisionedThroughput(ProvisionedThroughput.of(100, 1)));
    int written = 0;
    try {
      while (written < 10_000) {
        Item item = Item.of("pk", s("i" + written));
        engine.putItem(p -> p.tableName("Dial").item(item));
        written++;
      }
    } catch (ProvisionedThroughputExceededException e) {
      // the burst kept is capped at 300 s of the new rate
    }
    assertThat(written).isEqualTo(300);
    engine.updateTable(u -> u.tableName("Dial").provisionedThroughput(ProvisionedThroughput.of(100, 50)));
    clock.advance(Duration.ofSeconds(1));
    written = 0;
    try {
      while (written < 10_000) {
        Item item = Item.of("pk", s("j" + written));
        engine.putItem(p -> p.tableName("Dial").item(item));
        written++;
      }
    } catch (ProvisionedThroughputExceededException e) {
      // one second at the new rate
    }
    assertThat(written).isEqualTo(50);
  }
}
