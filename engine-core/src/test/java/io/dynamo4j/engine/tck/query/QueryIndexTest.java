package io.dynamo4j.engine.tck.query;

import static io.dynamo4j.model.AttributeValue.n;
import static io.dynamo4j.model.AttributeValue.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dynamo4j.api.AttributeDefinition;
import io.dynamo4j.api.BillingMode;
import io.dynamo4j.api.GlobalSecondaryIndex;
import io.dynamo4j.api.KeySchemaElement;
import io.dynamo4j.api.LocalSecondaryIndex;
import io.dynamo4j.api.Projection;
import io.dynamo4j.api.QueryResponse;
import io.dynamo4j.api.Select;
import io.dynamo4j.engine.tck.EngineTest;
import io.dynamo4j.error.ValidationException;
import io.dynamo4j.model.Item;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Query on secondary indexes: projections and Select, sparse indexes, equal index keys ordered by
 * table key, LastEvaluatedKey with index and table keys, ConsistentRead, fetches of attributes a
 * local index does not project, and multi-attribute global index keys.
 *
 * <p>Fixture {@code Idx}: key pk (S) + sk (N); GSI {@code byG} (g S, gs N; INCLUDE x), GSI
 * {@code byGAll} (g S; ALL), GSI {@code byGs} (gs N; KEYS_ONLY), LSI {@code byL} (pk, l S; INCLUDE x).
 */
class QueryIndexTest extends EngineTest {

  @BeforeEach
  void createFixture() {
    engine.createTable(t -> t.tableName("Idx").billingMode(BillingMode.PAY_PER_REQUEST)
        .keySchema(KeySchemaElement.hash("pk"), KeySchemaElement.range("sk"))
        .attributeDefinitions(AttributeDefinition.string("pk"), AttributeDefinition.number("sk"), AttributeDefinition.string("g"),
            AttributeDefinition.number("gs"), AttributeDefinition.string("l"))
        .globalSecondaryIndexes(
            gsi("byG", List.of(KeySchemaElement.hash("g"), KeySchemaElement.range("gs")), Projection.include("x")),
            gsi("byGAll", List.of(KeySchemaElement.hash("g")), Projection.all()),
            gsi("byGs", List.of(KeySchemaElement.hash("gs")), Projection.keysOnly()))
        .localSecondaryIndexes(LocalSecondaryIndex.builder().indexName("byL")
            .keySchema(KeySchemaElement.hash("pk"), KeySchemaElement.range("l")).projection(Projection.include("x")).build()));
  }

  static GlobalSecondaryIndex gsi(String name, List<KeySchemaElement> key, Projection projection) {
    return GlobalSecondaryIndex.builder().indexName(name).keySchema(key).projection(projection).build();
  }

  private void put(Item item) {
    engine.putItem(p -> p.tableName("Idx").item(item));
  }

  private static Item item(String pk, int sk, String g, Integer gs, String l) {
    Item.Builder b = Item.builder().put("pk", s(pk)).put("sk", n(sk)).put("x", s("x" + pk + sk)).put("y", s("y" + pk + sk));
    if (g != null) {
      b.put("g", s(g));
    }
    if (gs != null) {
      b.put("gs", n(gs));
    }
    if (l != null) {
      b.put("l", s(l));
    }
    return b.build();
  }

  private static List<String> keys(QueryResponse response) {
    List<String> out = new ArrayList<>();
    for (Item i : response.items()) {
      out.add(((io.dynamo4j.model.AttributeValue.S) i.get("pk")).value() + ((io.dynamo4j.model.AttributeValue.N) i.get("sk")).text());
    }
    return out;
  }

  @Test
  void queryGsi_equalIndexKeys_comeInTableKeyOrderWithTheProjectedAttributes() {
    put(item("b", 2, "G", 5, null));
    put(item("a", 9, "G", 5, null));
    put(item("b", 1, "G", 5, null));
    put(item("a", 1, "G", 7, null));
    put(item("c", 1, "H", 5, null));
    put(item("d", 1, null, 5, null)); // not in byG: no g
    QueryResponse response = engine.query(q -> q.tableName("Idx").indexName("byG").keyConditionExpression("g = :g")
        .expressionAttributeValues(Map.of(":g", s("G"))));
    assertThat(keys(response)).containsExactly("a9", "b1", "b2", "a1");
    assertThat(response.items().get(0)).isEqualTo(Item.builder().put("pk", s("a")).put("sk", n(9)).put("x", s("xa9"))
        .put("g", s("G")).put("gs", n(5)).build());
    QueryResponse backward = engine.query(q -> q.tableName("Idx").indexName("byG").keyConditionExpression("g = :g AND gs < :s")
        .expressionAttributeValues(Map.of(":g", s("G"), ":s", n(6))).scanIndexForward(false));
    assertThat(keys(backward)).containsExactly("b2", "b1", "a9");
  }

