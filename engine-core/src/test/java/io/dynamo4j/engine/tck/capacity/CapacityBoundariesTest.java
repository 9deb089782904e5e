package io.dynamo4j.engine.tck.capacity;

import static io.dynamo4j.model.AttributeValue.s;
import static org.assertj.core.api.Assertions.assertThat;

import io.dynamo4j.api.Capacity;
import io.dynamo4j.api.ConsumedCapacity;
import io.dynamo4j.api.KeysAndAttributes;
import io.dynamo4j.api.PutRequest;
import io.dynamo4j.api.DeleteRequest;
import io.dynamo4j.api.ReturnConsumedCapacity;
import io.dynamo4j.api.TransactGetItem;
import io.dynamo4j.api.TransactGetItemsRequest;
import io.dynamo4j.api.TransactWriteItem;
import io.dynamo4j.api.TransactWriteItemsRequest;
import io.dynamo4j.api.WriteRequest;
import io.dynamo4j.engine.tck.EngineTest;
import io.dynamo4j.model.Item;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * ConsumedCapacity of every operation kind for items of sizes around each unit boundary (1 KB
 * write units, 4 KB read units), by DynamoDB's rules: strongly consistent reads one unit per
 * started 4 KB, eventually consistent half that, transactional reads twice; writes one unit per
 * started 1 KB, transactional writes twice. Each row gives the expected units, read off the rules
 * by hand.
 *
 * <p>Fixture {@code Sizes}: pk S, no index. An item {@code {pk: "k", x: <n bytes>}} is n + 4 bytes.
 */
class CapacityBoundariesTest extends EngineTest {

  private static final Item KEY = Item.of("pk", s("k"));

  @BeforeEach
  void createTable() {
    createSimpleTable("Sizes", false);
  }

  private static Item ofSize(int bytes, char fill) {
    Item item = KEY.with("x", s(String.valueOf(fill).repeat(bytes - 4)));
    assertThat(item.sizeInBytes()).isEqualTo(bytes);
    return item;
  }

  private static ConsumedCapacity total(double units) {
    return ConsumedCapacity.builder().tableName("Sizes").capacityUnits(units).build();
  }

