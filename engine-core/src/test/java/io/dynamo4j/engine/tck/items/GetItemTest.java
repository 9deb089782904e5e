package io.dynamo4j.engine.tck.items;

import static io.dynamo4j.model.AttributeValue.l;
import static io.dynamo4j.model.AttributeValue.m;
import static io.dynamo4j.model.AttributeValue.n;
import static io.dynamo4j.model.AttributeValue.s;
import static org.assertj.core.api.Assertions.assertThat;

import io.dynamo4j.api.Capacity;
import io.dynamo4j.api.ConsumedCapacity;
import io.dynamo4j.api.GetItemResponse;
import io.dynamo4j.api.ReturnConsumedCapacity;
import io.dynamo4j.engine.tck.EngineTest;
import io.dynamo4j.model.Item;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** GetItem: projections (ProjectionExpression or AttributesToGet), ConsistentRead and the capacity a read consumes. */
class GetItemTest extends EngineTest {

  private static final Item KEY = Item.of("pk", s("a"), "sk", n(1));
  private static final Item ITEM = KEY.with("name", s("n")).with("doc", m(Map.of("x", n(1), "y", l(s("p"), s("q"), s("r")))))
      .with("other", s("o"));

  @BeforeEach
  void createTable() {
    createSimpleTable("Items", true);
    engine.putItem(p -> p.tableName("Items").item(ITEM));
  }

  @Test
  void getItem_absentItem_returnsNoItem() {
    GetItemResponse response = engine.getItem(g -> g.tableName("Items").key(Item.of("pk", s("a"), "sk", n(2))));
    assertThat(response.item()).isNull();
  }

  @Test
  void getItem_projectionExpression_returnsTheNamedPathsNestedAsStored() {
    Item got = engine.getItem(g -> g.tableName("Items").key(KEY).projectionExpression("#n, doc.y[2], doc.x, nothing")
        .expressionAttributeNames(Map.of("#n", "name"))).item();
    assertThat(got).isEqualTo(Item.of("name", s("n"), "doc", m(Map.of("x", n(1), "y", l(s("r"))))));
  }

  @Test
  void getItem_attributesToGet_returnsThoseTopLevelAttributes() {
    Item got = engine.getItem(g -> g.tableName("Items").key(KEY).attributesToGet("other", "pk", "missing")).item();
    assertThat(got).isEqualTo(Item.of("other", s("o"), "pk", s("a")));
  }

  @Test
  void getItem_projectionOfAbsentAttributes_returnsAnEmptyItemForAnItemThatExists() {
    assertThat(engine.getItem(g -> g.tableName("Items").key(KEY).projectionExpression("zz")).item()).isEqualTo(Item.empty());
    assertThat(engine.getItem(g -> g.tableName("Items").key(Item.of("pk", s("b"), "sk", n(1))).projectionExpression("zz")).item()).isNull();
  }

  @Test
  void getItem_consistentRead_costsAFullUnitPerStarted4KbAndHalfWhenEventual() {
    // 4096 bytes: pk (2 + 1), sk (2 + 2), x (1 + 4088)
    Item exact = Item.of("pk", s("b"), "sk", n(1), "x", s("x".repeat(4088)));
    Item larger = Item.of("pk", s("c"), "sk", n(1), "x", s("x".repeat(4089)));
    assertThat(exact.sizeInBytes()).isEqualTo(4096);
    engine.putItem(p -> p.tableName("Items").item(exact));
    engine.putItem(p -> p.tableName("Items").item(larger));
    assertThat(units(exact, true)).isEqualTo(1.0);
    assertThat(units(exact, false)).isEqualTo(0.5);
    assertThat(units(larger, true)).isEqualTo(2.0);
    assertThat(units(larger, false)).isEqualTo(1.0);
    assertThat(units(Item.of("pk", s("none"), "sk", n(1)), true)).isEqualTo(1.0);
    assertThat(units(Item.of("pk", s("none"), "sk", n(1)), false)).isEqualTo(0.5);
  }

  @Test
  void getItem_projection_doesNotReduceTheCapacityConsumed() {
    Item large = Item.of("pk", s("b"), "sk", n(1), "x", s("x".repeat(10000)), "small", s("s"));
    engine.putItem(p -> p.tableName("Items").item(large));
    GetItemResponse response = engine.getItem(g -> g.tableName("Items").key(Item.of("pk", s("b"), "sk", n(1))).projectionExpression("small")
        .consistentRead(true).returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
    assertThat(response.item()).isEqualTo(Item.of("small", s("s")));
    assertThat(response.consumedCapacity().capacityUnits()).isEqualTo(3.0);
  }

  @Test
  void getItem_returnConsumedCapacityIndexes_addsTheTableShare() {
    ConsumedCapacity consumed = engine.getItem(g -> g.tableName("Items").key(KEY).returnConsumedCapacity(ReturnConsumedCapacity.INDEXES))
        .consumedCapacity();
    assertThat(consumed).isEqualTo(ConsumedCapacity.builder().tableName("Items").capacityUnits(0.5)
        .table(Capacity.builder().capacityUnits(0.5).build()).build());
    assertThat(engine.getItem(g -> g.tableName("Items").key(KEY).returnConsumedCapacity(ReturnConsumedCapacity.NONE)).consumedCapacity()).isNull();
  }

  private double units(Item key, boolean consistent) {
    Item k = Item.of("pk", key.get("pk"), "sk", key.get("sk"));
    return engine.getItem(g -> g.tableName("Items").key(k).consistentRead(consistent).returnConsumedCapacity(ReturnConsumedCapacity.TOTAL))
        .consumedCapacity().capacityUnits();
  }
}
