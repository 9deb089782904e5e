package io.dynamo4j.engine.tck.throttle;

import static io.dynamo4j.model.AttributeValue.n;
import static io.dynamo4j.model.AttributeValue.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.dynamo4j.ClientConfig;
import io.dynamo4j.DynamoClient;
import io.dynamo4j.api.AttributeDefinition;
import io.dynamo4j.api.BatchGetItemResponse;
import io.dynamo4j.api.BatchWriteItemResponse;
import io.dynamo4j.api.BillingMode;
import io.dynamo4j.api.CancellationReason;
import io.dynamo4j.api.GlobalSecondaryIndex;
import io.dynamo4j.api.KeySchemaElement;
import io.dynamo4j.api.KeysAndAttributes;
import io.dynamo4j.api.OnDemandThroughput;
import io.dynamo4j.api.Projection;
import io.dynamo4j.api.ProvisionedThroughput;
import io.dynamo4j.api.PutRequest;
import io.dynamo4j.api.TransactGetItem;
import io.dynamo4j.api.TransactGetItemsRequest;
import io.dynamo4j.api.TransactWriteItem;
import io.dynamo4j.api.TransactWriteItemsRequest;
import io.dynamo4j.api.WriteRequest;
import io.dynamo4j.engine.EngineConfig;
import io.dynamo4j.engine.codec.KeyCodec;
import io.dynamo4j.engine.tck.EngineTest;
import io.dynamo4j.error.ConditionalCheckFailedException;
import io.dynamo4j.error.DynamoException;
import io.dynamo4j.error.ProvisionedThroughputExceededException;
import io.dynamo4j.error.ThrottlingException;
import io.dynamo4j.error.TransactionCanceledException;
import io.dynamo4j.model.Item;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Throughput enforcement with the engine's clock under control: token buckets refilled at the
 * provisioned rate with 300 seconds of burst, partition caps of 1,000 write and 3,000 read units a
 * second, global index back-pressure, on-demand quotas, batch operations returning what was
 * throttled, throttled requests having no effect, failed conditional writes consuming capacity,
 * and DynamoClient's retries getting through.
 */
class ThrottlingTest extends EngineTest {

  static final String TABLE_MESSAGE = "The level of configured provisioned throughput for the table was exceeded. "
      + "Consider increasing your provisioning level with the UpdateTable API.";
  static final String INDEX_MESSAGE = "The level of configured provisioned throughput for one or more global secondary indexes of "
      + "the table was exceeded. Consider increasing your provisioning level for the under-provisioned global secondary indexes "
      + "with the UpdateTable API";
  static final String ON_DEMAND_MESSAGE = "Throughput exceeds the current capacity of your table or index. DynamoDB is "
      + "automatically scaling your table or index so please try again shortly. If exceptions persist, check if you have a "
      + "hot key: https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/bp-partition-key-design.html";

  @Override
  protected EngineConfig.Builder config(EngineConfig.Builder builder) {
    return builder.throttling(true);
  }

  private void provisioned(String name, long read, long write, boolean withSort) {
    engine.createTable(t -> {
      t.tableName(name).provisionedThroughput(ProvisionedThroughput.of(read, write));
      if (withSort) {
        t.keySchema(KeySchemaElement.hash("pk"), KeySchemaElement.range("sk"))
            .attributeDefinitions(AttributeDefinition.string("pk"), AttributeDefinition.number("sk"));
      } else {
        t.keySchema(KeySchemaElement.hash("pk")).attributeDefinitions(AttributeDefinition.string("pk"));
      }
    });
  }

  private int serial;

  /**
   * Puts new items of {@code item}'s shape (pk made unique, or sk numbered when {@code hotKey})
   * until one is throttled; returns how many were written, and checks the throttled one has no
   * effect and the exception is {@code type} with {@code message}.
   */
  private int writeUntilThrottled(String table, boolean hotKey, Class<? extends DynamoException> type, String message) {
    for (int written = 0; ; written++) {
      int i = serial++;
      Item item = hotKey ? Item.of("pk", s("hot"), "sk", n(i)) : Item.of("pk", s("k" + i));
      try {
        engine.putItem(p -> p.tableName(table).item(item));
      } catch (ProvisionedThroughputExceededException | ThrottlingException e) {
        assertThat(e).isExactlyInstanceOf(type).hasMessage(message);
        Item key = hotKey ? item : Item.of("pk", item.get("pk"));
        assertThat(engine.getItem(g -> g.tableName(table).key(key)).item()).as("a throttled write has no effect").isNull();
        return written;
      }
      assertThat(written).as("never throttled").isLessThan(100_000);
    }
  }

