package io.dynamo4j.engine.tck.batch;

import static io.dynamo4j.model.AttributeValue.n;
import static io.dynamo4j.model.AttributeValue.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dynamo4j.api.AttributeDefinition;
import io.dynamo4j.api.BatchWriteItemResponse;
import io.dynamo4j.api.BillingMode;
import io.dynamo4j.api.Capacity;
import io.dynamo4j.api.ConsumedCapacity;
import io.dynamo4j.api.DeleteRequest;
import io.dynamo4j.api.GlobalSecondaryIndex;
import io.dynamo4j.api.KeySchemaElement;
import io.dynamo4j.api.Projection;
import io.dynamo4j.api.PutRequest;
import io.dynamo4j.api.ReturnConsumedCapacity;
import io.dynamo4j.api.WriteRequest;
import io.dynamo4j.engine.tck.EngineTest;
import io.dynamo4j.error.ValidationException;
import io.dynamo4j.model.Item;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * BatchWriteItem over several tables: puts and deletes applied, indexes maintained, an empty
 * UnprocessedItems map, ConsumedCapacity per table, the largest batch DynamoDB accepts, and a
 * request that fails validation writing nothing.
 *
 * <p>Fixtures: {@code Users} (pk S, GSI {@code byCity} on city S, KEYS_ONLY) and {@code Events}
 * (pk S + sk N).
 */
class BatchWriteItemTest extends EngineTest {

  @BeforeEach
  void createTables() {
    engine.createTable(t -> t.tableName("Users").billingMode(BillingMode.PAY_PER_REQUEST)
        .keySchema(KeySchemaElement.hash("pk")).attributeDefinitions(AttributeDefinition.string("pk"), AttributeDefinition.string("city"))
        .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("byCity").keySchema(KeySchemaElement.hash("city"))
            .projection(Projection.keysOnly()).build()));
    createSimpleTable("Events", true);
  }

  private static WriteRequest put(Item item) {
    return new WriteRequest(new PutRequest(item), null);
  }

  private static WriteRequest delete(Item key) {
    return new WriteRequest(null, new DeleteRequest(key));
  }

  private Item get(String table, Item key) {
    return engine.getItem(g -> g.tableName(table).key(key).consistentRead(true)).item();
  }

  @Test
  void batchWriteItem_putsAndDeletesOverSeveralTables_areApplied() {
    engine.putItem(p -> p.tableName("Users").item(Item.of("pk", s("gone"), "city", s("oslo"))));
    Map<String, List<WriteRequest>> request = new LinkedHashMap<>();
    request.put("Users", List.of(put(Item.of("pk", s("u1"), "city", s("rome"))), delete(Item.of("pk", s("gone"))),
        delete(Item.of("pk", s("never-there")))));
    request.put("Events", List.of(put(Item.of("pk", s("u1"), "sk", n(1), "what", s("login")))));
    BatchWriteItemResponse response = engine.batchWriteItem(b -> b.requestItems(request));
    assertThat(response.unprocessedItems()).isNotNull().isEmpty();
    assertThat(response.consumedCapacity()).isNull();
    assertThat(response.itemCollectionMetrics()).isNull();
    assertThat(get("Users", Item.of("pk", s("u1")))).isEqualTo(Item.of("pk", s("u1"), "city", s("rome")));
    assertThat(get("Users", Item.of("pk", s("gone")))).isNull();
    assertThat(get("Events", Item.of("pk", s("u1"), "sk", n(1)))).isEqualTo(Item.of("pk", s("u1"), "sk", n(1), "what", s("login")));
    assertThat(engine.describeTable(d -> d.tableName("Users")).table().globalSecondaryIndexes().get(0).itemCount()).isEqualTo(1);
  }

  @Test
  void batchWriteItem_consumedCapacity_isOneEntryPerTable() {
    Map<String, List<WriteRequest>> request = new LinkedHashMap<>();
    request.put("Users", List.of(put(Item.of("pk", s("u1"), "city", s("rome"), "bio", s("b".repeat(1500)))), delete(Item.of("pk", s("x")))));
    request.put("Events", List.of(put(Item.of("pk", s("u1"), "sk", n(1)))));
    BatchWriteItemResponse response = engine.batchWriteItem(b -> b.requestItems(request).returnConsumedCapacity(ReturnConsumedCapacity.INDEXES));
    assertThat(response.consumedCapacity()).containsExactly(
        ConsumedCapacity.builder().tableName("Users").capacityUnits(4.0).table(Capacity.builder().capacityUnits(3.0).build())
            .globalSecondaryIndexes(Map.of("byCity", Capacity.builder().capacityUnits(1.0).build())).build(),
        ConsumedCapacity.builder().tableName("Events").capacityUnits(1.0).table(Capacity.builder().capacityUnits(1.0).build()).build());
    BatchWriteItemResponse total = engine.batchWriteItem(b -> b.requestItems(Map.of("Events", List.of(delete(Item.of("pk", s("u1"), "sk", n(1))))))
        .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
    assertThat(total.consumedCapacity()).containsExactly(ConsumedCapacity.builder().tableName("Events").capacityUnits(1.0).build());
  }

  @Test
  void batchWriteItem_twentyFiveItemsOf400Kb_areAccepted() {
    List<WriteRequest> writes = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      Item key = Item.of("pk", s("big" + (i < 10 ? "0" : "") + i), "sk", n(1));
      writes.add(put(key.with("x", s("x".repeat(409600 - key.sizeInBytes() - 1)))));
    }
    engine.batchWriteItem(b -> b.requestItems(Map.of("Events", writes)));
    assertThat(engine.describeTable(d -> d.tableName("Events")).table().tableSizeBytes()).isEqualTo(25 * 409600L);
  }

  @Test
  void batchWriteItem_invalidRequestInALaterTable_writesNothing() {
    Map<String, List<WriteRequest>> request = new LinkedHashMap<>();
    request.put("Users", List.of(put(Item.of("pk", s("u1")))));
    request.put("Events", List.of(put(Item.of("pk", s("u1"), "sk", s("not a number")))));
    assertThatThrownBy(() -> engine.batchWriteItem(b -> b.requestItems(request))).isInstanceOf(ValidationException.class)
        .hasMessage("The provided key element does not match the schema");
    assertThat(get("Users", Item.of("pk", s("u1")))).isNull();
  }
}
