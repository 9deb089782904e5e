package io.dynamo4j.engine.tck.items;

import static io.dynamo4j.model.AttributeValue.b;
import static io.dynamo4j.model.AttributeValue.l;
import static io.dynamo4j.model.AttributeValue.m;
import static io.dynamo4j.model.AttributeValue.n;
import static io.dynamo4j.model.AttributeValue.ns;
import static io.dynamo4j.model.AttributeValue.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.dynamo4j.api.AttributeDefinition;
import io.dynamo4j.api.BillingMode;
import io.dynamo4j.api.ComparisonOperator;
import io.dynamo4j.api.ExpectedAttributeValue;
import io.dynamo4j.api.KeySchemaElement;
import io.dynamo4j.api.PutItemResponse;
import io.dynamo4j.api.ReturnValue;
import io.dynamo4j.api.ReturnValuesOnConditionCheckFailure;
import io.dynamo4j.engine.tck.EngineTest;
import io.dynamo4j.error.ConditionalCheckFailedException;
import io.dynamo4j.model.AttributeValue;
import io.dynamo4j.model.Item;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** PutItem: replace-whole semantics, ReturnValues, conditions, and the largest values DynamoDB accepts. */
class PutItemTest extends EngineTest {

  private static final Item KEY = Item.of("pk", s("a"), "sk", n(1));

  @BeforeEach
  void createTable() {
    createSimpleTable("Items", true);
  }

  private Item get(Item key) {
    return engine.getItem(g -> g.tableName("Items").key(key).consistentRead(true)).item();
  }

  @Test
  void putItem_newItem_getItemReturnsIt() {
    Item item = KEY.with("n", n("12.50")).with("tags", ns(3, 1)).with("m", m(Map.of("x", l(s("y"), n(2)))));
    PutItemResponse response = engine.putItem(p -> p.tableName("Items").item(item));
    assertThat(response.attributes()).isNull();
    assertThat(response.consumedCapacity()).isNull();
    assertThat(get(KEY)).isEqualTo(item);
  }

  @Test
  void putItem_existingItem_replacesItWhole() {
    engine.putItem(p -> p.tableName("Items").item(KEY.with("a", s("1")).with("b", s("2"))));
    engine.putItem(p -> p.tableName("Items").item(KEY.with("c", s("3"))));
    assertThat(get(KEY)).isEqualTo(KEY.with("c", s("3")));
    assertThat(engine.describeTable(d -> d.tableName("Items")).table().itemCount()).isEqualTo(1);
  }

  @Test
  void putItem_returnValuesAllOld_returnsThePreviousItemOnlyWhenThereWasOne() {
    Item first = KEY.with("v", s("first"));
    assertThat(engine.putItem(p -> p.tableName("Items").item(first).returnValues(ReturnValue.ALL_OLD)).attributes()).isNull();
    assertThat(engine.putItem(p -> p.tableName("Items").item(KEY.with("v", s("second"))).returnValues(ReturnValue.ALL_OLD)).attributes())
        .isEqualTo(first);
    assertThat(engine.putItem(p -> p.tableName("Items").item(KEY).returnValues(ReturnValue.NONE)).attributes()).isNull();
  }

  @Test
  void putItem_conditionExpression_writesOnlyWhenTrue() {
    engine.putItem(p -> p.tableName("Items").item(KEY.with("v", n(1))).conditionExpression("attribute_not_exists(pk)"));
    ConditionalCheckFailedException failed = catchThrowableOfType(
        () -> engine.putItem(p -> p.tableName("Items").item(KEY.with("v", n(2))).conditionExpression("attribute_not_exists(pk)")),
        ConditionalCheckFailedException.class);
    assertThat(failed.item()).isNull();
    engine.putItem(p -> p.tableName("Items").item(KEY.with("v", n(3))).conditionExpression("v = :one")
        .expressionAttributeValues(Map.of(":one", n(1))));
    assertThat(get(KEY)).isEqualTo(KEY.with("v", n(3)));
  }