  /** The same without the check that the throttled item is absent (reads of the table may be throttled too). */
  private int putsUntilThrottled(String table) {
    for (int written = 0; ; written++) {
      int i = serial++;
      try {
        engine.putItem(p -> p.tableName(table).item(Item.of("pk", s("k" + i))));
      } catch (ProvisionedThroughputExceededException | ThrottlingException e) {
        return written;
      }
      assertThat(written).as("never throttled").isLessThan(100_000);
    }
  }

  @Test
  void fiveWcuTable_acceptsItsBurst_thenThrottles_thenRecoversAtTheProvisionedRate() {
    provisioned("Five", 5, 5, false);
    // 300 s of burst is 1,500 units; one partition serves at most 1,000 a second.
    assertThat(writeUntilThrottled("Five", false, ProvisionedThroughputExceededException.class, TABLE_MESSAGE)).isEqualTo(1000);
    clock.advance(Duration.ofSeconds(1));
    assertThat(writeUntilThrottled("Five", false, ProvisionedThroughputExceededException.class, TABLE_MESSAGE))
        .as("the rest of the burst plus one second of refill").isEqualTo(505);
    clock.advance(Duration.ofSeconds(1));
    assertThat(writeUntilThrottled("Five", false, ProvisionedThroughputExceededException.class, TABLE_MESSAGE)).isEqualTo(5);
    clock.advance(Duration.ofSeconds(10));
    assertThat(writeUntilThrottled("Five", false, ProvisionedThroughputExceededException.class, TABLE_MESSAGE)).isEqualTo(50);
    clock.advance(Duration.ofMillis(200));
    assertThat(writeUntilThrottled("Five", false, ProvisionedThroughputExceededException.class, TABLE_MESSAGE)).isEqualTo(1);
    clock.advance(Duration.ofHours(1));
    int afterAnHour = writeUntilThrottled("Five", false, ProvisionedThroughputExceededException.class, TABLE_MESSAGE);
    clock.advance(Duration.ofSeconds(1));
    afterAnHour += writeUntilThrottled("Five", false, ProvisionedThroughputExceededException.class, TABLE_MESSAGE);
    assertThat(afterAnHour).as("no more than 300 s of unused capacity is kept").isEqualTo(1505);
  }

  @Test
  void hotPartitionKey_throttlesAt1000WcuOnA10000WcuTable_otherKeysGoOn() {
    provisioned("Large", 10_000, 10_000, true);
    assertThat(engine.diagnostics().partitions("Large").size()).as("enough partitions for 10,000 units").isGreaterThanOrEqualTo(10);
    assertThat(writeUntilThrottled("Large", true, ProvisionedThroughputExceededException.class, TABLE_MESSAGE)).isEqualTo(1000);
    var table = engine.operations().context().catalog().get("Large");
    var hot = table.partitions().of(KeyCodec.getHash(table.definition().primaryKey().storageKey(Item.of("pk", s("hot"), "sk", n(0)), null)));
    int others = 0;
    for (int i = 0; i < 2000; i++) {
      Item other = Item.of("pk", s("cool-" + i), "sk", n(1));
      boolean sharesTheHotPartition = table.partitions().of(KeyCodec.getHash(table.definition().primaryKey().storageKey(other, null))) == hot;
      try {
        engine.putItem(p -> p.tableName("Large").item(other));
        others++;
        assertThat(sharesTheHotPartition).as("%s was written", other).isFalse();
      } catch (ProvisionedThroughputExceededException e) {
        assertThat(sharesTheHotPartition).as("%s was throttled", other).isTrue();
      }
    }
    assertThat(others).as("keys of other partitions go on").isGreaterThan(1500);
    clock.advance(Duration.ofSeconds(1));
    assertThat(writeUntilThrottled("Large", true, ProvisionedThroughputExceededException.class, TABLE_MESSAGE)).isEqualTo(1000);
  }

