package io.dynamo4j.engine.tck.txn;

import static io.dynamo4j.model.AttributeValue.n;
import static io.dynamo4j.model.AttributeValue.s;
import static org.assertj.core.api.Assertions.assertThat;

import io.dynamo4j.api.ItemResponse;
import io.dynamo4j.api.TransactGetItem;
import io.dynamo4j.api.TransactGetItemsRequest;
import io.dynamo4j.engine.tck.EngineTest;
import io.dynamo4j.model.Item;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** TransactGetItems: items in request order, absent items as empty responses, projections, several tables. */
class TransactGetItemsTest extends EngineTest {

  private static TransactGetItem read(String table, Item key) {
    return TransactGetItem.builder().get(g -> g.tableName(table).key(key)).build();
  }

  @Test
  void transactGetItems_itemsInRequestOrder_absentOnesEmpty_acrossTables() {
    createSimpleTable("One", false);
    createSimpleTable("Two", true);
    Item a = Item.of("pk", s("a"), "x", n(1));
    Item b = Item.of("pk", s("b"), "sk", n(2), "y", s("why"));
    engine.putItem(p -> p.tableName("One").item(a));
    engine.putItem(p -> p.tableName("Two").item(b));

    List<ItemResponse> responses = engine.transactGetItems(TransactGetItemsRequest.builder().transactItems(
        read("Two", Item.of("pk", s("b"), "sk", n(2))),
        read("One", Item.of("pk", s("missing"))),
        read("One", Item.of("pk", s("a")))).build()).responses();

    assertThat(responses).extracting(ItemResponse::item).containsExactly(b, null, a);
  }

  @Test
  void transactGetItems_projection_returnsOnlyTheNamedAttributes() {
    createSimpleTable("One", false);
    engine.putItem(p -> p.tableName("One").item(Item.of("pk", s("a"), "x", n(1), "y", n(2), "z", n(3))));
    List<ItemResponse> responses = engine.transactGetItems(TransactGetItemsRequest.builder().transactItems(
        TransactGetItem.builder().get(g -> g.tableName("One").key(Item.of("pk", s("a"))).projectionExpression("#x, z")
            .expressionAttributeNames(Map.of("#x", "x"))).build()).build()).responses();
    assertThat(responses.get(0).item()).isEqualTo(Item.of("x", n(1), "z", n(3)));
  }

  @Test
  void transactGetItems_oneHundredReads_allReturned() {
    createSimpleTable("One", false);
    TransactGetItem[] reads = new TransactGetItem[100];
    for (int i = 0; i < 100; i++) {
      Item item = Item.of("pk", s("k" + i), "i", n(i));
      engine.putItem(p -> p.tableName("One").item(item));
      reads[i] = read("One", Item.of("pk", s("k" + i)));
    }
    List<ItemResponse> responses = engine.transactGetItems(TransactGetItemsRequest.builder().transactItems(reads).build()).responses();
    assertThat(responses).hasSize(100);
    for (int i = 0; i < 100; i++) {
      assertThat(responses.get(i).item()).isEqualTo(Item.of("pk", s("k" + i), "i", n(i)));
    }
  }

  @Test
  void transactGetItems_afterReads_locksAreReleased() {
    createSimpleTable("One", false);
    engine.transactGetItems(TransactGetItemsRequest.builder().transactItems(read("One", Item.of("pk", s("a")))).build());
    assertThat(engine.operations().context().locks().size()).isZero();
    engine.putItem(p -> p.tableName("One").item(Item.of("pk", s("a"))));
  }
}
