package io.dynamo4j.engine.tck.query;

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
import io.dynamo4j.api.Select;
import io.dynamo4j.engine.tck.EngineTest;
import io.dynamo4j.model.Item;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * ConsumedCapacity of Query and Scan: 4 KB units on the summed size of the items (or index
 * entries) read, before the filter; half for eventually consistent reads; charged to the index an
 * index read uses; per fetched item for a local index that fetches attributes from the table; a
 * read of nothing costs nothing.
 *
 * <p>Fixture {@code Cap}: key pk (S) + sk (N); five items in partition "p" whose sizes are
 * 1000, 1500, 2000, 2500 and 3000 bytes (padding in {@code fill}, g = "G", l = "l" + sk); GSI
 * {@code byG} (g; KEYS_ONLY), LSI {@code byL} (pk, l; KEYS_ONLY).
 */
class ReadCapacityTest extends EngineTest {

  private static final int[] SIZES = {1000, 1500, 2000, 2500, 3000};

  @BeforeEach
  void createFixture() {
    engine.createTable(t -> t.tableName("Cap").billingMode(BillingMode.PAY_PER_REQUEST)
        .keySchema(KeySchemaElement.hash("pk"), KeySchemaElement.range("sk"))
        .attributeDefinitions(AttributeDefinition.string("pk"), AttributeDefinition.number("sk"), AttributeDefinition.string("g"),
            AttributeDefinition.string("l"))
        .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("byG").keySchema(KeySchemaElement.hash("g"))
            .projection(Projection.keysOnly()).build())
        .localSecondaryIndexes(LocalSecondaryIndex.builder().indexName("byL")
            .keySchema(KeySchemaElement.hash("pk"), KeySchemaElement.range("l")).projection(Projection.keysOnly()).build()));
    for (int i = 0; i < SIZES.length; i++) {
      Item item = item(i);
      assertThat(item.sizeInBytes()).isEqualTo(SIZES[i]);
      engine.putItem(p -> p.tableName("Cap").item(item));
    }
  }

  /** Item {@code i} of partition "p", exactly {@code SIZES[i]} bytes. */
  private static Item item(int i) {
    Item base = Item.builder().put("pk", s("p")).put("sk", n(i)).put("g", s("G")).put("l", s("l" + i)).put("fill", s("")).build();
    return base.with("fill", s("x".repeat(SIZES[i] - base.sizeInBytes())));
  }

  private static Item entry(int i) {
    return Item.of("pk", s("p"), "sk", n(i), "g", s("G"));
  }

  @Test
  void query_eventualAndConsistent_chargeStarted4KbUnitsOfTheSummedSizes() {
    // 1000 + 1500 + 2000 = 4500 bytes: 2 units
    ConsumedCapacity eventual = engine.query(q -> q.tableName("Cap").keyConditionExpression("pk = :p AND sk <= :s")
        .expressionAttributeValues(Map.of(":p", s("p"), ":s", n(2))).returnConsumedCapacity(ReturnConsumedCapacity.TOTAL))
        .consumedCapacity();
    assertThat(eventual).isEqualTo(ConsumedCapacity.builder().tableName("Cap").capacityUnits(1.0).build());
    ConsumedCapacity consistent = engine.query(q -> q.tableName("Cap").keyConditionExpression("pk = :p AND sk <= :s")
        .expressionAttributeValues(Map.of(":p", s("p"), ":s", n(2))).consistentRead(true)
        .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity();
    assertThat(consistent.capacityUnits()).isEqualTo(2.0);
    // all five: 10000 bytes, 3 units
    assertThat(engine.query(q -> q.tableName("Cap").keyConditionExpression("pk = :p")
        .expressionAttributeValues(Map.of(":p", s("p"))).consistentRead(true)
        .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity().capacityUnits()).isEqualTo(3.0);
  }

  @Test
  void query_filterRejectingEverything_isChargedForEverythingRead() {
    var response = engine.query(q -> q.tableName("Cap").keyConditionExpression("pk = :p").filterExpression("fill = :x")
        .expressionAttributeValues(Map.of(":p", s("p"), ":x", s("none"))).select(Select.COUNT)
        .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
    assertThat(response.count()).isZero();
    assertThat(response.consumedCapacity().capacityUnits()).isEqualTo(1.5);
  }

  @Test
  void query_limit_isChargedOnlyForTheItemsRead() {
    assertThat(engine.query(q -> q.tableName("Cap").keyConditionExpression("pk = :p").limit(1).consistentRead(true)
        .expressionAttributeValues(Map.of(":p", s("p"))).returnConsumedCapacity(ReturnConsumedCapacity.TOTAL))
        .consumedCapacity().capacityUnits()).isEqualTo(1.0);
  }

  @Test
  void queryAndScan_readingNothing_costNothing() {
    assertThat(engine.query(q -> q.tableName("Cap").keyConditionExpression("pk = :p")
        .expressionAttributeValues(Map.of(":p", s("nothing"))).returnConsumedCapacity(ReturnConsumedCapacity.TOTAL))
        .consumedCapacity()).isEqualTo(ConsumedCapacity.builder().tableName("Cap").capacityUnits(0.0).build());
    createSimpleTable("Nothing", false);
    assertThat(engine.scan(r -> r.tableName("Nothing").returnConsumedCapacity(ReturnConsumedCapacity.INDEXES))
        .consumedCapacity()).isEqualTo(ConsumedCapacity.builder().tableName("Nothing").capacityUnits(0.0)
        .table(Capacity.builder().capacityUnits(0.0).build()).build());
  }

  @Test
  void query_noReturnConsumedCapacityOrNone_returnsNone() {
    assertThat(engine.query(q -> q.tableName("Cap").keyConditionExpression("pk = :p")
        .expressionAttributeValues(Map.of(":p", s("p")))).consumedCapacity()).isNull();
    assertThat(engine.query(q -> q.tableName("Cap").keyConditionExpression("pk = :p")
        .expressionAttributeValues(Map.of(":p", s("p"))).returnConsumedCapacity(ReturnConsumedCapacity.NONE))
        .consumedCapacity()).isNull();
  }

  @Test
  void queryGsi_isChargedToTheIndexOnTheEntrySizes() {
    long entries = 0;
    for (int i = 0; i < SIZES.length; i++) {
      entries += entry(i).sizeInBytes();
    }
    assertThat(entries).isLessThan(4096);
    ConsumedCapacity indexes = engine.query(q -> q.tableName("Cap").indexName("byG").keyConditionExpression("g = :g")
        .expressionAttributeValues(Map.of(":g", s("G"))).returnConsumedCapacity(ReturnConsumedCapacity.INDEXES))
        .consumedCapacity();
    assertThat(indexes).isEqualTo(ConsumedCapacity.builder().tableName("Cap").capacityUnits(0.5)
        .table(Capacity.builder().capacityUnits(0.0).build())
        .globalSecondaryIndexes(Map.of("byG", Capacity.builder().capacityUnits(0.5).build())).build());
    ConsumedCapacity total = engine.scan(r -> r.tableName("Cap").indexName("byG")
        .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity();
    assertThat(total).isEqualTo(ConsumedCapacity.builder().tableName("Cap").capacityUnits(0.5).build());
  }

  @Test
  void queryLsi_fetchingFromTheTable_chargesTheIndexAndEachFetchedItem() {
    ConsumedCapacity projected = engine.query(q -> q.tableName("Cap").indexName("byL").keyConditionExpression("pk = :p")
        .expressionAttributeValues(Map.of(":p", s("p"))).consistentRead(true)
        .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES)).consumedCapacity();
    assertThat(projected.capacityUnits()).isEqualTo(1.0);
    assertThat(projected.localSecondaryIndexes()).isEqualTo(Map.of("byL", Capacity.builder().capacityUnits(1.0).build()));
    // ALL_ATTRIBUTES fetches 5 items, each under 4 KB: 5 units, plus 1 for the index entries
    ConsumedCapacity fetched = engine.query(q -> q.tableName("Cap").indexName("byL").keyConditionExpression("pk = :p")
        .expressionAttributeValues(Map.of(":p", s("p"))).consistentRead(true).select(Select.ALL_ATTRIBUTES)
        .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES)).consumedCapacity();
    assertThat(fetched).isEqualTo(ConsumedCapacity.builder().tableName("Cap").capacityUnits(6.0)
        .table(Capacity.builder().capacityUnits(5.0).build())
        .localSecondaryIndexes(Map.of("byL", Capacity.builder().capacityUnits(1.0).build())).build());
    ConsumedCapacity eventual = engine.query(q -> q.tableName("Cap").indexName("byL").keyConditionExpression("pk = :p")
        .expressionAttributeValues(Map.of(":p", s("p"))).projectionExpression("fill").limit(2)
        .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity();
    assertThat(eventual.capacityUnits()).isEqualTo(1.5);
  }

  @Test
  void scan_consistentAndEventual_chargeOnTheSummedSizes() {
    assertThat(engine.scan(r -> r.tableName("Cap").consistentRead(true).returnConsumedCapacity(ReturnConsumedCapacity.INDEXES))
        .consumedCapacity()).isEqualTo(ConsumedCapacity.builder().tableName("Cap").capacityUnits(3.0)
        .table(Capacity.builder().capacityUnits(3.0).build()).build());
    assertThat(engine.scan(r -> r.tableName("Cap").returnConsumedCapacity(ReturnConsumedCapacity.TOTAL))
        .consumedCapacity().capacityUnits()).isEqualTo(1.5);
  }
}
