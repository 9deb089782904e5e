package io.dynamo4j.engine.memory;

import static io.dynamo4j.model.AttributeValue.n;
import static io.dynamo4j.model.AttributeValue.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dynamo4j.api.AttributeDefinition;
import io.dynamo4j.api.BillingMode;
import io.dynamo4j.api.GlobalSecondaryIndex;
import io.dynamo4j.api.KeySchemaElement;
import io.dynamo4j.api.Projection;
import io.dynamo4j.api.TableDescription;
import io.dynamo4j.api.TableStatus;
import io.dynamo4j.engine.LocalEngine;
import io.dynamo4j.error.ResourceInUseException;
import io.dynamo4j.error.ResourceNotFoundException;
import io.dynamo4j.model.Item;
import org.junit.jupiter.api.Test;

/** The memory engine end to end: a table with an index, writes, reads and live counters. */
class MemoryEngineSmokeTest {

  @Test
  void createPutGetDescribe_countsItemsAndIndexEntries() {
    try (LocalEngine engine = MemoryEngine.create()) {
      engine.createTable(t -> t.tableName("Orders")
          .keySchema(KeySchemaElement.hash("customer"), KeySchemaElement.range("orderId"))
          .attributeDefinitions(AttributeDefinition.string("customer"), AttributeDefinition.number("orderId"),
              AttributeDefinition.string("status"))
          .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("byStatus")
              .keySchema(KeySchemaElement.hash("status")).projection(Projection.keysOnly()).build())
          .billingMode(BillingMode.PAY_PER_REQUEST));
      Item order = Item.of("customer", s("c1"), "orderId", n(7), "status", s("NEW"), "total", n("12.50"));
      engine.putItem(p -> p.tableName("Orders").item(order));
      engine.putItem(p -> p.tableName("Orders").item(Item.of("customer", s("c1"), "orderId", n(8))));

      Item got = engine.getItem(g -> g.tableName("Orders").key(Item.of("customer", s("c1"), "orderId", n("7.0")))).item();
      assertThat(got).isEqualTo(order);
      assertThat(got.getN("total")).isEqualByComparingTo("12.5");

      TableDescription d = engine.describeTable(r -> r.tableName("Orders")).table();
      assertThat(d.tableStatus()).isEqualTo(TableStatus.ACTIVE);
      assertThat(d.itemCount()).isEqualTo(2);
      assertThat(d.tableSizeBytes()).isEqualTo(order.sizeInBytes() + Item.of("customer", s("c1"), "orderId", n(8)).sizeInBytes());
      assertThat(d.globalSecondaryIndexes()).singleElement().satisfies(g -> {
        assertThat(g.itemCount()).isEqualTo(1); // sparse: only the item with a status
        assertThat(g.indexSizeBytes()).isEqualTo(Item.of("customer", s("c1"), "orderId", n(7), "status", s("NEW")).sizeInBytes());
      });
    }
  }

  @Test
  void missingTables_andDuplicateNames_failAsDynamoDb() {
    try (LocalEngine engine = MemoryEngine.create()) {
      assertThatThrownBy(() -> engine.getItem(g -> g.tableName("Nope").key(Item.of("k", s("v")))))
          .isInstanceOf(ResourceNotFoundException.class).hasMessage("Requested resource not found");
      assertThatThrownBy(() -> engine.describeTable(r -> r.tableName("Nope")))
          .isInstanceOf(ResourceNotFoundException.class).hasMessage("Requested resource not found: Table: Nope not found");
      engine.createTable(t -> t.tableName("Tb1").keySchema(KeySchemaElement.hash("k"))
          .attributeDefinitions(AttributeDefinition.string("k")).billingMode(BillingMode.PAY_PER_REQUEST));
      assertThatThrownBy(() -> engine.createTable(t -> t.tableName("Tb1").keySchema(KeySchemaElement.hash("k"))
          .attributeDefinitions(AttributeDefinition.string("k")).billingMode(BillingMode.PAY_PER_REQUEST)))
          .isInstanceOf(ResourceInUseException.class).hasMessage("Table already exists: Tb1");
    }
  }
}
