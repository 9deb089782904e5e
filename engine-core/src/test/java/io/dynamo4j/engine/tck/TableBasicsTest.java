package io.dynamo4j.engine.tck;

import static io.dynamo4j.model.AttributeValue.n;
import static io.dynamo4j.model.AttributeValue.s;
import static org.assertj.core.api.Assertions.assertThat;

import io.dynamo4j.model.Item;
import org.junit.jupiter.api.Test;

/** The smallest contract: a table stores and returns items, and the invariants hold. */
class TableBasicsTest extends EngineTest {

  @Test
  void putThenGet_returnsTheItem() {
    createSimpleTable("Basics", true);
    Item item = Item.of("pk", s("a"), "sk", n(1), "v", s("x"));
    engine.putItem(p -> p.tableName("Basics").item(item));
    assertThat(engine.getItem(g -> g.tableName("Basics").key(Item.of("pk", s("a"), "sk", n(1)))).item()).isEqualTo(item);
    assertThat(engine.getItem(g -> g.tableName("Basics").key(Item.of("pk", s("a"), "sk", n(2)))).item()).isNull();
  }
}