  @Test
  void queryGsi_pagingThroughEqualIndexKeys_returnsEveryEntryOnceWithIndexAndTableKeys() {
    for (int i = 0; i < 7; i++) {
      put(item("p" + (i % 3), i, "G", 1, null));
    }
    List<String> seen = new ArrayList<>();
    Item start = null;
    do {
      Item from = start;
      QueryResponse page = engine.query(q -> q.tableName("Idx").indexName("byGAll").keyConditionExpression("g = :g")
          .expressionAttributeValues(Map.of(":g", s("G"))).limit(2).exclusiveStartKey(from));
      seen.addAll(keys(page));
      start = page.lastEvaluatedKey();
      if (start != null) {
        assertThat(start.keySet()).containsExactlyInAnyOrder("pk", "sk", "g");
      }
    } while (start != null);
    assertThat(seen).containsExactly("p00", "p03", "p06", "p11", "p14", "p22", "p25");
  }

  @Test
  void queryGsi_lastEvaluatedItemLeavesThePartitionMeanwhile_nextPageResumesRightAfterIt() {
    for (int i = 0; i < 6; i++) {
      put(item("a", i, "G", i, null));
    }
    QueryResponse first = engine.query(q -> q.tableName("Idx").indexName("byG").keyConditionExpression("g = :g")
        .expressionAttributeValues(Map.of(":g", s("G"))).limit(3));
    assertThat(keys(first)).containsExactly("a0", "a1", "a2");
    put(item("a", 2, "H", 2, null)); // the last item read moves to another index partition
    put(item("a", 1, "G", 9, null)); // an item already returned moves behind the start key
    QueryResponse second = engine.query(q -> q.tableName("Idx").indexName("byG").keyConditionExpression("g = :g")
        .expressionAttributeValues(Map.of(":g", s("G"))).exclusiveStartKey(first.lastEvaluatedKey()));
    assertThat(keys(second)).containsExactly("a3", "a4", "a5", "a1");
  }

  @Test
  void queryGsi_keysOnlyProjection_returnsIndexAndTableKeys() {
    put(item("a", 1, "G", 3, "L"));
    QueryResponse response = engine.query(q -> q.tableName("Idx").indexName("byGs").keyConditionExpression("gs = :s")
        .expressionAttributeValues(Map.of(":s", n(3))));
    assertThat(response.items()).containsExactly(Item.of("pk", s("a"), "sk", n(1), "gs", n(3)));
    QueryResponse all = engine.query(q -> q.tableName("Idx").indexName("byGs").keyConditionExpression("gs = :s")
        .expressionAttributeValues(Map.of(":s", n(3))).select(Select.ALL_PROJECTED_ATTRIBUTES).limit(1));
    assertThat(all.items()).containsExactly(Item.of("pk", s("a"), "sk", n(1), "gs", n(3)));
    assertThat(all.lastEvaluatedKey()).isEqualTo(Item.of("pk", s("a"), "sk", n(1), "gs", n(3)));
  }

  @Test
  void queryGsi_afterTheIndexKeyChanges_findsTheItemOnlyUnderItsNewKey() {
    put(item("a", 1, "G", 1, null));
    put(item("a", 1, "H", 1, null));
    assertThat(engine.query(q -> q.tableName("Idx").indexName("byG").keyConditionExpression("g = :g")
        .expressionAttributeValues(Map.of(":g", s("G")))).count()).isZero();
    assertThat(keys(engine.query(q -> q.tableName("Idx").indexName("byG").keyConditionExpression("g = :g")
        .expressionAttributeValues(Map.of(":g", s("H")))))).containsExactly("a1");
  }

