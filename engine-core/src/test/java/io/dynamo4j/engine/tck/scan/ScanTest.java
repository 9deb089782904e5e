package io.dynamo4j.engine.tck.scan;

import static io.dynamo4j.model.AttributeValue.n;
import static io.dynamo4j.model.AttributeValue.s;
import static org.assertj.core.api.Assertions.assertThat;

import io.dynamo4j.api.AttributeDefinition;
import io.dynamo4j.api.BillingMode;
import io.dynamo4j.api.ComparisonOperator;
import io.dynamo4j.api.Condition;
import io.dynamo4j.api.GlobalSecondaryIndex;
import io.dynamo4j.api.KeySchemaElement;
import io.dynamo4j.api.LocalSecondaryIndex;
import io.dynamo4j.api.Projection;
import io.dynamo4j.api.ScanResponse;
import io.dynamo4j.api.Select;
import io.dynamo4j.engine.table.TableDefinition;
import io.dynamo4j.engine.tck.EngineTest;
import io.dynamo4j.model.AttributeValue;
import io.dynamo4j.model.Item;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Scan of tables and indexes: hash order, sort order within a partition, Limit and
 * ExclusiveStartKey, filters, Select and projections.
 *
 * <p>Fixture {@code Scanned}: key pk (S) + sk (N), 10 partitions "p0".."p9" of 3 items each (sk 1..3,
 * n = partition * 10 + sk, g = "G" + sk on sk 1 and 2 only); GSI {@code byG} (g; KEYS_ONLY); LSI
 * {@code byN} (pk, n N; ALL).
 */
class ScanTest extends EngineTest {

  private final List<Item> items = new ArrayList<>();