  @Test
  void hotPartitionKey_strongReadsThrottleAt3000Rcu() {
    provisioned("Reads", 10_000, 10, true);
    engine.putItem(p -> p.tableName("Reads").item(Item.of("pk", s("hot"), "sk", n(1))));
    int reads = 0;
    try {
      while (reads < 100_000) {
        engine.getItem(g -> g.tableName("Reads").key(Item.of("pk", s("hot"), "sk", n(1))).consistentRead(true));
        reads++;
      }
    } catch (ProvisionedThroughputExceededException e) {
      assertThat(e).hasMessage(TABLE_MESSAGE);
    }
    assertThat(reads).isEqualTo(3000);
  }

  @Test
  void reads_eventuallyConsistentCostHalf_andEveryReadKindIsThrottled() {
    provisioned("OneRcu", 1, 1000, true);
    engine.putItem(p -> p.tableName("OneRcu").item(Item.of("pk", s("a"), "sk", n(1))));
    int reads = 0;
    try {
      while (reads < 10_000) {
        engine.getItem(g -> g.tableName("OneRcu").key(Item.of("pk", s("a"), "sk", n(1))));
        reads++;
      }
    } catch (ProvisionedThroughputExceededException e) {
      assertThat(e).hasMessage(TABLE_MESSAGE);
    }
    assertThat(reads).as("300 units of burst, half a unit a read").isEqualTo(600);
    assertThatThrownBy(() -> engine.query(q -> q.tableName("OneRcu").keyConditionExpression("pk = :p")
        .expressionAttributeValues(Map.of(":p", s("a"))))).isExactlyInstanceOf(ProvisionedThroughputExceededException.class);
    assertThatThrownBy(() -> engine.scan(sc -> sc.tableName("OneRcu"))).isExactlyInstanceOf(ProvisionedThroughputExceededException.class);
    TransactionCanceledException e = catchThrowableOfType(() -> engine.transactGetItems(TransactGetItemsRequest.builder()
        .transactItems(TransactGetItem.builder().get(g -> g.tableName("OneRcu").key(Item.of("pk", s("a"), "sk", n(1)))).build())
        .build()), TransactionCanceledException.class);
    assertThat(e.cancellationReasons()).containsExactly(CancellationReason.builder().code("ProvisionedThroughputExceeded")
        .message(TABLE_MESSAGE).build());
    clock.advance(Duration.ofSeconds(1));
    assertThat(engine.query(q -> q.tableName("OneRcu").keyConditionExpression("pk = :p")
        .expressionAttributeValues(Map.of(":p", s("a")))).count()).isEqualTo(1);
  }

