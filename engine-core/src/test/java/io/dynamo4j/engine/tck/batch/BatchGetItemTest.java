package io.dynamo4j.engine.tck.batch;

import static io.dynamo4j.model.AttributeValue.n;
import static io.dynamo4j.model.AttributeValue.s;
import static org.assertj.core.api.Assertions.assertThat;

import io.dynamo4j.api.BatchGetItemResponse;
import io.dynamo4j.api.Capacity;
import io.dynamo4j.api.ConsumedCapacity;
import io.dynamo4j.api.KeysAndAttributes;
import io.dynamo4j.api.ReturnConsumedCapacity;
import io.dynamo4j.engine.tck.EngineTest;
import io.dynamo4j.model.Item;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * BatchGetItem over several tables: per-table projections and ConsistentRead, absent keys, the
 * capacity of each read, and the 16 MB response limit with UnprocessedKeys that can be sent again
 * as they are.
 *
 * <p>Fixtures: {@code Users} (pk S) and {@code Events} (pk S + sk N).
 */
class BatchGetItemTest extends EngineTest {

  @BeforeEach
  void createTables() {
    createSimpleTable("Users", false);
    createSimpleTable("Events", true);
    engine.putItem(p -> p.tableName("Users").item(Item.of("pk", s("u1"), "name", s("ann"), "age", n(31))));
    engine.putItem(p -> p.tableName("Users").item(Item.of("pk", s("u2"), "name", s("bob"), "age", n(42))));
    engine.putItem(p -> p.tableName("Events").item(Item.of("pk", s("u1"), "sk", n(1), "what", s("login"))));
  }

  private static KeysAndAttributes keys(Item... keys) {
    return KeysAndAttributes.builder().keys(List.of(keys)).build();
  }

  @Test
  void batchGetItem_severalTables_returnsTheItemsThatExist() {
    Map<String, KeysAndAttributes> request = new LinkedHashMap<>();
    request.put("Users", keys(Item.of("pk", s("u1")), Item.of("pk", s("u2")), Item.of("pk", s("nobody"))));
    request.put("Events", keys(Item.of("pk", s("u1"), "sk", n(9))));
    BatchGetItemResponse response = engine.batchGetItem(b -> b.requestItems(request));
    assertThat(response.responses().get("Users")).containsExactlyInAnyOrder(
        Item.of("pk", s("u1"), "name", s("ann"), "age", n(31)), Item.of("pk", s("u2"), "name", s("bob"), "age", n(42)));
    assertThat(response.responses().get("Events")).isEmpty();
    assertThat(response.unprocessedKeys()).isEmpty();
    assertThat(response.consumedCapacity()).isNull();
  }

  @Test
  void batchGetItem_perTableProjections_applyToTheirTableOnly() {
    Map<String, KeysAndAttributes> request = new LinkedHashMap<>();
    request.put("Users", KeysAndAttributes.builder().keys(List.of(Item.of("pk", s("u1")))).projectionExpression("#n")
        .expressionAttributeNames(Map.of("#n", "name")).build());
    request.put("Events", KeysAndAttributes.builder().keys(List.of(Item.of("pk", s("u1"), "sk", n(1)))).attributesToGet(List.of("what")).build());
    BatchGetItemResponse response = engine.batchGetItem(b -> b.requestItems(request));
    assertThat(response.responses().get("Users")).containsExactly(Item.of("name", s("ann")));
    assertThat(response.responses().get("Events")).containsExactly(Item.of("what", s("login")));
  }

  @Test
  void batchGetItem_consumedCapacity_isOneEntryPerTableWithEachKeyChargedOnItsOwn() {
    Map<String, KeysAndAttributes> request = new LinkedHashMap<>();
    request.put("Users", keys(Item.of("pk", s("u1")), Item.of("pk", s("nobody")), Item.of("pk", s("u2"))));
    request.put("Events", KeysAndAttributes.builder().keys(List.of(Item.of("pk", s("u1"), "sk", n(1)))).consistentRead(true).build());
    BatchGetItemResponse response = engine.batchGetItem(b -> b.requestItems(request).returnConsumedCapacity(ReturnConsumedCapacity.INDEXES));
    assertThat(response.consumedCapacity()).containsExactly(
        ConsumedCapacity.builder().tableName("Users").capacityUnits(1.5).table(Capacity.builder().capacityUnits(1.5).build()).build(),
        ConsumedCapacity.builder().tableName("Events").capacityUnits(1.0).table(Capacity.builder().capacityUnits(1.0).build()).build());
  }

  @Test
  void batchGetItem_hundredKeys_areAllRead() {
    List<Item> keys = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      Item item = Item.of("pk", s("k" + i), "sk", n(i));
      engine.putItem(p -> p.tableName("Events").item(item));
      keys.add(item);
    }
    BatchGetItemResponse response = engine.batchGetItem(b -> b.requestItems(Map.of("Events", KeysAndAttributes.builder().keys(keys).build())));
    assertThat(response.responses().get("Events")).containsExactlyInAnyOrderElementsOf(keys);
  }

  @Test
  void batchGetItem_moreThan16Mb_leavesTheRestInUnprocessedKeysThatCanBeSentAgain() {
    List<Item> keys = new ArrayList<>();
    for (int i = 0; i < 45; i++) {
      Item key = Item.of("pk", s("big" + (i < 10 ? "0" : "") + i), "sk", n(1));
      // 400 KB each: 41 of them pass 16 MB
      Item item = key.with("x", s("x".repeat(409600 - key.sizeInBytes() - 1)));
      assertThat(item.sizeInBytes()).isEqualTo(409600);
      engine.putItem(p -> p.tableName("Events").item(item));
      keys.add(key);
    }
    KeysAndAttributes asked = KeysAndAttributes.builder().keys(keys).projectionExpression("pk, sk").consistentRead(true).build();
    BatchGetItemResponse first = engine.batchGetItem(b -> b.requestItems(Map.of("Events", asked)).returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
    assertThat(first.responses().get("Events")).hasSize(40);
    KeysAndAttributes rest = first.unprocessedKeys().get("Events");
    assertThat(rest.keys()).containsExactlyElementsOf(keys.subList(40, 45));
    assertThat(rest.projectionExpression()).isEqualTo("pk, sk");
    assertThat(rest.consistentRead()).isTrue();
    assertThat(first.consumedCapacity().get(0).capacityUnits()).isEqualTo(40 * 100.0);

    BatchGetItemResponse second = engine.batchGetItem(b -> b.requestItems(first.unprocessedKeys()));
    assertThat(second.unprocessedKeys()).isEmpty();
    List<Item> all = new ArrayList<>(first.responses().get("Events"));
    all.addAll(second.responses().get("Events"));
    assertThat(all).containsExactlyInAnyOrderElementsOf(keys);
  }
}
