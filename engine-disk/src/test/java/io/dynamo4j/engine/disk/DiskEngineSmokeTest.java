package io.dynamo4j.engine.disk;

import static io.dynamo4j.model.AttributeValue.n;
import static io.dynamo4j.model.AttributeValue.s;
import static org.assertj.core.api.Assertions.assertThat;

import io.dynamo4j.api.AttributeDefinition;
import io.dynamo4j.api.BillingMode;
import io.dynamo4j.api.KeySchemaElement;
import io.dynamo4j.engine.LocalEngine;
import io.dynamo4j.model.Item;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiskEngineSmokeTest {

  @TempDir
  Path dir;

  @Test
  void open_putCloseReopen_itemIsThere() {
    try (LocalEngine engine = DiskEngine.open(dir)) {
      engine.createTable(t -> t.tableName("Orders")
          .keySchema(KeySchemaElement.hash("id"))
          .attributeDefinitions(AttributeDefinition.string("id"))
          .billingMode(BillingMode.PAY_PER_REQUEST));
      engine.putItem(p -> p.tableName("Orders").item(Item.of("id", s("o-1"), "total", n("12.50"))));
    }
    try (LocalEngine engine = DiskEngine.open(dir)) {
      Item order = engine.getItem(g -> g.tableName("Orders").key(Item.of("id", s("o-1")))).item();
      assertThat(order.getN("total")).isEqualByComparingTo("12.5");
      assertThat(engine.describeTable(d -> d.tableName("Orders")).table().itemCount()).isEqualTo(1);
    }
  }
}
