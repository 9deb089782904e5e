package io.dynamo4j.engine.tck.stream;

import static io.dynamo4j.model.AttributeValue.n;
import static io.dynamo4j.model.AttributeValue.s;
import static org.assertj.core.api.Assertions.assertThat;

import io.dynamo4j.api.AttributeDefinition;
import io.dynamo4j.api.BillingMode;
import io.dynamo4j.api.ProvisionedThroughput;
import io.dynamo4j.api.KeySchemaElement;
import io.dynamo4j.api.Record;
import io.dynamo4j.api.Shard;
import io.dynamo4j.api.ShardFilter;
import io.dynamo4j.api.ShardFilterType;
import io.dynamo4j.api.ShardIteratorType;
import io.dynamo4j.api.StreamSpecification;
import io.dynamo4j.api.StreamViewType;
import io.dynamo4j.engine.partition.Partition;
import io.dynamo4j.engine.partition.PartitionMap;
import io.dynamo4j.engine.tck.EngineTest;
import io.dynamo4j.model.Item;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Shards: one per partition; rolled over on the clock's schedule and split with their partition,
 * keeping lineage (ParentShardId); reading a lineage parents first yields every record once, in
 * order per key; records are trimmed after 24 hours and closed shards leave 24 hours after closing.
 */
class StreamShardsTest extends EngineTest {

  /**
   * Small provisioned throughput: the table has one partition, so its stream has one shard and one
   * order of records to pin (an on-demand table starts with four partitions, as DynamoDB's).
   */
  private static final ProvisionedThroughput ONE_PARTITION = ProvisionedThroughput.of(5, 5);

  private String arn;

  @BeforeEach
  void createTable() {
    engine.createTable(t -> t.tableName("Shards").billingMode(BillingMode.PROVISIONED).provisionedThroughput(ONE_PARTITION)
        .keySchema(KeySchemaElement.hash("pk")).attributeDefinitions(AttributeDefinition.string("pk"))
        .streamSpecification(new StreamSpecification(true, StreamViewType.NEW_IMAGE)));
    arn = StreamReader.arn(engine, "Shards");
  }

  private List<Shard> shards() {
    return engine.describeStream(d -> d.streamArn(arn)).streamDescription().shards();
  }

  private void put(String pk, int v) {
    engine.putItem(p -> p.tableName("Shards").item(Item.of("pk", s(pk), "v", n(v))));
  }

  private PartitionMap partitions() {
    return engine.operations().context().catalog().get("Shards").partitions();
  }

  /** Each key's versions as the stream delivers them, reading shards in the order DescribeStream lists them. */
  private Map<String, List<Integer>> versionsByKey() {
    Map<String, List<Integer>> out = new LinkedHashMap<>();
    for (Record r : StreamReader.readAll(engine, arn)) {
      out.computeIfAbsent(r.dynamodb().keys().getS("pk"), k -> new ArrayList<>())
          .add(r.dynamodb().newImage().getN("v").intValue());
    }
    return out;
  }

  @Test
  void shard_afterTheRollOverInterval_isClosedAndSucceededByAChild() {
    put("a", 1);
    clock.advance(Duration.ofHours(4).minusMinutes(1));
    assertThat(shards()).hasSize(1);
    clock.advance(Duration.ofMinutes(1));
    List<Shard> shards = shards();
    assertThat(shards).hasSize(2);
    Shard parent = shards.get(0);
    Shard child = shards.get(1);
    assertThat(parent.sequenceNumberRange().endingSequenceNumber()).isNotNull();
    assertThat(child.parentShardId()).isEqualTo(parent.shardId());
    assertThat(child.sequenceNumberRange().endingSequenceNumber()).isNull();
    put("a", 2);
    assertThat(StreamReader.readShard(engine, arn, parent.shardId(), ShardIteratorType.TRIM_HORIZON, null)).hasSize(1);
    assertThat(StreamReader.readShard(engine, arn, child.shardId(), ShardIteratorType.TRIM_HORIZON, null)).hasSize(1);
    assertThat(versionsByKey()).containsEntry("a", List.of(1, 2));
    assertThat(engine.describeStream(d -> d.streamArn(arn).shardFilter(new ShardFilter(ShardFilterType.CHILD_SHARDS, parent.shardId())))
        .streamDescription().shards()).containsExactly(child);
  }

  @Test
  void partitionSplit_splitsTheShard_andTheLineageYieldsEveryRecordOnceInOrder() {
    Map<String, List<Integer>> written = new HashMap<>();
    int version = 0;
    for (int round = 0; round < 3; round++) {
      for (int k = 0; k < 40; k++) {
        put("k" + k, ++version);
        written.computeIfAbsent("k" + k, x -> new ArrayList<>()).add(version);
      }
      Partition widest = partitions().current().get(0);
      for (Partition p : partitions().current()) {
        if (Long.compareUnsigned(p.endHash() - p.startHash(), widest.endHash() - widest.startHash()) > 0) {
          widest = p;
        }
      }
      assertThat(partitions().split(widest, clock.instant())).isTrue();
    }
    for (int k = 0; k < 40; k++) {
      put("k" + k, ++version);
      written.get("k" + k).add(version);
    }
    List<Shard> shards = shards();
    assertThat(shards).hasSize(1 + 2 * 3);
    assertThat(shards.stream().filter(s -> s.sequenceNumberRange().endingSequenceNumber() == null)).hasSize(4);
    for (Shard s : shards.subList(1, shards.size())) {
      assertThat(s.parentShardId()).as("every later shard descends from an earlier one").isNotNull();
    }
    assertThat(versionsByKey()).isEqualTo(written);
  }

  @Test
  void records_olderThan24Hours_areTrimmed_closedShardsLeave24HoursAfterClosing() {
    put("old", 1);
    clock.advance(Duration.ofHours(4)); // roll-over: the first shard closes
    put("new", 1);
    clock.advance(Duration.ofHours(20).plusMinutes(1)); // "old" is now more than 24 hours old
    assertThat(versionsByKey()).containsOnlyKeys("new");
    // One move of the clock runs each due task once: one roll-over per move.
    assertThat(shards()).as("the closed shard stays for 24 hours after it closed").hasSize(3);
    clock.advance(Duration.ofHours(4));
    assertThat(shards().get(0).parentShardId()).as("the first shard has left").isNotNull();
    assertThat(versionsByKey()).isEmpty();
  }
}
