package io.dynamo4j.engine.tck.partition;

import static io.dynamo4j.model.AttributeValue.n;
import static io.dynamo4j.model.AttributeValue.s;
import static org.assertj.core.api.Assertions.assertThat;

import io.dynamo4j.api.AttributeDefinition;
import io.dynamo4j.api.BillingMode;
import io.dynamo4j.api.KeySchemaElement;
import io.dynamo4j.api.LocalSecondaryIndex;
import io.dynamo4j.api.Projection;
import io.dynamo4j.api.ProvisionedThroughput;
import io.dynamo4j.engine.Diagnostics.PartitionInfo;
import io.dynamo4j.engine.EngineConfig;
import io.dynamo4j.engine.codec.KeyCodec;
import io.dynamo4j.engine.partition.Partition;
import io.dynamo4j.engine.tck.EngineTest;
import io.dynamo4j.engine.table.Table;
import io.dynamo4j.model.Item;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A table's partitions: as many as its throughput needs from the start, split in two when one
 * passes the split size (lowered here to 20,000 bytes) with listeners told, sizes kept from the
 * write path, parallel scans unaffected, and no split that would leave a half empty.
 */
class PartitionSplitTest extends EngineTest {

  private static final long SPLIT = 20_000;

  @Override
  protected EngineConfig.Builder config(EngineConfig.Builder builder) {
    return builder.partitionSplitBytes(SPLIT);
  }

  private List<PartitionInfo> partitions(String table) {
    return engine.diagnostics().partitions(table);
  }

  private static long total(List<PartitionInfo> partitions) {
    return partitions.stream().mapToLong(PartitionInfo::sizeBytes).sum();
  }

  private Table table(String name) {
    return engine.operations().context().catalog().get(name);
  }

  @Test
  void newTables_haveThePartitionsTheirThroughputNeeds() {
    createSimpleTable("OnDemand", false);
    engine.createTable(t -> t.tableName("Small").provisionedThroughput(ProvisionedThroughput.of(5, 5))
        .keySchema(KeySchemaElement.hash("pk")).attributeDefinitions(AttributeDefinition.string("pk")));
    engine.createTable(t -> t.tableName("Big").provisionedThroughput(ProvisionedThroughput.of(12_000, 9_500))
        .keySchema(KeySchemaElement.hash("pk")).attributeDefinitions(AttributeDefinition.string("pk")));
    assertThat(partitions("OnDemand")).hasSize(4);
    assertThat(partitions("Small")).hasSize(1);
    assertThat(partitions("Big")).as("9,500 write units need ten partitions of 1,000").hasSize(10);
    List<PartitionInfo> big = partitions("Big");
    assertThat(big.get(0).startHash()).isZero();
    assertThat(big.get(big.size() - 1).endHash()).isEqualTo(-1L);
    for (int i = 1; i < big.size(); i++) {
      assertThat(big.get(i).startHash()).isEqualTo(big.get(i - 1).endHash() + 1);
    }
    engine.updateTable(u -> u.tableName("Small").provisionedThroughput(ProvisionedThroughput.of(5, 2_500)));
    engine.putItem(p -> p.tableName("Small").item(Item.of("pk", s("a"))));
    assertThat(partitions("Small")).as("more throughput, more partitions").hasSize(3);
  }

