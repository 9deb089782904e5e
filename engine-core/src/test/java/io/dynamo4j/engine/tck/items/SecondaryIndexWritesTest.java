package io.dynamo4j.engine.tck.items;

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
import io.dynamo4j.engine.storage.Cursor;
import io.dynamo4j.engine.storage.KeyRange;
import io.dynamo4j.engine.table.Table;
import io.dynamo4j.engine.tck.EngineTest;
import io.dynamo4j.error.ValidationException;
import io.dynamo4j.model.AttributeValue;
import io.dynamo4j.model.Item;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Secondary indexes are maintained by every write: an item enters each index whose key attributes
 * it has (sparse indexes), as the index's projection; a changed key moves its entry; a removed key
 * or a deleted item removes it. Entries are read straight from the index keyspaces.
 *
 * <p>Fixture {@code Orders}: pk S + sk N; GSI {@code byStatus} on status S + created N (INCLUDE
 * total); GSI {@code byCustomer} on customer S (KEYS_ONLY); GSI {@code byPlace} on region S and
 * city S + stars N (a multi-attribute key, ALL); LSI {@code byTotal} on total N (ALL).
 */
class SecondaryIndexWritesTest extends EngineTest {

  private static final Item KEY = Item.of("pk", s("o1"), "sk", n(1));
  private static final Item ORDER = KEY.with("status", s("NEW")).with("created", n(100)).with("customer", s("c1")).with("total", n(50))
      .with("region", s("eu")).with("city", s("paris")).with("stars", n(1)).with("note", s("fragile"));

  @BeforeEach
  void createTable() {
    engine.createTable(t -> t.tableName("Orders").billingMode(BillingMode.PAY_PER_REQUEST)
        .keySchema(KeySchemaElement.hash("pk"), KeySchemaElement.range("sk"))
        .attributeDefinitions(AttributeDefinition.string("pk"), AttributeDefinition.number("sk"), AttributeDefinition.string("status"),
            AttributeDefinition.number("created"), AttributeDefinition.string("customer"), AttributeDefinition.number("total"),
            AttributeDefinition.string("region"), AttributeDefinition.string("city"), AttributeDefinition.number("stars"))
        .globalSecondaryIndexes(
            GlobalSecondaryIndex.builder().indexName("byStatus").keySchema(KeySchemaElement.hash("status"), KeySchemaElement.range("created"))
                .projection(Projection.include("total")).build(),
            GlobalSecondaryIndex.builder().indexName("byCustomer").keySchema(KeySchemaElement.hash("customer"))
                .projection(Projection.keysOnly()).build(),
            GlobalSecondaryIndex.builder().indexName("byPlace")
                .keySchema(KeySchemaElement.hash("region"), KeySchemaElement.hash("city"), KeySchemaElement.range("stars"))
                .projection(Projection.all()).build())
        .localSecondaryIndexes(LocalSecondaryIndex.builder().indexName("byTotal")
            .keySchema(KeySchemaElement.hash("pk"), KeySchemaElement.range("total")).projection(Projection.all()).build()));
  }

  private List<Item> entries(String index) {
    Table table = engine.operations().context().catalog().get("Orders");
    List<Item> entries = new ArrayList<>();
    try (Cursor c = table.keyspace(table.definition().index(index)).scan(KeyRange.all(), false)) {
      while (c.next()) {
        entries.add(c.item());
      }
    }
    return entries;
  }

  private void update(String expression, Map<String, AttributeValue> values) {
    engine.updateItem(u -> {
      u.tableName("Orders").key(KEY).updateExpression(expression);
      if (values != null) {
        u.expressionAttributeValues(values);
      }
    });
  }

  private void update(String expression, Map<String, AttributeValue> values, Map<String, String> names) {
    engine.updateItem(u -> u.tableName("Orders").key(KEY).updateExpression(expression).expressionAttributeValues(values)
        .expressionAttributeNames(names));
  }

  @Test
  void putItem_withEveryIndexKey_entersEachIndexAsItsProjection() {
    engine.putItem(p -> p.tableName("Orders").item(ORDER));
    assertThat(entries("byStatus")).containsExactly(KEY.with("status", s("NEW")).with("created", n(100)).with("total", n(50)));
    assertThat(entries("byCustomer")).containsExactly(KEY.with("customer", s("c1")));
    assertThat(entries("byPlace")).containsExactly(ORDER);
    assertThat(entries("byTotal")).containsExactly(ORDER);
  }

