package io.dynamo4j.engine.tck.items;

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
import io.dynamo4j.api.ReturnConsumedCapacity;
import io.dynamo4j.engine.tck.EngineTest;
import io.dynamo4j.model.AttributeValue;
import io.dynamo4j.model.Item;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The capacity PutItem, UpdateItem and DeleteItem consume, by DynamoDB's rules: 1 KB write units on
 * the larger of the item before and after; each changed index entry charged to its index (a put, a
 * delete, both when its key changes, one write when only projected attributes change), an entry
 * counting 100 bytes more than its projection; TOTAL gives the sum, INDEXES the breakdown.
 *
 * <p>Fixture {@code Cap}: pk S + sk N; GSI {@code byG} on g (KEYS_ONLY); GSI {@code byH} on h
 * (INCLUDE x); LSI {@code byL} on l N (ALL).
 */
class ConsumedCapacityTest extends EngineTest {

  private static final Item KEY = Item.of("pk", s("a"), "sk", n(1));

  @BeforeEach
  void createTable() {
    engine.createTable(t -> t.tableName("Cap").billingMode(BillingMode.PAY_PER_REQUEST)
        .keySchema(KeySchemaElement.hash("pk"), KeySchemaElement.range("sk"))
        .attributeDefinitions(AttributeDefinition.string("pk"), AttributeDefinition.number("sk"), AttributeDefinition.string("g"),
            AttributeDefinition.string("h"), AttributeDefinition.number("l"))
        .globalSecondaryIndexes(
            GlobalSecondaryIndex.builder().indexName("byG").keySchema(KeySchemaElement.hash("g")).projection(Projection.keysOnly()).build(),
            GlobalSecondaryIndex.builder().indexName("byH").keySchema(KeySchemaElement.hash("h")).projection(Projection.include("x")).build())
        .localSecondaryIndexes(LocalSecondaryIndex.builder().indexName("byL")
            .keySchema(KeySchemaElement.hash("pk"), KeySchemaElement.range("l")).projection(Projection.all()).build()));
  }

  private ConsumedCapacity put(Item item) {
    return engine.putItem(p -> p.tableName("Cap").item(item).returnConsumedCapacity(ReturnConsumedCapacity.INDEXES)).consumedCapacity();
  }

  private ConsumedCapacity update(String expression, Map<String, AttributeValue> values) {
    return engine.updateItem(u -> {
      u.tableName("Cap").key(KEY).updateExpression(expression).returnConsumedCapacity(ReturnConsumedCapacity.INDEXES);
      if (values != null) {
        u.expressionAttributeValues(values);
      }
    }).consumedCapacity();
  }

  private static ConsumedCapacity expected(double table, Map<String, Double> global, Map<String, Double> local) {
    double total = table;
    ConsumedCapacity.Builder b = ConsumedCapacity.builder().tableName("Cap").table(Capacity.builder().capacityUnits(table).build());
    if (!global.isEmpty()) {
      Map<String, Capacity> g = new java.util.LinkedHashMap<>();
      for (Map.Entry<String, Double> e : global.entrySet()) {
        g.put(e.getKey(), Capacity.builder().capacityUnits(e.getValue()).build());
        total += e.getValue();
      }
      b.globalSecondaryIndexes(g);
    }
    if (!local.isEmpty()) {
      Map<String, Capacity> l = new java.util.LinkedHashMap<>();
      for (Map.Entry<String, Double> e : local.entrySet()) {
        l.put(e.getKey(), Capacity.builder().capacityUnits(e.getValue()).build());
        total += e.getValue();
      }
      b.localSecondaryIndexes(l);
    }
    return b.capacityUnits(total).build();
  }

