package io.dynamo4j.engine.tck.partition;

import static io.dynamo4j.model.AttributeValue.n;
import static io.dynamo4j.model.AttributeValue.s;
import static org.assertj.core.api.Assertions.assertThat;

import io.dynamo4j.api.AttributeDefinition;
import io.dynamo4j.api.KeySchemaElement;
import io.dynamo4j.api.ProvisionedThroughput;
import io.dynamo4j.engine.EngineConfig;
import io.dynamo4j.engine.codec.KeyCodec;
import io.dynamo4j.engine.tck.EngineTest;
import io.dynamo4j.error.ProvisionedThroughputExceededException;
import io.dynamo4j.model.Item;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Splits for sustained throughput: a partition throttled in every second for a minute, by traffic
 * that a split would spread (partition keys on both sides of its midpoint), splits in two, and each
 * half then serves its own 1,000 write units a second. Traffic to a single partition key does not
 * split it: no split could help.
 */
class HeatSplitTest extends EngineTest {

  @Override
  protected EngineConfig.Builder config(EngineConfig.Builder builder) {
    return builder.throttling(true);
  }

  private int written;
  private int sequence;

  private void createTable() {
    engine.createTable(t -> t.tableName("Heat").provisionedThroughput(ProvisionedThroughput.of(100, 1_000))
        .keySchema(KeySchemaElement.hash("pk"), KeySchemaElement.range("sk"))
        .attributeDefinitions(AttributeDefinition.string("pk"), AttributeDefinition.number("sk")));
  }

  /** A partition key whose hash lies in the lower (or upper) half of the hash space. */
  private String keyInHalf(boolean upper) {
    var schema = engine.operations().context().catalog().get("Heat").definition().primaryKey();
    for (int i = 0; ; i++) {
      String pk = "key-" + i;
      long hash = KeyCodec.getHash(schema.storageKey(Item.of("pk", s(pk), "sk", n(0)), null));
      if ((hash < 0) == upper) {
        return pk;
      }
    }
  }

  /** Writes {@code count} new items under {@code pk}; returns how many were not throttled. */
  private int write(String pk, int count) {
    int ok = 0;
    for (int i = 0; i < count; i++) {
      Item item = Item.of("pk", s(pk), "sk", n(sequence++));
      try {
        engine.putItem(p -> p.tableName("Heat").item(item));
        ok++;
      } catch (ProvisionedThroughputExceededException e) {
        // throttled by the partition
      }
    }
    written += ok;
    return ok;
  }

  @Test
  void partitionThrottledForAMinute_byKeysInBothHalves_splits_andServesBoth() {
    createTable();
    String low = keyInHalf(false);
    String high = keyInHalf(true);
    assertThat(engine.diagnostics().partitions("Heat")).hasSize(1);
    int seconds = 0;
    while (engine.diagnostics().partitions("Heat").size() == 1 && seconds < 120) {
      int ok = write(low, 600) + write(high, 600);
      if (engine.diagnostics().partitions("Heat").size() == 1) {
        assertThat(ok).as("one partition serves 1,000 units a second").isEqualTo(1_000);
      }
      clock.advance(Duration.ofSeconds(1));
      seconds++;
    }
    assertThat(seconds).as("split in the 60th second of throttling").isEqualTo(60);
    assertThat(engine.diagnostics().partitions("Heat")).hasSize(2);
    assertThat(write(low, 600) + write(high, 600)).as("each half serves its own 1,000").isEqualTo(1_200);
    assertThat(engine.describeTable(d -> d.tableName("Heat")).table().itemCount()).isEqualTo(written);
  }

  @Test
  void onePartitionKeyThrottledForMinutes_isNotSplit() {
    createTable();
    String hot = keyInHalf(false);
    for (int second = 0; second < 90; second++) {
      write(hot, 1_100);
      clock.advance(Duration.ofSeconds(1));
    }
    assertThat(engine.diagnostics().partitions("Heat")).hasSize(1);
  }
}