  @Test
  void putItem_withoutSomeIndexKeys_entersOnlyTheIndexesWhoseKeysItHas() {
    Item partial = KEY.with("customer", s("c1")).with("region", s("eu")).with("stars", n(1)).with("created", n(1));
    engine.putItem(p -> p.tableName("Orders").item(partial));
    assertThat(entries("byStatus")).isEmpty();
    assertThat(entries("byPlace")).as("a multi-attribute key needs every attribute").isEmpty();
    assertThat(entries("byTotal")).isEmpty();
    assertThat(entries("byCustomer")).containsExactly(KEY.with("customer", s("c1")));
  }

  @Test
  void putItem_overwritingWithoutIndexKeys_removesTheEntries() {
    engine.putItem(p -> p.tableName("Orders").item(ORDER));
    engine.putItem(p -> p.tableName("Orders").item(KEY.with("note", s("plain"))));
    assertThat(entries("byStatus")).isEmpty();
    assertThat(entries("byCustomer")).isEmpty();
    assertThat(entries("byPlace")).isEmpty();
    assertThat(entries("byTotal")).isEmpty();
  }

  @Test
  void updateItem_changingAnIndexKey_movesItsEntry() {
    engine.putItem(p -> p.tableName("Orders").item(ORDER));
    update("SET #s = :s, city = :c", Map.of(":s", s("SHIPPED"), ":c", s("lyon")), Map.of("#s", "status"));
    assertThat(entries("byStatus")).containsExactly(KEY.with("status", s("SHIPPED")).with("created", n(100)).with("total", n(50)));
    assertThat(entries("byPlace")).extracting(e -> e.get("city")).containsExactly(s("lyon"));
  }

  @Test
  void updateItem_removingAnIndexKey_removesTheEntryAndProjectedChangesRewriteIt() {
    engine.putItem(p -> p.tableName("Orders").item(ORDER));
    update("REMOVE customer, stars", null);
    assertThat(entries("byCustomer")).isEmpty();
    assertThat(entries("byPlace")).isEmpty();
    update("SET #t = :t", Map.of(":t", n(60)), Map.of("#t", "total"));
    assertThat(entries("byStatus")).containsExactly(KEY.with("status", s("NEW")).with("created", n(100)).with("total", n(60)));
    assertThat(entries("byTotal")).extracting(e -> e.get("total")).containsExactly(n(60));
  }

  @Test
  void deleteItem_removesEveryEntry() {
    engine.putItem(p -> p.tableName("Orders").item(ORDER));
    engine.deleteItem(d -> d.tableName("Orders").key(KEY));
    for (String index : List.of("byStatus", "byCustomer", "byPlace", "byTotal")) {
      assertThat(entries(index)).as(index).isEmpty();
    }
  }

  @Test
  void entriesWithEqualIndexKeys_areOrderedByTheTableKey() {
    for (String pk : List.of("c", "a", "b")) {
      engine.putItem(p -> p.tableName("Orders").item(Item.of("pk", s(pk), "sk", n(1), "status", s("NEW"), "created", n(5))));
    }
    assertThat(entries("byStatus")).extracting(e -> e.get("pk")).containsExactly(s("a"), s("b"), s("c"));
  }

  @Test
  void multiAttributeKey_eachAttributeIsTypeChecked() {
    assertThatThrownBy(() -> engine.putItem(p -> p.tableName("Orders").item(KEY.with("city", n(3)))))
        .isInstanceOf(ValidationException.class)
        .hasMessage("One or more parameter values were invalid: Type mismatch for Index Key city Expected: S Actual: N IndexName: byPlace");
    assertThatThrownBy(() -> engine.updateItem(u -> u.tableName("Orders").key(KEY).updateExpression("SET stars = :r")
        .expressionAttributeValues(Map.of(":r", s("first")))))
        .isInstanceOf(ValidationException.class)
        .hasMessage("One or more parameter values were invalid: Type mismatch for Index Key stars Expected: N Actual: S IndexName: byPlace");
    assertThat(entries("byPlace")).isEmpty();
  }
}
