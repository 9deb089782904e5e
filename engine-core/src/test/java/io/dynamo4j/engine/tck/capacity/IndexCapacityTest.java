package io.dynamo4j.engine.tck.capacity;

import static io.dynamo4j.model.AttributeValue.n;
import static io.dynamo4j.model.AttributeValue.s;
import static org.assertj.core.api.Assertions.assertThat;

import io.dynamo4j.api.AttributeDefinition;
import io.dynamo4j.api.BillingMode;
import io.dynamo4j.api.Capacity;
import io.dynamo4j.api.ConsumedCapacity;
import io.dynamo4j.api.GlobalSecondaryIndex;
import io.dynamo4j.api.KeySchemaElement;
import io.dynamo4j.api.LocalSecondaryIndex;
import io.dynamo4j.api.Projection;
import io.dynamo4j.api.PutRequest;
import io.dynamo4j.api.ReturnConsumedCapacity;
import io.dynamo4j.api.TransactWriteItem;
import io.dynamo4j.api.TransactWriteItemsRequest;
import io.dynamo4j.api.WriteRequest;
import io.dynamo4j.engine.tck.EngineTest;
import io.dynamo4j.model.Item;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Index writes in transactions and batches, charged to each index changed with the INDEXES
 * breakdown: a new entry is a put, a moved entry a delete and a put, an entry counts its projection
 * plus 100 bytes; transactions double every part and name WriteCapacityUnits in each.
 *
 * <p>Fixture {@code Idx}: pk S + sk N; GSI {@code byG} on g (KEYS_ONLY); LSI {@code byL} on l N (ALL).
 */
class IndexCapacityTest extends EngineTest {

  private static final Item KEY = Item.of("pk", s("a"), "sk", n(1));

  @BeforeEach
  void createTable() {
    engine.createTable(t -> t.tableName("Idx").billingMode(BillingMode.PAY_PER_REQUEST)
        .keySchema(KeySchemaElement.hash("pk"), KeySchemaElement.range("sk"))
        .attributeDefinitions(AttributeDefinition.string("pk"), AttributeDefinition.number("sk"), AttributeDefinition.string("g"),
            AttributeDefinition.number("l"))
        .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("byG").keySchema(KeySchemaElement.hash("g"))
            .projection(Projection.keysOnly()).build())
        .localSecondaryIndexes(LocalSecondaryIndex.builder().indexName("byL")
            .keySchema(KeySchemaElement.hash("pk"), KeySchemaElement.range("l")).projection(Projection.all()).build()));
  }

  private static Capacity write(double units) {
    return Capacity.builder().capacityUnits(units).writeCapacityUnits(units).build();
  }

  private static ConsumedCapacity transactional(double table, double global, double local) {
    ConsumedCapacity.Builder b = ConsumedCapacity.builder().tableName("Idx").capacityUnits(table + global + local)
        .writeCapacityUnits(table + global + local).table(write(table));
    if (global > 0) {
      b.globalSecondaryIndexes(Map.of("byG", write(global)));
    }
    if (local > 0) {
      b.localSecondaryIndexes(Map.of("byL", write(local)));
    }
    return b.build();
  }

  private ConsumedCapacity transact(TransactWriteItem item) {
    return engine.transactWriteItems(TransactWriteItemsRequest.builder().returnConsumedCapacity(ReturnConsumedCapacity.INDEXES)
        .transactItems(item).build()).consumedCapacity().get(0);
  }

  @Test
  void transactionalPut_newItemInBothIndexes_chargesEachIndexTwiceItsEntry() {
    assertThat(transact(TransactWriteItem.builder().put(p -> p.tableName("Idx").item(KEY.with("g", s("g")).with("l", n(1)))).build()))
        .isEqualTo(transactional(2, 2, 2));
  }

  @Test
  void transactionalUpdate_movedGlobalEntry_chargesADeleteAndAPut_twice() {
    engine.putItem(p -> p.tableName("Idx").item(KEY.with("g", s("g")).with("l", n(1))));
    assertThat(transact(TransactWriteItem.builder().update(u -> u.tableName("Idx").key(KEY).updateExpression("SET g = :g")
        .expressionAttributeValues(Map.of(":g", s("h")))).build())).isEqualTo(transactional(2, 4, 2));
  }

  @Test
  void transactionalConditionCheck_chargesTheTableOnly() {
    engine.putItem(p -> p.tableName("Idx").item(KEY.with("g", s("g")).with("l", n(1))));
    assertThat(transact(TransactWriteItem.builder().conditionCheck(c -> c.tableName("Idx").key(KEY)
        .conditionExpression("attribute_exists(g)")).build())).isEqualTo(transactional(2, 0, 0));
  }

  @Test
  void transactionalPut_entryOverheadBoundary_924And925Bytes() {
    Item fits = KEY.with("l", n(1)).with("x", s("x".repeat(913)));
    assertThat(fits.sizeInBytes()).isEqualTo(924);
    assertThat(transact(TransactWriteItem.builder().put(p -> p.tableName("Idx").item(fits)).build())).isEqualTo(transactional(2, 0, 2));
    Item over = Item.of("pk", s("b"), "sk", n(1), "l", n(1), "x", s("x".repeat(914)));
    assertThat(transact(TransactWriteItem.builder().put(p -> p.tableName("Idx").item(over)).build())).isEqualTo(transactional(2, 0, 4));
  }

  @Test
  void batchWriteItem_indexesBreakdownPerTable() {
    ConsumedCapacity consumed = engine.batchWriteItem(b -> b.returnConsumedCapacity(ReturnConsumedCapacity.INDEXES)
        .requestItems(Map.of("Idx", List.of(
            WriteRequest.builder().putRequest(PutRequest.builder().item(KEY.with("g", s("g")).with("l", n(1))).build()).build(),
            WriteRequest.builder().putRequest(PutRequest.builder().item(Item.of("pk", s("b"), "sk", n(1), "g", s("g"))).build())
                .build())))).consumedCapacity().get(0);
    Map<String, Capacity> global = new LinkedHashMap<>();
    global.put("byG", Capacity.builder().capacityUnits(2.0).build());
    assertThat(consumed).isEqualTo(ConsumedCapacity.builder().tableName("Idx").capacityUnits(5.0)
        .table(Capacity.builder().capacityUnits(2.0).build()).globalSecondaryIndexes(global)
        .localSecondaryIndexes(Map.of("byL", Capacity.builder().capacityUnits(1.0).build())).build());
  }

  @Test
  void transactionOverTwoTables_oneConsumedCapacityPerTable_inRequestOrder() {
    createSimpleTable("Other", false);
    List<ConsumedCapacity> consumed = engine.transactWriteItems(TransactWriteItemsRequest.builder()
        .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).transactItems(
            TransactWriteItem.builder().put(p -> p.tableName("Other").item(Item.of("pk", s("o")))).build(),
            TransactWriteItem.builder().put(p -> p.tableName("Idx").item(KEY)).build(),
            TransactWriteItem.builder().put(p -> p.tableName("Other").item(Item.of("pk", s("p")))).build()).build()).consumedCapacity();
    assertThat(consumed).containsExactly(
        ConsumedCapacity.builder().tableName("Other").capacityUnits(4.0).writeCapacityUnits(4.0).build(),
        ConsumedCapacity.builder().tableName("Idx").capacityUnits(2.0).writeCapacityUnits(2.0).build());
  }
}
