package io.dynamo4j.engine.tck.items;

import static io.dynamo4j.model.AttributeValue.n;
import static io.dynamo4j.model.AttributeValue.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.dynamo4j.api.DeleteItemResponse;
import io.dynamo4j.api.ExpectedAttributeValue;
import io.dynamo4j.api.ReturnConsumedCapacity;
import io.dynamo4j.api.ReturnValue;
import io.dynamo4j.api.ReturnValuesOnConditionCheckFailure;
import io.dynamo4j.engine.tck.EngineTest;
import io.dynamo4j.error.ConditionalCheckFailedException;
import io.dynamo4j.model.Item;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** DeleteItem: removal, ReturnValues ALL_OLD, conditions, and deleting what is not there. */
class DeleteItemTest extends EngineTest {

  private static final Item KEY = Item.of("pk", s("a"), "sk", n(1));
  private static final Item ITEM = KEY.with("v", n(7));

  @BeforeEach
  void createTable() {
    createSimpleTable("Items", true);
    engine.putItem(p -> p.tableName("Items").item(ITEM));
  }

  private Item get(Item key) {
    return engine.getItem(g -> g.tableName("Items").key(key).consistentRead(true)).item();
  }

  @Test
  void deleteItem_existingItem_removesItAndReturnsItWhenAsked() {
    DeleteItemResponse response = engine.deleteItem(d -> d.tableName("Items").key(KEY).returnValues(ReturnValue.ALL_OLD));
    assertThat(response.attributes()).isEqualTo(ITEM);
    assertThat(get(KEY)).isNull();
    assertThat(engine.describeTable(d -> d.tableName("Items")).table().itemCount()).isZero();
  }

  @Test
  void deleteItem_absentItem_succeedsWithoutAttributesAndConsumesOneUnit() {
    DeleteItemResponse response = engine.deleteItem(d -> d.tableName("Items").key(Item.of("pk", s("b"), "sk", n(1)))
        .returnValues(ReturnValue.ALL_OLD).returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
    assertThat(response.attributes()).isNull();
    assertThat(response.consumedCapacity().capacityUnits()).isEqualTo(1.0);
    assertThat(get(KEY)).isEqualTo(ITEM);
  }

  @Test
  void deleteItem_withoutReturnValues_returnsNoAttributes() {
    assertThat(engine.deleteItem(d -> d.tableName("Items").key(KEY)).attributes()).isNull();
    assertThat(get(KEY)).isNull();
  }

  @Test
  void deleteItem_condition_deletesOnlyWhenTrue() {
    ConditionalCheckFailedException failed = catchThrowableOfType(() -> engine.deleteItem(d -> d.tableName("Items").key(KEY)
        .conditionExpression("v > :v").expressionAttributeValues(Map.of(":v", n(7)))
        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)), ConditionalCheckFailedException.class);
    assertThat(failed.item()).isEqualTo(ITEM);
    assertThat(get(KEY)).isEqualTo(ITEM);
    catchThrowableOfType(() -> engine.deleteItem(d -> d.tableName("Items").key(Item.of("pk", s("b"), "sk", n(1)))
        .conditionExpression("attribute_exists(pk)")), ConditionalCheckFailedException.class);
    catchThrowableOfType(() -> engine.deleteItem(d -> d.tableName("Items").key(KEY)
        .expected(Map.of("v", ExpectedAttributeValue.builder().exists(false).build()))), ConditionalCheckFailedException.class);
    engine.deleteItem(d -> d.tableName("Items").key(KEY).conditionExpression("v = :v").expressionAttributeValues(Map.of(":v", n(7))));
    assertThat(get(KEY)).isNull();
  }
}