  @Test
  void writesPastTheSplitSize_splitPartitions_sizesAddUp_listenersHearEverySplit() {
    engine.createTable(t -> t.tableName("Grow").provisionedThroughput(ProvisionedThroughput.of(5, 5))
        .keySchema(KeySchemaElement.hash("pk")).attributeDefinitions(AttributeDefinition.string("pk")));
    List<String> heard = new ArrayList<>();
    table("Grow").partitions().addListener((parent, left, right) ->
        heard.add(parent.id() + "->" + left.id() + "+" + right.id()));
    for (int i = 0; i < 250; i++) {
      Item item = Item.of("pk", s("key-" + i), "x", s("x".repeat(990)));
      engine.putItem(p -> p.tableName("Grow").item(item));
    }
    List<PartitionInfo> now = partitions("Grow");
    long tableBytes = engine.describeTable(d -> d.tableName("Grow")).table().tableSizeBytes();
    assertThat(tableBytes).isGreaterThan(10 * SPLIT);
    assertThat(now.size()).as("about 250 KB in partitions of at most 20 KB").isGreaterThanOrEqualTo(12);
    assertThat(heard).hasSize(now.size() - 1);
    assertThat(total(now)).isEqualTo(tableBytes);
    for (PartitionInfo p : now) {
      assertThat(p.sizeBytes()).isLessThanOrEqualTo(SPLIT + 1_000);
    }
    assertThat(table("Grow").partitions().history()).hasSize(1 + 2 * heard.size());

    // every item lies in exactly the partition its hash names, and the sizes are what storage holds
    long[] counted = new long[now.size()];
    for (Item item : engine.scan(sc -> sc.tableName("Grow")).items()) {
      long hash = KeyCodec.getHash(table("Grow").definition().primaryKey().storageKey(item, null));
      Partition p = table("Grow").partitions().of(hash);
      int index = table("Grow").partitions().current().indexOf(p);
      counted[index] += item.sizeInBytes();
    }
    for (int i = 0; i < now.size(); i++) {
      assertThat(now.get(i).sizeBytes()).isEqualTo(counted[i]);
    }

    for (int i = 0; i < 250; i++) {
      int k = i;
      engine.deleteItem(d -> d.tableName("Grow").key(Item.of("pk", s("key-" + k))));
    }
    assertThat(total(partitions("Grow"))).as("deletes shrink partitions; partitions never merge").isZero();
    assertThat(partitions("Grow")).hasSize(now.size());
  }

  @Test
  void parallelScan_afterSplits_returnsEveryItemOnce() {
    createSimpleTable("Scanned", false);
    Set<String> written = new HashSet<>();
    for (int i = 0; i < 300; i++) {
      String key = "key-" + i;
      written.add(key);
      engine.putItem(p -> p.tableName("Scanned").item(Item.of("pk", s(key), "x", s("x".repeat(500)))));
    }
    assertThat(partitions("Scanned").size()).isGreaterThan(4);
    for (int segments : new int[] {1, 3, 7, 16}) {
      List<String> seen = new ArrayList<>();
      for (int segment = 0; segment < segments; segment++) {
        int sg = segment;
        Item start = null;
        do {
          Item from = start;
          var page = engine.scan(sc -> sc.tableName("Scanned").segment(sg).totalSegments(segments).limit(40).exclusiveStartKey(from));
          page.items().forEach(item -> seen.add(item.getS("pk")));
          start = page.lastEvaluatedKey();
        } while (start != null);
      }
      assertThat(seen).hasSize(300).containsExactlyInAnyOrderElementsOf(written);
    }
  }

  @Test
  void onePartitionKeyHoldingEverything_isNotSplit() {
    engine.createTable(t -> t.tableName("OneKey").billingMode(BillingMode.PAY_PER_REQUEST)
        .keySchema(KeySchemaElement.hash("pk"), KeySchemaElement.range("sk"))
        .attributeDefinitions(AttributeDefinition.string("pk"), AttributeDefinition.number("sk"), AttributeDefinition.number("l"))
        .localSecondaryIndexes(LocalSecondaryIndex.builder().indexName("byL")
            .keySchema(KeySchemaElement.hash("pk"), KeySchemaElement.range("l")).projection(Projection.all()).build()));
    for (int i = 0; i < 100; i++) {
      Item item = Item.of("pk", s("only"), "sk", n(i), "l", n(i), "x", s("x".repeat(990)));
      engine.putItem(p -> p.tableName("OneKey").item(item));
    }
    List<PartitionInfo> now = partitions("OneKey");
    assertThat(now).as("no split could separate one partition key").hasSize(4);
    var d = engine.describeTable(x -> x.tableName("OneKey")).table();
    assertThat(total(now)).as("items and local index entries").isEqualTo(d.tableSizeBytes() + d.localSecondaryIndexes().get(0).indexSizeBytes());
  }
}