  @Test
  void putItem_legacyExpected_isTheCondition() {
    engine.putItem(p -> p.tableName("Items").item(KEY.with("v", n(1))));
    catchThrowableOfType(() -> engine.putItem(p -> p.tableName("Items").item(KEY.with("v", n(9)))
        .expected(Map.of("v", ExpectedAttributeValue.builder().exists(false).build()))), ConditionalCheckFailedException.class);
    engine.putItem(p -> p.tableName("Items").item(KEY.with("v", n(2)))
        .expected(Map.of("v", ExpectedAttributeValue.builder().comparisonOperator(ComparisonOperator.LT).attributeValueList(List.of(n(5))).build())));
    assertThat(get(KEY)).isEqualTo(KEY.with("v", n(2)));
  }

  @Test
  void putItem_conditionFailsWithReturnValuesOnConditionCheckFailureAllOld_exceptionCarriesTheItem() {
    Item stored = KEY.with("v", n(1));
    engine.putItem(p -> p.tableName("Items").item(stored));
    ConditionalCheckFailedException withItem = catchThrowableOfType(() -> engine.putItem(p -> p.tableName("Items").item(KEY)
        .conditionExpression("v = :two").expressionAttributeValues(Map.of(":two", n(2)))
        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)), ConditionalCheckFailedException.class);
    assertThat(withItem.item()).isEqualTo(stored);
    assertThat(withItem).hasMessage("The conditional request failed");
    ConditionalCheckFailedException without = catchThrowableOfType(() -> engine.putItem(p -> p.tableName("Items").item(KEY)
        .conditionExpression("v = :two").expressionAttributeValues(Map.of(":two", n(2)))
        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.NONE)), ConditionalCheckFailedException.class);
    assertThat(without.item()).isNull();
    Item absent = Item.of("pk", s("b"), "sk", n(1));
    ConditionalCheckFailedException noItem = catchThrowableOfType(() -> engine.putItem(p -> p.tableName("Items").item(absent)
        .conditionExpression("attribute_exists(pk)").returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)),
        ConditionalCheckFailedException.class);
    assertThat(noItem.item()).isNull();
    assertThat(get(KEY)).isEqualTo(stored);
    assertThat(get(absent)).isNull();
  }

  @Test
  void putItem_largestValuesDynamoDbAccepts_areStoredAndReturned() {
    engine.createTable(t -> t.tableName("Bin").billingMode(BillingMode.PAY_PER_REQUEST)
        .keySchema(KeySchemaElement.hash("pk"), KeySchemaElement.range("sk"))
        .attributeDefinitions(AttributeDefinition.binary("pk"), AttributeDefinition.string("sk")));
    byte[] hash = new byte[2048];
    hash[0] = 1;
    Item binaryKeys = Item.of("pk", b(hash), "sk", s("\u20ac".repeat(341) + "x"));  // 1024 bytes of UTF-8
    engine.putItem(p -> p.tableName("Bin").item(binaryKeys));
    assertThat(engine.getItem(g -> g.tableName("Bin").key(binaryKeys)).item()).isEqualTo(binaryKeys);

    AttributeValue deep = s("leaf");
    for (int i = 0; i < 31; i++) {
      deep = i % 2 == 0 ? m(Map.of("n", deep)) : l(deep);
    }
    Item limits = Item.of("pk", s("x".repeat(2048)), "sk", n("-9.9999999999999999999999999999999999999E+125"))
        .with("n".repeat(65535), n("1E-130"))
        .with("digits", n("12345678901234567890123456789012345678"))
        .with("deep", deep);
    engine.putItem(p -> p.tableName("Items").item(limits));
    assertThat(get(Item.of("pk", limits.get("pk"), "sk", limits.get("sk")))).isEqualTo(limits);

    // exactly 400 KB: pk (2 + 1) + sk (2 + 2) + x (1 + 409592)
    Item largest = KEY.with("x", s("x".repeat(409592)));
    assertThat(largest.sizeInBytes()).isEqualTo(409600);
    engine.putItem(p -> p.tableName("Items").item(largest));
    assertThat(get(KEY)).isEqualTo(largest);
  }

  @Test
  void putItem_numbersAndSets_areStoredNormalised() {
    engine.putItem(p -> p.tableName("Items").item(KEY.with("n", n("0012.500")).with("ns", ns("3", "1.0"))));
    Item stored = get(KEY);
    assertThat(((AttributeValue.N) stored.get("n")).text()).isEqualTo("12.5");
    assertThat(stored.get("ns")).isEqualTo(ns("1", "3"));
  }
}