  @Test
  void globalIndexShortOfWriteCapacity_throttlesTheTablesWrites_writesNotTouchingItGoOn() {
    engine.createTable(t -> t.tableName("Gsi").provisionedThroughput(ProvisionedThroughput.of(100, 100))
        .keySchema(KeySchemaElement.hash("pk")).attributeDefinitions(AttributeDefinition.string("pk"), AttributeDefinition.string("g"))
        .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("byG").keySchema(KeySchemaElement.hash("g"))
            .projection(Projection.keysOnly()).provisionedThroughput(ProvisionedThroughput.of(1, 1)).build()));
    int written = 0;
    try {
      while (written < 10_000) {
        Item item = Item.of("pk", s("i" + written), "g", s("g"));
        engine.putItem(p -> p.tableName("Gsi").item(item));
        written++;
      }
    } catch (ProvisionedThroughputExceededException e) {
      assertThat(e).hasMessage(INDEX_MESSAGE);
    }
    assertThat(written).as("the index's 300 units of burst, one a write").isEqualTo(300);
    assertThat(engine.describeTable(d -> d.tableName("Gsi")).table().itemCount()).as("the throttled write had no effect").isEqualTo(300);
    engine.putItem(p -> p.tableName("Gsi").item(Item.of("pk", s("no-index-attribute"))));
    int queries = 0;
    try {
      while (queries < 10_000) {
        engine.query(q -> q.tableName("Gsi").indexName("byG").keyConditionExpression("g = :g")
            .expressionAttributeValues(Map.of(":g", s("g"))));
        queries++;
      }
    } catch (ProvisionedThroughputExceededException e) {
      assertThat(e).as("reads of the index draw on its own read capacity").hasMessage(INDEX_MESSAGE);
    }
    // 300 keys-only entries of under 14 bytes, less than 4 KB: one read unit, half of it eventually consistent; 300 units of burst
    assertThat(queries).isEqualTo(600);
  }

  @Test
  void onDemandTable_configuredMaximum_throttlesWithThrottlingException() {
    engine.createTable(t -> t.tableName("OnDemandMax").billingMode(BillingMode.PAY_PER_REQUEST).keySchema(KeySchemaElement.hash("pk"))
        .attributeDefinitions(AttributeDefinition.string("pk"))
        .onDemandThroughput(OnDemandThroughput.builder().maxWriteRequestUnits(10L).maxReadRequestUnits(20L).build()));
    assertThat(writeUntilThrottled("OnDemandMax", false, ThrottlingException.class, ON_DEMAND_MESSAGE)).isEqualTo(10);
    clock.advance(Duration.ofSeconds(1));
    assertThat(putsUntilThrottled("OnDemandMax")).isEqualTo(10);
  }

  @Test
  void onDemandTable_hotPartitionKey_throttlesAt1000WriteUnits() {
    createSimpleTable("OdHot", true);
    assertThat(engine.diagnostics().partitions("OdHot")).as("a new on-demand table serves 4,000 write units").hasSize(4);
    assertThat(writeUntilThrottled("OdHot", true, ThrottlingException.class, ON_DEMAND_MESSAGE)).isEqualTo(1000);
  }

  @Test
  void batchWriteItem_throttledRequests_returnedUnprocessed_allThrottled_fails() {
    provisioned("Batch", 1, 1, false);
    assertThat(putsUntilThrottled("Batch")).isEqualTo(300);
    clock.advance(Duration.ofSeconds(1));
    List<WriteRequest> three = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      three.add(WriteRequest.builder().putRequest(PutRequest.builder().item(Item.of("pk", s("batch" + i))).build()).build());
    }
    BatchWriteItemResponse response = engine.batchWriteItem(b -> b.requestItems(Map.of("Batch", three)));
    assertThat(response.unprocessedItems()).isEqualTo(Map.of("Batch", three.subList(1, 3)));
    assertThatThrownBy(() -> engine.batchWriteItem(b -> b.requestItems(Map.of("Batch", three.subList(1, 3)))))
        .as("nothing could be done").isExactlyInstanceOf(ProvisionedThroughputExceededException.class).hasMessage(TABLE_MESSAGE);
  }

  @Test
  void batchGetItem_throttledKeys_returnedUnprocessed_allThrottled_fails() {
    provisioned("BatchRead", 1, 10, false);
    List<Item> keys = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      Item key = Item.of("pk", s("r" + i));
      keys.add(key);
      engine.putItem(p -> p.tableName("BatchRead").item(key));
    }
    int reads = 0;
    try {
      while (reads < 10_000) {
        engine.getItem(g -> g.tableName("BatchRead").key(keys.get(0)).consistentRead(true));
        reads++;
      }
    } catch (ProvisionedThroughputExceededException e) {
      assertThat(e).hasMessage(TABLE_MESSAGE);
    }
    assertThat(reads).isEqualTo(300);
    clock.advance(Duration.ofSeconds(2));
    BatchGetItemResponse response = engine.batchGetItem(b -> b.requestItems(Map.of("BatchRead",
        KeysAndAttributes.builder().keys(keys).consistentRead(true).build())));
    assertThat(response.unprocessedKeys().get("BatchRead").keys()).isEqualTo(keys.subList(2, 4));
    assertThat(response.unprocessedKeys().get("BatchRead").consistentRead()).isTrue();
    assertThatThrownBy(() -> engine.batchGetItem(b -> b.requestItems(Map.of("BatchRead",
        KeysAndAttributes.builder().keys(keys).build())))).isExactlyInstanceOf(ProvisionedThroughputExceededException.class);
  }

  @Test
  void failedConditionalWrite_consumesWriteCapacity() {
    provisioned("Cond", 10, 1, false);
    engine.putItem(p -> p.tableName("Cond").item(Item.of("pk", s("c"), "x", s("x".repeat(2000)))));
    // 300 units of burst: the put above took 2, leave 1
    for (int i = 0; i < 297; i++) {
      Item item = Item.of("pk", s("f" + i));
      engine.putItem(p -> p.tableName("Cond").item(item));
    }
    assertThatThrownBy(() -> engine.putItem(p -> p.tableName("Cond").item(Item.of("pk", s("c"))).conditionExpression("attribute_not_exists(pk)")))
        .isExactlyInstanceOf(ConditionalCheckFailedException.class);
    assertThatThrownBy(() -> engine.putItem(p -> p.tableName("Cond").item(Item.of("pk", s("after")))))
        .as("the failed write consumed the existing item's 2 units").isExactlyInstanceOf(ProvisionedThroughputExceededException.class);
  }

  @Test
  void transaction_onAnExhaustedTable_isCancelledWithTheThrottledActionsReason() {
    provisioned("Spent", 10, 1, false);
    provisioned("Fresh", 10, 10, false);
    assertThat(putsUntilThrottled("Spent")).isEqualTo(300);
    TransactionCanceledException e = catchThrowableOfType(() -> engine.transactWriteItems(TransactWriteItemsRequest.builder()
        .transactItems(
            TransactWriteItem.builder().put(p -> p.tableName("Fresh").item(Item.of("pk", s("a")))).build(),
            TransactWriteItem.builder().put(p -> p.tableName("Spent").item(Item.of("pk", s("a")))).build()).build()),
        TransactionCanceledException.class);
    assertThat(e.cancellationReasons()).containsExactly(CancellationReason.builder().code("None").build(),
        CancellationReason.builder().code("ProvisionedThroughputExceeded").message(TABLE_MESSAGE).build());
    assertThat(engine.getItem(g -> g.tableName("Fresh").key(Item.of("pk", s("a")))).item()).isNull();
  }

  @Test
  void transactionalWrites_consumeTwiceTheUnits() {
    provisioned("Twice", 10, 1, false);
    int transactions = 0;
    try {
      while (transactions < 10_000) {
        Item item = Item.of("pk", s("t" + transactions));
        engine.transactWriteItems(TransactWriteItemsRequest.builder()
            .transactItems(TransactWriteItem.builder().put(p -> p.tableName("Twice").item(item)).build()).build());
        transactions++;
      }
    } catch (TransactionCanceledException e) {
      assertThat(e.cancellationReasons().get(0).code()).isEqualTo("ProvisionedThroughputExceeded");
    }
    assertThat(transactions).isEqualTo(150);
  }

  @Test
  void dynamoClient_retriesWithItsBackoff_untilTheRefillAdmitsTheWrite() {
    provisioned("Retry2", 10, 1, false);
    assertThat(putsUntilThrottled("Retry2")).isEqualTo(300);
    List<Duration> slept = new ArrayList<>();
    ClientConfig config = ClientConfig.builder().random(new Random(7)).retryPolicy(r -> r.maxAttempts(50))
        .sleeper(d -> {
          slept.add(d);
          clock.advance(d);
        }).build();
    try (DynamoClient client = DynamoClient.builder().engine(engine).config(config).build()) {
      client.putItem(p -> p.tableName("Retry2").item(Item.of("pk", s("through"))));
      assertThat(slept).as("throttled at least once, then retried").isNotEmpty();
      assertThat(engine.getItem(g -> g.tableName("Retry2").key(Item.of("pk", s("through")))).item()).isNotNull();

      List<WriteRequest> many = new ArrayList<>();
      for (int i = 0; i < 25; i++) {
        many.add(WriteRequest.builder().putRequest(PutRequest.builder().item(Item.of("pk", s("all" + i))).build()).build());
      }
      assertThat(client.batchWriteItemAll(b -> b.requestItems(Map.of("Retry2", many))).unprocessedItems()).isEmpty();
      assertThat(engine.describeTable(d -> d.tableName("Retry2")).table().itemCount()).isEqualTo(300 + 1 + 25);
    }
  }
}
