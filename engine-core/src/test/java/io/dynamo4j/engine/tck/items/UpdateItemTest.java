package io.dynamo4j.engine.tck.items;

import static io.dynamo4j.model.AttributeValue.l;
import static io.dynamo4j.model.AttributeValue.m;
import static io.dynamo4j.model.AttributeValue.n;
import static io.dynamo4j.model.AttributeValue.s;
import static io.dynamo4j.model.AttributeValue.ss;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.dynamo4j.api.AttributeAction;
import io.dynamo4j.api.AttributeValueUpdate;
import io.dynamo4j.api.ReturnConsumedCapacity;
import io.dynamo4j.api.ReturnValue;
import io.dynamo4j.api.ReturnValuesOnConditionCheckFailure;
import io.dynamo4j.api.UpdateItemRequest;
import io.dynamo4j.engine.tck.EngineTest;
import io.dynamo4j.error.ConditionalCheckFailedException;
import io.dynamo4j.model.AttributeValue;
import io.dynamo4j.model.Item;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** UpdateItem: creating items, the five ReturnValues, conditions, legacy AttributeUpdates and updates that change nothing. */
class UpdateItemTest extends EngineTest {

  private static final Item KEY = Item.of("pk", s("a"));

  @BeforeEach
  void createTable() {
    createSimpleTable("Items", false);
  }

  private Item get(Item key) {
    return engine.getItem(g -> g.tableName("Items").key(key).consistentRead(true)).item();
  }

  private Item update(String expression, Map<String, AttributeValue> values, ReturnValue returnValues) {
    return engine.updateItem(u -> {
      u.tableName("Items").key(KEY).updateExpression(expression).returnValues(returnValues);
      if (values != null) {
        u.expressionAttributeValues(values);
      }
    }).attributes();
  }

  @Test
  void updateItem_absentItem_isCreatedFromTheKeyAndTheUpdate() {
    update("SET a = :v, b = if_not_exists(b, pk)", Map.of(":v", n(1)), null);
    assertThat(get(KEY)).isEqualTo(Item.of("pk", s("a"), "a", n(1), "b", s("a")));
  }

  @Test
  void updateItem_withoutActions_createsAnItemOfJustTheKeyAndLeavesAnExistingOneAlone() {
    assertThat(engine.updateItem(u -> u.tableName("Items").key(KEY).returnValues(ReturnValue.ALL_NEW)).attributes()).isEqualTo(KEY);
    engine.putItem(p -> p.tableName("Items").item(KEY.with("x", s("1"))));
    assertThat(engine.updateItem(u -> u.tableName("Items").key(KEY).attributeUpdates(Map.of()).returnValues(ReturnValue.ALL_NEW)).attributes())
        .isEqualTo(KEY.with("x", s("1")));
  }

  @Test
  void updateItem_onlyRemoveOnAnAbsentItem_createsNothing() {
    assertThat(update("REMOVE a", null, ReturnValue.ALL_NEW)).isNull();
    assertThat(get(KEY)).isNull();
    assertThat(engine.describeTable(d -> d.tableName("Items")).table().itemCount()).isZero();
  }

  @ParameterizedTest
  @EnumSource(ReturnValue.class)
  void updateItem_returnValues_returnWhatDynamoDbReturns(ReturnValue returnValues) {
    Item before = KEY.with("a", n(1)).with("m", m(Map.of("b", s("x"), "c", l(n(1), n(2))))).with("keep", s("k"));
    Item after = KEY.with("a", n(2)).with("m", m(Map.of("b", s("y"), "c", l(n(1), n(2))))).with("keep", s("k")).with("fresh", s("f"));
    engine.putItem(p -> p.tableName("Items").item(before));
    Item attributes = update("SET a = a + :one, m.b = :y, fresh = :f", Map.of(":one", n(1), ":y", s("y"), ":f", s("f")), returnValues);
    Item expected = switch (returnValues) {
      case NONE -> null;
      case ALL_OLD -> before;
      case ALL_NEW -> after;
      case UPDATED_OLD -> Item.of("a", n(1), "m", m(Map.of("b", s("x"))));
      case UPDATED_NEW -> Item.of("a", n(2), "m", m(Map.of("b", s("y"))), "fresh", s("f"));
    };
    assertThat(attributes).isEqualTo(expected);
    assertThat(get(KEY)).isEqualTo(after);
  }

  @Test
  void updateItem_updatedOldOfAttributesThatDidNotExist_returnsNoAttributes() {
    engine.putItem(p -> p.tableName("Items").item(KEY));
    assertThat(update("SET a = :v", Map.of(":v", s("v")), ReturnValue.UPDATED_OLD)).isNull();
    assertThat(update("REMOVE a", null, ReturnValue.UPDATED_NEW)).isNull();
    assertThat(update("SET a = :v", Map.of(":v", s("w")), ReturnValue.UPDATED_OLD)).isNull();
    assertThat(update("SET a = :v", Map.of(":v", s("z")), ReturnValue.UPDATED_OLD)).isEqualTo(Item.of("a", s("w")));
    assertThat(get(KEY)).isEqualTo(KEY.with("a", s("z")));
  }

  @Test
  void updateItem_conditionFalse_leavesTheItemAndCanReturnIt() {
    Item stored = KEY.with("version", n(3));
    engine.putItem(p -> p.tableName("Items").item(stored));
    ConditionalCheckFailedException failed = catchThrowableOfType(() -> engine.updateItem(u -> u.tableName("Items").key(KEY)
        .updateExpression("SET version = version + :one").conditionExpression("version = :expected")
        .expressionAttributeValues(Map.of(":one", n(1), ":expected", n(2)))
        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)), ConditionalCheckFailedException.class);
    assertThat(failed.item()).isEqualTo(stored);
    assertThat(get(KEY)).isEqualTo(stored);
    engine.updateItem(u -> u.tableName("Items").key(KEY).updateExpression("SET version = version + :one").conditionExpression("version = :expected")
        .expressionAttributeValues(Map.of(":one", n(1), ":expected", n(3))));
    assertThat(get(KEY)).isEqualTo(KEY.with("version", n(4)));
  }

  @Test
  void updateItem_legacyAttributeUpdates_putAddAndDelete() {
    Consumer<UpdateItemRequest.Builder> first = u -> u.tableName("Items").key(KEY).attributeUpdates(Map.of(
        "count", new AttributeValueUpdate(n(5), AttributeAction.ADD),
        "tags", new AttributeValueUpdate(ss("a", "b"), AttributeAction.ADD),
        "name", new AttributeValueUpdate(s("n"), AttributeAction.PUT)));
    engine.updateItem(first);
    engine.updateItem(u -> u.tableName("Items").key(KEY).attributeUpdates(Map.of(
        "count", new AttributeValueUpdate(n(-2), AttributeAction.ADD),
        "tags", new AttributeValueUpdate(ss("a"), AttributeAction.DELETE),
        "name", new AttributeValueUpdate(null, AttributeAction.DELETE))));
    assertThat(get(KEY)).isEqualTo(KEY.with("count", n(3)).with("tags", ss("b")));
  }

  @Test
  void updateItem_thatChangesNothing_succeedsAndConsumesCapacity() {
    Item stored = KEY.with("a", s("x".repeat(2000)));
    engine.putItem(p -> p.tableName("Items").item(stored));
    double units = engine.updateItem(u -> u.tableName("Items").key(KEY).updateExpression("SET a = a")
        .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity().capacityUnits();
    assertThat(units).isEqualTo(2.0);
    assertThat(get(KEY)).isEqualTo(stored);
  }
}