  @ParameterizedTest(name = "{0} bytes: read {1} / {2} / transactional {3}, write {4} / transactional {5}")
  @CsvSource({
      "   5, 1, 0.5, 2,  1,  2",
      "1024, 1, 0.5, 2,  1,  2",
      "1025, 1, 0.5, 2,  2,  4",
      "2048, 1, 0.5, 2,  2,  4",
      "2049, 1, 0.5, 2,  3,  6",
      "4095, 1, 0.5, 2,  4,  8",
      "4096, 1, 0.5, 2,  4,  8",
      "4097, 2, 1.0, 4,  5, 10",
      "8192, 2, 1.0, 4,  8, 16",
      "8193, 3, 1.5, 6,  9, 18"})
  void everyOperation_itemAtBoundary_consumesDynamoDbsUnits(int size, double strong, double eventual, double transactRead,
      double write, double transactWrite) {
    ReturnConsumedCapacity total = ReturnConsumedCapacity.TOTAL;
    Item item = ofSize(size, 'a');
    Item other = ofSize(size, 'b');

    // writes of a new item, then of the same item again (nothing changes, the same units)
    assertThat(engine.putItem(p -> p.tableName("Sizes").item(item).returnConsumedCapacity(total)).consumedCapacity())
        .isEqualTo(total(write));
    assertThat(engine.putItem(p -> p.tableName("Sizes").item(item).returnConsumedCapacity(total)).consumedCapacity())
        .isEqualTo(total(write));

    // reads
    assertThat(engine.getItem(g -> g.tableName("Sizes").key(KEY).consistentRead(true).returnConsumedCapacity(total))
        .consumedCapacity()).isEqualTo(total(strong));
    assertThat(engine.getItem(g -> g.tableName("Sizes").key(KEY).returnConsumedCapacity(total)).consumedCapacity())
        .isEqualTo(total(eventual));
    assertThat(engine.batchGetItem(b -> b.requestItems(Map.of("Sizes", KeysAndAttributes.builder().keys(List.of(KEY))
        .consistentRead(true).build())).returnConsumedCapacity(total)).consumedCapacity()).containsExactly(total(strong));
    assertThat(engine.batchGetItem(b -> b.requestItems(Map.of("Sizes", KeysAndAttributes.builder().keys(List.of(KEY)).build()))
        .returnConsumedCapacity(total)).consumedCapacity()).containsExactly(total(eventual));
    assertThat(engine.query(q -> q.tableName("Sizes").keyConditionExpression("pk = :k").expressionAttributeValues(Map.of(":k", s("k")))
        .consistentRead(true).returnConsumedCapacity(total)).consumedCapacity()).isEqualTo(total(strong));
    assertThat(engine.query(q -> q.tableName("Sizes").keyConditionExpression("pk = :k").expressionAttributeValues(Map.of(":k", s("k")))
        .returnConsumedCapacity(total)).consumedCapacity()).isEqualTo(total(eventual));
    assertThat(engine.scan(sc -> sc.tableName("Sizes").consistentRead(true).returnConsumedCapacity(total)).consumedCapacity())
        .isEqualTo(total(strong));
    assertThat(engine.scan(sc -> sc.tableName("Sizes").returnConsumedCapacity(total)).consumedCapacity()).isEqualTo(total(eventual));
    assertThat(engine.transactGetItems(TransactGetItemsRequest.builder().returnConsumedCapacity(total).transactItems(
        TransactGetItem.builder().get(g -> g.tableName("Sizes").key(KEY)).build()).build()).consumedCapacity())
        .containsExactly(ConsumedCapacity.builder().tableName("Sizes").capacityUnits(transactRead).readCapacityUnits(transactRead).build());

    // updates, condition checks, deletes: the larger of the item before and after
    assertThat(engine.updateItem(u -> u.tableName("Sizes").key(KEY).updateExpression("SET x = :x")
        .expressionAttributeValues(Map.of(":x", other.get("x"))).returnConsumedCapacity(total)).consumedCapacity())
        .isEqualTo(total(write));
    ConsumedCapacity transactional = ConsumedCapacity.builder().tableName("Sizes").capacityUnits(transactWrite)
        .writeCapacityUnits(transactWrite).build();
    assertThat(engine.transactWriteItems(TransactWriteItemsRequest.builder().returnConsumedCapacity(total).transactItems(
        TransactWriteItem.builder().update(u -> u.tableName("Sizes").key(KEY).updateExpression("SET x = :x")
            .expressionAttributeValues(Map.of(":x", item.get("x")))).build()).build()).consumedCapacity()).containsExactly(transactional);
    assertThat(engine.transactWriteItems(TransactWriteItemsRequest.builder().returnConsumedCapacity(total).transactItems(
        TransactWriteItem.builder().conditionCheck(c -> c.tableName("Sizes").key(KEY).conditionExpression("attribute_exists(pk)"))
            .build()).build()).consumedCapacity()).containsExactly(transactional);
    assertThat(engine.transactWriteItems(TransactWriteItemsRequest.builder().returnConsumedCapacity(total).transactItems(
        TransactWriteItem.builder().put(p -> p.tableName("Sizes").item(other)).build()).build()).consumedCapacity())
        .containsExactly(transactional);
    assertThat(engine.batchWriteItem(b -> b.requestItems(Map.of("Sizes", List.of(WriteRequest.builder()
        .putRequest(PutRequest.builder().item(item).build()).build()))).returnConsumedCapacity(total)).consumedCapacity())
        .containsExactly(total(write));
    assertThat(engine.deleteItem(d -> d.tableName("Sizes").key(KEY).returnConsumedCapacity(total)).consumedCapacity())
        .isEqualTo(total(write));
    engine.putItem(p -> p.tableName("Sizes").item(item));
    assertThat(engine.transactWriteItems(TransactWriteItemsRequest.builder().returnConsumedCapacity(total).transactItems(
        TransactWriteItem.builder().delete(d -> d.tableName("Sizes").key(KEY)).build()).build()).consumedCapacity())
        .containsExactly(transactional);
    engine.putItem(p -> p.tableName("Sizes").item(item));
    assertThat(engine.batchWriteItem(b -> b.requestItems(Map.of("Sizes", List.of(WriteRequest.builder()
        .deleteRequest(DeleteRequest.builder().key(KEY).build()).build()))).returnConsumedCapacity(total)).consumedCapacity())
        .containsExactly(total(write));
  }

  @ParameterizedTest(name = "{0} bytes")
  @CsvSource({"5", "4096", "4097"})
  void transactionsWithIndexesMode_nameUnitsInEveryPart(int size) {
    Item item = ofSize(size, 'a');
    engine.putItem(p -> p.tableName("Sizes").item(item));
    double read = 2 * Math.ceil(size / 4096.0);
    assertThat(engine.transactGetItems(TransactGetItemsRequest.builder().returnConsumedCapacity(ReturnConsumedCapacity.INDEXES)
        .transactItems(TransactGetItem.builder().get(g -> g.tableName("Sizes").key(KEY)).build()).build()).consumedCapacity())
        .containsExactly(ConsumedCapacity.builder().tableName("Sizes").capacityUnits(read).readCapacityUnits(read)
            .table(Capacity.builder().capacityUnits(read).build()).build());
    double write = 2 * Math.ceil(size / 1024.0);
    assertThat(engine.transactWriteItems(TransactWriteItemsRequest.builder().returnConsumedCapacity(ReturnConsumedCapacity.INDEXES)
        .transactItems(TransactWriteItem.builder().put(p -> p.tableName("Sizes").item(item)).build()).build()).consumedCapacity())
        .containsExactly(ConsumedCapacity.builder().tableName("Sizes").capacityUnits(write).writeCapacityUnits(write)
            .table(Capacity.builder().capacityUnits(write).writeCapacityUnits(write).build()).build());
  }
}