  @Test
  void queryGsi_consistentRead_isRejected() {
    assertThatThrownBy(() -> engine.query(q -> q.tableName("Idx").indexName("byGAll").keyConditionExpression("g = :g")
        .expressionAttributeValues(Map.of(":g", s("G"))).consistentRead(true)))
        .isInstanceOf(ValidationException.class).hasMessage("Consistent reads are not supported on global secondary indexes");
  }

  @Test
  void queryLsi_defaultSelect_returnsProjectedAttributesInIndexOrder() {
    put(item("a", 1, null, null, "m"));
    put(item("a", 2, null, null, "c"));
    put(item("a", 3, null, null, null)); // not in byL
    put(item("b", 1, null, null, "a"));
    QueryResponse response = engine.query(q -> q.tableName("Idx").indexName("byL").keyConditionExpression("pk = :p")
        .expressionAttributeValues(Map.of(":p", s("a"))).consistentRead(true));
    assertThat(response.items()).containsExactly(
        Item.builder().put("pk", s("a")).put("sk", n(2)).put("x", s("xa2")).put("l", s("c")).build(),
        Item.builder().put("pk", s("a")).put("sk", n(1)).put("x", s("xa1")).put("l", s("m")).build());
    QueryResponse page = engine.query(q -> q.tableName("Idx").indexName("byL").keyConditionExpression("pk = :p AND l > :l")
        .expressionAttributeValues(Map.of(":p", s("a"), ":l", s("b"))).limit(1));
    assertThat(page.lastEvaluatedKey()).isEqualTo(Item.of("pk", s("a"), "sk", n(2), "l", s("c")));
  }

  @Test
  void queryLsi_allAttributesOrNonProjectedAttributes_fetchesThemFromTheTable() {
    put(item("a", 1, "G", 4, "m"));
    QueryResponse all = engine.query(q -> q.tableName("Idx").indexName("byL").keyConditionExpression("pk = :p")
        .expressionAttributeValues(Map.of(":p", s("a"))).select(Select.ALL_ATTRIBUTES));
    assertThat(all.items()).containsExactly(item("a", 1, "G", 4, "m"));
    QueryResponse projected = engine.query(q -> q.tableName("Idx").indexName("byL").keyConditionExpression("pk = :p")
        .expressionAttributeValues(Map.of(":p", s("a"))).projectionExpression("y, x, gs"));
    assertThat(projected.items()).containsExactly(Item.of("y", s("ya1"), "x", s("xa1"), "gs", n(4)));
  }

  @Test
  void queryLsi_filterOnProjectedAttribute_filtersIndexEntries() {
    put(item("a", 1, null, null, "m"));
    put(item("a", 2, null, null, "n"));
    QueryResponse response = engine.query(q -> q.tableName("Idx").indexName("byL").keyConditionExpression("pk = :p")
        .filterExpression("x = :x").expressionAttributeValues(Map.of(":p", s("a"), ":x", s("xa2"))));
    assertThat(keys(response)).containsExactly("a2");
    assertThat(response.scannedCount()).isEqualTo(2);
  }

  @Test
  void queryGsiAllProjection_selectAllAttributes_returnsWholeItems() {
    put(item("a", 1, "G", null, null));
    QueryResponse response = engine.query(q -> q.tableName("Idx").indexName("byGAll").keyConditionExpression("g = :g")
        .expressionAttributeValues(Map.of(":g", s("G"))).select(Select.ALL_ATTRIBUTES));
    assertThat(response.items()).containsExactly(item("a", 1, "G", null, null));
  }

  // ---------------------------------------------------------------- multi-attribute keys

  private void createMatches() {
    engine.createTable(t -> t.tableName("Matches").keySchema(KeySchemaElement.hash("id"))
        .attributeDefinitions(AttributeDefinition.string("id"), AttributeDefinition.string("tournament"),
            AttributeDefinition.string("area"), AttributeDefinition.number("round"), AttributeDefinition.string("bracket"))
        .billingMode(BillingMode.PAY_PER_REQUEST)
        .globalSecondaryIndexes(gsi("byTournament",
            List.of(KeySchemaElement.hash("tournament"), KeySchemaElement.hash("area"), KeySchemaElement.range("round"),
                KeySchemaElement.range("bracket")), Projection.keysOnly())));
    String[][] rows = {
        {"1", "W24", "EU", "1", "upper"}, {"2", "W24", "EU", "1", "lower"}, {"3", "W24", "EU", "2", "upper"},
        {"4", "W24", "EU", "2", "lower"}, {"5", "W24", "EU", "3", "final"}, {"6", "W24", "US", "1", "upper"},
        {"7", "S25", "EU", "1", "upper"}};
    for (String[] r : rows) {
      engine.putItem(p -> p.tableName("Matches").item(Item.builder().put("id", s(r[0])).put("tournament", s(r[1]))
          .put("area", s(r[2])).put("round", n(r[3])).put("bracket", s(r[4])).build()));
    }
    engine.putItem(p -> p.tableName("Matches").item(Item.of("id", s("8"), "tournament", s("W24"), "area", s("EU"))));
  }