  @Test
  void putItem_itemSize_oneUnitPerStartedKilobyte() {
    // pk (2 + 1) + sk (2 + 2) + x (1 + n)
    assertThat(engine.putItem(p -> p.tableName("Cap").item(KEY.with("x", s("x".repeat(1016))))
        .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity())
        .isEqualTo(ConsumedCapacity.builder().tableName("Cap").capacityUnits(1.0).build());
    assertThat(put(KEY.with("x", s("x".repeat(1017)))).capacityUnits()).isEqualTo(2.0);
  }

  @Test
  void putItem_replacingALargerItem_chargesTheLargerOfOldAndNew() {
    put(KEY.with("x", s("x".repeat(5000))));
    assertThat(put(KEY).table().capacityUnits()).isEqualTo(5.0);
    assertThat(put(KEY).table().capacityUnits()).isEqualTo(1.0);
  }

  @Test
  void putItem_newItemInEveryIndex_chargesEachIndexItsEntry() {
    assertThat(put(KEY.with("g", s("g")).with("h", s("h")).with("l", n(1)))).isEqualTo(
        expected(1, Map.of("byG", 1.0, "byH", 1.0), Map.of("byL", 1.0)));
  }

  @Test
  void putItem_indexEntryOverhead_isOneHundredBytes() {
    // an ALL entry is the item: 924 + 100 = 1024 bytes is one unit, 925 + 100 is two
    Item fits = KEY.with("l", n(1)).with("x", s("x".repeat(913)));
    assertThat(fits.sizeInBytes()).isEqualTo(924);
    assertThat(put(fits)).isEqualTo(expected(1, Map.of(), Map.of("byL", 1.0)));
    Item over = Item.of("pk", s("b"), "sk", n(1), "l", n(1), "x", s("x".repeat(914)));
    assertThat(put(over)).isEqualTo(expected(1, Map.of(), Map.of("byL", 2.0)));
  }

  @Test
  void putItem_sameItemAgain_chargesTheTableButNoIndex() {
    Item item = KEY.with("g", s("g")).with("h", s("h")).with("l", n(1));
    put(item);
    assertThat(put(item)).isEqualTo(expected(1, Map.of(), Map.of()));
  }

  @Test
  void updateItem_indexKeyChanged_chargesADeleteAndAPut() {
    put(KEY.with("g", s("g")).with("h", s("h")).with("l", n(1)));
    assertThat(update("SET g = :v", Map.of(":v", s("g2")))).isEqualTo(expected(1, Map.of("byG", 2.0), Map.of("byL", 1.0)));
  }

  @Test
  void updateItem_projectedAttributeChanged_chargesOneWriteToIndexesProjectingIt() {
    put(KEY.with("g", s("g")).with("h", s("h")).with("l", n(1)));
    assertThat(update("SET x = :v", Map.of(":v", s("x")))).isEqualTo(expected(1, Map.of("byH", 1.0), Map.of("byL", 1.0)));
    assertThat(update("SET y = :v", Map.of(":v", s("y")))).isEqualTo(expected(1, Map.of(), Map.of("byL", 1.0)));
  }

  @Test
  void updateItem_indexKeyRemoved_chargesTheDeleteOfTheOldEntry() {
    put(KEY.with("g", s("g")).with("l", n(1)).with("x", s("x".repeat(3000))));
    assertThat(update("REMOVE l", null)).isEqualTo(expected(3, Map.of(), Map.of("byL", 4.0)));
    assertThat(update("REMOVE x", null)).isEqualTo(expected(3, Map.of(), Map.of()));
  }

  @Test
  void deleteItem_chargesTheItemAndEveryEntryItHad() {
    put(KEY.with("g", s("g")).with("h", s("h")).with("l", n(1)).with("x", s("x".repeat(1500))));
    ConsumedCapacity consumed = engine.deleteItem(d -> d.tableName("Cap").key(KEY).returnConsumedCapacity(ReturnConsumedCapacity.INDEXES))
        .consumedCapacity();
    assertThat(consumed).isEqualTo(expected(2, Map.of("byG", 1.0, "byH", 2.0), Map.of("byL", 2.0)));
  }
}