  @BeforeEach
  void createFixture() {
    engine.createTable(t -> t.tableName("Scanned").billingMode(BillingMode.PAY_PER_REQUEST)
        .keySchema(KeySchemaElement.hash("pk"), KeySchemaElement.range("sk"))
        .attributeDefinitions(AttributeDefinition.string("pk"), AttributeDefinition.number("sk"),
            AttributeDefinition.string("g"), AttributeDefinition.number("n"))
        .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("byG").keySchema(KeySchemaElement.hash("g"))
            .projection(Projection.keysOnly()).build())
        .localSecondaryIndexes(LocalSecondaryIndex.builder().indexName("byN")
            .keySchema(KeySchemaElement.hash("pk"), KeySchemaElement.range("n")).projection(Projection.all()).build()));
    for (int p = 0; p < 10; p++) {
      for (int sk = 3; sk >= 1; sk--) {
        Item.Builder b = Item.builder().put("pk", s("p" + p)).put("sk", n(sk)).put("n", n(p * 10 + sk));
        if (sk < 3) {
          b.put("g", s("G" + sk));
        }
        Item item = b.build();
        items.add(item);
        engine.putItem(r -> r.tableName("Scanned").item(item));
      }
    }
  }

  /** The items in the order a scan walks them: by storage key, hash first. */
  private List<Item> inStorageOrder() {
    TableDefinition d = engine.operations().context().catalog().get("Scanned").definition();
    List<Item> sorted = new ArrayList<>(items);
    sorted.sort(Comparator.comparing(i -> d.primaryKey().storageKey(i, null), Arrays::compareUnsigned));
    return sorted;
  }

  @Test
  void scan_wholeTable_returnsEveryItemInHashOrderAndSortOrderWithinAPartition() {
    ScanResponse response = engine.scan(r -> r.tableName("Scanned"));
    assertThat(response.items()).isEqualTo(inStorageOrder());
    assertThat(response.count()).isEqualTo(30);
    assertThat(response.scannedCount()).isEqualTo(30);
    assertThat(response.lastEvaluatedKey()).isNull();
    // within a partition the sort key ascends
    for (int i = 0; i + 1 < response.items().size(); i++) {
      Item a = response.items().get(i);
      Item b = response.items().get(i + 1);
      if (a.get("pk").equals(b.get("pk"))) {
        assertThat(((AttributeValue.N) a.get("sk")).value()).isLessThan(((AttributeValue.N) b.get("sk")).value());
      }
    }
  }

  @Test
  void scan_limitAndExclusiveStartKey_walkTheTableInPages() {
    List<Item> expected = inStorageOrder();
    ScanResponse first = engine.scan(r -> r.tableName("Scanned").limit(7));
    assertThat(first.items()).isEqualTo(expected.subList(0, 7));
    Item seventh = expected.get(6);
    assertThat(first.lastEvaluatedKey()).isEqualTo(Item.of("pk", seventh.get("pk"), "sk", seventh.get("sk")));
    ScanResponse second = engine.scan(r -> r.tableName("Scanned").limit(7).exclusiveStartKey(first.lastEvaluatedKey()));
    assertThat(second.items()).isEqualTo(expected.subList(7, 14));
  }

  @Test
  void scan_exclusiveStartKeyOfAnAbsentItem_resumesRightAfterWhereItWouldBe() {
    List<Item> expected = inStorageOrder();
    AttributeValue pk = expected.get(9).get("pk");
    ScanResponse response = engine.scan(r -> r.tableName("Scanned").exclusiveStartKey(Item.of("pk", pk, "sk", n("2.5"))));
    int third = expected.indexOf(items.stream().filter(i -> i.get("pk").equals(pk) && i.get("sk").equals(n(3))).findFirst().get());
    assertThat(response.items()).isEqualTo(expected.subList(third, expected.size()));
  }

  @Test
  void scan_filter_countsEveryItemReadAndReturnsTheMatches() {
    ScanResponse response = engine.scan(r -> r.tableName("Scanned").filterExpression("n BETWEEN :a AND :b")
        .expressionAttributeValues(Map.of(":a", n(30), ":b", n(52))));
    assertThat(response.count()).isEqualTo(8);
    assertThat(response.scannedCount()).isEqualTo(30);
    ScanResponse keyFilter = engine.scan(r -> r.tableName("Scanned").filterExpression("pk = :p AND sk > :s")
        .expressionAttributeValues(Map.of(":p", s("p4"), ":s", n(1))));
    assertThat(keyFilter.count()).as("Scan filters may use key attributes").isEqualTo(2);
  }

  @Test
  void scan_legacyScanFilterAndAttributesToGet_filterAndProject() {
    ScanResponse response = engine.scan(r -> r.tableName("Scanned")
        .scanFilter(Map.of("n", Condition.builder().comparisonOperator(ComparisonOperator.GE).attributeValueList(n(92)).build()))
        .attributesToGet("n"));
    assertThat(response.items()).containsExactlyInAnyOrder(Item.of("n", n(92)), Item.of("n", n(93)));
  }

  @Test
  void scan_selectCountAndProjection_shapeTheResult() {
    ScanResponse count = engine.scan(r -> r.tableName("Scanned").select(Select.COUNT).limit(4));
    assertThat(count.items()).isNull();
    assertThat(count.count()).isEqualTo(4);
    assertThat(count.lastEvaluatedKey()).isNotNull();
    ScanResponse projected = engine.scan(r -> r.tableName("Scanned").projectionExpression("n, g").filterExpression("n < :n")
        .expressionAttributeValues(Map.of(":n", n(2))));
    assertThat(projected.items()).containsExactly(Item.of("n", n(1), "g", s("G1")));
  }

  @Test
  void scanGsi_returnsOnlyIndexedItemsWithTheirProjection() {
    ScanResponse response = engine.scan(r -> r.tableName("Scanned").indexName("byG"));
    assertThat(response.count()).as("items without g are not in the index").isEqualTo(20);
    for (Item item : response.items()) {
      assertThat(item.keySet()).containsExactlyInAnyOrder("pk", "sk", "g");
    }
    ScanResponse page = engine.scan(r -> r.tableName("Scanned").indexName("byG").limit(1));
    assertThat(page.lastEvaluatedKey().keySet()).containsExactlyInAnyOrder("pk", "sk", "g");
    ScanResponse rest = engine.scan(r -> r.tableName("Scanned").indexName("byG").exclusiveStartKey(page.lastEvaluatedKey()));
    assertThat(rest.count()).isEqualTo(19);
    assertThat(rest.items()).doesNotContain(page.items().get(0));
  }

  @Test
  void scanLsi_consistentRead_returnsEntriesInIndexOrderWithinEachPartition() {
    ScanResponse response = engine.scan(r -> r.tableName("Scanned").indexName("byN").consistentRead(true));
    assertThat(response.count()).isEqualTo(30);
    assertThat(response.items()).containsExactlyInAnyOrderElementsOf(items);
    ScanResponse page = engine.scan(r -> r.tableName("Scanned").indexName("byN").limit(1));
    assertThat(page.lastEvaluatedKey().keySet()).containsExactlyInAnyOrder("pk", "sk", "n");
  }

  @Test
  void scan_emptyTable_returnsNothing() {
    createSimpleTable("Empty", false);
    ScanResponse response = engine.scan(r -> r.tableName("Empty").limit(1));
    assertThat(response.items()).isEmpty();
    assertThat(response.count()).isZero();
    assertThat(response.scannedCount()).isZero();
    assertThat(response.lastEvaluatedKey()).isNull();
  }
}