  private List<String> matchIds(String condition, Map<String, io.dynamo4j.model.AttributeValue> values) {
    QueryResponse response = engine.query(q -> q.tableName("Matches").indexName("byTournament")
        .keyConditionExpression(condition).expressionAttributeValues(values));
    List<String> ids = new ArrayList<>();
    for (Item i : response.items()) {
      ids.add(((io.dynamo4j.model.AttributeValue.S) i.get("id")).value());
    }
    return ids;
  }

  @Test
  void queryMultiAttributeGsi_partitionEqualities_returnTheWholePartitionInSortOrder() {
    createMatches();
    assertThat(matchIds("tournament = :t AND area = :r", Map.of(":t", s("W24"), ":r", s("EU"))))
        .containsExactly("2", "1", "4", "3", "5");
  }

  @Test
  void queryMultiAttributeGsi_sortEqualityThenRange_narrowsWithinThePartition() {
    createMatches();
    assertThat(matchIds("tournament = :t AND area = :r AND round = :n",
        Map.of(":t", s("W24"), ":r", s("EU"), ":n", n(2)))).containsExactly("4", "3");
    assertThat(matchIds("tournament = :t AND area = :r AND round = :n AND begins_with(bracket, :b)",
        Map.of(":t", s("W24"), ":r", s("EU"), ":n", n(1), ":b", s("up")))).containsExactly("1");
    assertThat(matchIds("tournament = :t AND area = :r AND round >= :n",
        Map.of(":t", s("W24"), ":r", s("EU"), ":n", n(2)))).containsExactly("4", "3", "5");
    assertThat(matchIds("area = :r AND tournament = :t", Map.of(":t", s("W24"), ":r", s("US")))).containsExactly("6");
  }

  @Test
  void queryMultiAttributeGsi_lastEvaluatedKey_holdsEveryIndexKeyAttributeAndResumes() {
    createMatches();
    QueryResponse first = engine.query(q -> q.tableName("Matches").indexName("byTournament")
        .keyConditionExpression("tournament = :t AND area = :r").limit(2)
        .expressionAttributeValues(Map.of(":t", s("W24"), ":r", s("EU"))));
    assertThat(first.lastEvaluatedKey()).isEqualTo(Item.builder().put("tournament", s("W24")).put("area", s("EU"))
        .put("round", n(1)).put("bracket", s("upper")).put("id", s("1")).build());
    QueryResponse rest = engine.query(q -> q.tableName("Matches").indexName("byTournament")
        .keyConditionExpression("tournament = :t AND area = :r").exclusiveStartKey(first.lastEvaluatedKey())
        .expressionAttributeValues(Map.of(":t", s("W24"), ":r", s("EU"))));
    assertThat(rest.count()).isEqualTo(3);
  }

  @Test
  void queryMultiAttributeGsi_missingPartitionAttributeOrSkippedSortAttribute_isRejected() {
    createMatches();
    assertThatThrownBy(() -> matchIds("tournament = :t", Map.of(":t", s("W24"))))
        .isInstanceOf(ValidationException.class).hasMessage("Query condition missed key schema element: area");
    assertThatThrownBy(() -> matchIds("tournament = :t AND area = :r AND bracket = :b",
        Map.of(":t", s("W24"), ":r", s("EU"), ":b", s("upper"))))
        .isInstanceOf(ValidationException.class).hasMessage("Query condition missed key schema element: round");
    assertThatThrownBy(() -> matchIds("tournament = :t AND area = :r AND round > :n AND bracket = :b",
        Map.of(":t", s("W24"), ":r", s("EU"), ":n", n(1), ":b", s("upper"))))
        .isInstanceOf(ValidationException.class).hasMessage("Query key condition not supported");
  }
}
