package io.dynamo4j.engine.expr;

import static io.dynamo4j.model.AttributeValue.n;
import static io.dynamo4j.model.AttributeValue.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dynamo4j.api.AttributeAction;
import io.dynamo4j.api.AttributeValueUpdate;
import io.dynamo4j.api.ComparisonOperator;
import io.dynamo4j.api.ConditionalOperator;
import io.dynamo4j.api.ExpectedAttributeValue;
import io.dynamo4j.api.GetItemRequest;
import io.dynamo4j.api.KeysAndAttributes;
import io.dynamo4j.api.PutItemRequest;
import io.dynamo4j.api.QueryRequest;
import io.dynamo4j.api.UpdateItemRequest;
import io.dynamo4j.engine.expr.ExpressionInputs.Operation;
import io.dynamo4j.error.ValidationException;
import io.dynamo4j.model.AttributeValue;
import io.dynamo4j.model.Item;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The request-level rules of {@link ExpressionSet#compile}: which parameters go together, the
 * placeholder maps, and the order DynamoDB reports problems in. Messages as DynamoDB Local 2.6.1
 * words them for the same requests.
 */
class ExpressionSetTest {

  private static final Map<String, String> NAMES = Map.of("#n", "a");
  private static final Map<String, AttributeValue> VALUES = Map.of(":v", s("x"));
  private static final Map<String, ExpectedAttributeValue> EXPECTED =
      Map.of("a", ExpectedAttributeValue.builder().exists(false).build());
  private static final Map<String, AttributeValueUpdate> UPDATES =
      Map.of("a", AttributeValueUpdate.builder().action(AttributeAction.PUT).value(s("x")).build());
  private static final Map<String, io.dynamo4j.api.Condition> KEY_CONDITIONS =
      Map.of("pk", new io.dynamo4j.api.Condition(List.of(s("x")), ComparisonOperator.EQ));
  private static final Map<String, io.dynamo4j.api.Condition> FILTER =
      Map.of("a", new io.dynamo4j.api.Condition(null, ComparisonOperator.NULL));

  private static Arguments request(Operation op, UnaryOperator<ExpressionInputs.Builder> setup, String message) {
    return Arguments.of(setup.apply(ExpressionInputs.builder(op)).build(), message);
  }

  static Stream<Arguments> invalidRequests() {
    String mixed = "Can not use both expression and non-expression parameters in the same request: ";
    return Stream.of(
        request(Operation.PUT, b -> b.expected(EXPECTED).conditionExpression("a = b"),
            mixed + "Non-expression parameters: {Expected} Expression parameters: {ConditionExpression}"),
        request(Operation.PUT, b -> b.conditionalOperator(ConditionalOperator.AND).conditionExpression("a = b"),
            mixed + "Non-expression parameters: {ConditionalOperator} Expression parameters: {ConditionExpression}"),
        request(Operation.UPDATE, b -> b.expected(EXPECTED).attributeUpdates(UPDATES).conditionalOperator(ConditionalOperator.OR)
                .updateExpression("").conditionExpression(""),
            mixed + "Non-expression parameters: {AttributeUpdates, Expected, ConditionalOperator} "
                + "Expression parameters: {UpdateExpression, ConditionExpression}"),
        request(Operation.GET, b -> b.attributesToGet(List.of("a")).projectionExpression("a"),
            mixed + "Non-expression parameters: {AttributesToGet} Expression parameters: {ProjectionExpression}"),
        request(Operation.QUERY, b -> b.keyConditions(KEY_CONDITIONS).queryFilter(FILTER).attributesToGet(List.of("a"))
                .conditionalOperator(ConditionalOperator.OR).keyConditionExpression("pk = :v").filterExpression("a = b")
                .projectionExpression("a").expressionAttributeValues(VALUES),
            mixed + "Non-expression parameters: {AttributesToGet, QueryFilter, ConditionalOperator, KeyConditions} "
                + "Expression parameters: {ProjectionExpression, FilterExpression, KeyConditionExpression}"),
        request(Operation.SCAN, b -> b.scanFilter(FILTER).projectionExpression("a"),
            mixed + "Non-expression parameters: {ScanFilter} Expression parameters: {ProjectionExpression}"),
        request(Operation.PUT, b -> b.expressionAttributeNames(NAMES),
            "ExpressionAttributeNames can only be specified when using expressions"),
        request(Operation.GET, b -> b.expressionAttributeNames(Map.of()),
            "ExpressionAttributeNames can only be specified when using expressions"),
        request(Operation.PUT, b -> b.expressionAttributeValues(VALUES),
            "ExpressionAttributeValues can only be specified when using expressions: ConditionExpression is null"),
        request(Operation.UPDATE, b -> b.expressionAttributeValues(VALUES).attributeUpdates(UPDATES),
            "ExpressionAttributeValues can only be specified when using expressions: "
                + "UpdateExpression and ConditionExpression are null"),
        request(Operation.QUERY, b -> b.expressionAttributeValues(VALUES).keyConditions(KEY_CONDITIONS).projectionExpression("a"),
            "ExpressionAttributeValues can only be specified when using expressions: "
                + "FilterExpression and KeyConditionExpression are null"),
        request(Operation.SCAN, b -> b.expressionAttributeValues(VALUES).projectionExpression("a"),
            "ExpressionAttributeValues can only be specified when using expressions: FilterExpression is null"),
        request(Operation.PUT, b -> b.conditionExpression("a = = b").expressionAttributeNames(Map.of())
                .expressionAttributeValues(Map.of()),
            "ExpressionAttributeNames must not be empty"),
        request(Operation.PUT, b -> b.conditionExpression("a = b").expressionAttributeValues(Map.of()),
            "ExpressionAttributeValues must not be empty"),
        request(Operation.PUT, b -> b.conditionExpression("").expressionAttributeNames(Map.of("n", "a"))
                .expressionAttributeValues(Map.of()),
            "ExpressionAttributeNames contains invalid key: Syntax error; key: \"n\""),
        request(Operation.PUT, b -> b.conditionExpression("a = b").expressionAttributeNames(Map.of("#n", ""))
                .expressionAttributeValues(Map.of(":", s("x"))),
            "ExpressionAttributeValues contains invalid key: Syntax error; key: \":\""),
        request(Operation.PUT, b -> b.conditionExpression("a = b").expressionAttributeNames(Map.of("#n-1", "a")),
            "ExpressionAttributeNames contains invalid key: Syntax error; key: \"#n-1\""),
        request(Operation.PUT, b -> b.conditionExpression("a = b").expressionAttributeNames(Map.of("#" + "n".repeat(255), "a")),
            "ExpressionAttributeNames contains invalid key: The expression attribute map contains a key that is too long; "
                + "size of key: 256"),
        request(Operation.PUT, b -> b.conditionExpression("a = b").expressionAttributeValues(Map.of(":" + "v".repeat(255), s("x"))),
            "ExpressionAttributeValues contains invalid key: The expression attribute map contains a key that is too long;"),
        request(Operation.PUT, b -> b.conditionExpression("#n = b").expressionAttributeNames(Map.of("#n", "")),
            "ExpressionAttributeNames contains invalid value: Empty attribute name for key #n"),
        request(Operation.PUT, b -> b.conditionExpression("#n = b").expressionAttributeNames(Map.of("#n", "a".repeat(65536))),
            "ExpressionAttributeNames contains invalid value: Attribute name is too large, must be less than 65536 bytes "
                + "for key #n"),
        request(Operation.PUT, b -> b.conditionExpression("a = b").expressionAttributeNames(manyNames(40, 52425)),
            "ExpressionAttributeNames exceeds max size"),
        request(Operation.PUT, b -> b.conditionExpression("a = b").expressionAttributeValues(manyValues(40, 52425)),
            "ExpressionAttributeValues exceeds max size"),
        request(Operation.PUT, b -> b.conditionExpression("a = b").expressionAttributeNames(manyNames(40, 30000))
                .expressionAttributeValues(manyValues(40, 30000)),
            "Combined size of ExpressionAttributeNames and ExpressionAttributeValues exceeds max size"),
        request(Operation.PUT, b -> b.conditionExpression("#n = :v").expressionAttributeNames(Map.of("#n", "x".repeat(60000)))
                .expressionAttributeValues(Map.of(":v", s("x".repeat(1048576 - 60000)))),
            "Invalid ConditionExpression: Expression size has exceeded the maximum allowed size;"),
        request(Operation.PUT, b -> b.conditionExpression("a = b").expressionAttributeNames(NAMES),
            "Value provided in ExpressionAttributeNames unused in expressions: keys: {#n}"),
        request(Operation.PUT, b -> b.conditionExpression("a = b").expressionAttributeNames(ordered("#zz", "#b", "#a")),
            "Value provided in ExpressionAttributeNames unused in expressions: keys: {#zz, #a, #b}"),
        request(Operation.PUT, b -> b.conditionExpression("a = :v").expressionAttributeValues(Map.of(":v", s("x"), ":w", s("y")))
                .expressionAttributeNames(NAMES),
            "Value provided in ExpressionAttributeNames unused in expressions: keys: {#n}"),
        request(Operation.UPDATE, b -> b.updateExpression("SET a = :v").expressionAttributeValues(Map.of(":v", s("x"), ":w", s("y"))),
            "Value provided in ExpressionAttributeValues unused in expressions: keys: {:w}"),
        // expressions in DynamoDB's order: UpdateExpression before ConditionExpression
        request(Operation.UPDATE, b -> b.updateExpression("SET a = :zz").conditionExpression("a = = b"),
            "Invalid UpdateExpression: An expression attribute value used in expression is not defined; attribute value: :zz"),
        request(Operation.UPDATE, b -> b.updateExpression("SET a = b, a = c").conditionExpression("a = = b"),
            "Invalid UpdateExpression: Two document paths overlap with each other; must remove or rewrite one of these paths; "
                + "path one: [a], path two: [a]"),
        request(Operation.UPDATE, b -> b.updateExpression("").conditionExpression(""),
            "Invalid UpdateExpression: The expression can not be empty;"),
        // Query: FilterExpression, then ProjectionExpression, then KeyConditionExpression
        request(Operation.QUERY, b -> b.keyConditionExpression("pk = = b").filterExpression("a = = b").projectionExpression("a,,"),
            "Invalid FilterExpression: Syntax error; token: \"=\", near: \"= = b\""),
        request(Operation.QUERY, b -> b.keyConditionExpression("pk = :zz").filterExpression("a = :v").projectionExpression("a,,")
                .expressionAttributeValues(VALUES),
            "Invalid ProjectionExpression: Syntax error; token: \",\", near: \",,\""),
        request(Operation.QUERY, b -> b.keyConditionExpression("pk = :zz").filterExpression("a = :v").projectionExpression("a")
                .expressionAttributeValues(VALUES),
            "Invalid KeyConditionExpression: An expression attribute value used in expression is not defined; attribute value: :zz"),
        request(Operation.QUERY, b -> b.filterExpression("a = b"),
            "Either the KeyConditions or KeyConditionExpression parameter must be specified in the request."),
        request(Operation.QUERY, b -> b.filterExpression("a = b").expressionAttributeValues(VALUES),
            "Value provided in ExpressionAttributeValues unused in expressions: keys: {:v}"),
        request(Operation.QUERY, b -> b.attributesToGet(List.of("a", "a")),
            "Either the KeyConditions or KeyConditionExpression parameter must be specified in the request."),
        request(Operation.QUERY, b -> b.keyConditions(KEY_CONDITIONS).conditionalOperator(ConditionalOperator.OR),
            "ConditionalOperator cannot be used without Filter or Expected"),
        request(Operation.QUERY, b -> b.keyConditions(KEY_CONDITIONS).queryFilter(FILTER).conditionalOperator(ConditionalOperator.OR),
            "ConditionalOperator can only be used when Filter or Expected has two or more elements"),
        request(Operation.PUT, b -> b.conditionalOperator(ConditionalOperator.AND),
            "ConditionalOperator cannot be used without Filter or Expected"),
        request(Operation.GET, b -> b.attributesToGet(List.of("a", "b", "a")), "Cannot have two attributes with the same name"),
        request(Operation.BATCH_GET, b -> b.attributesToGet(List.of("a", "a")),
            "One or more parameter values were invalid: Duplicate value in attribute name: a"));
  }

  @ParameterizedTest
  @MethodSource("invalidRequests")
  void compile_invalidRequest_failsWithDynamoDbMessage(ExpressionInputs inputs, String message) {
    assertThatThrownBy(() -> ExpressionSet.compile(inputs)).isInstanceOf(ValidationException.class).hasMessage(message);
  }

  @Test
  void compile_namesUsedAcrossExpressions_noneReportedUnused() {
    ExpressionSet set = ExpressionSet.compile(ExpressionInputs.builder(Operation.QUERY)
        .keyConditionExpression("#name1 = :val1").projectionExpression("#name2")
        .expressionAttributeNames(Map.of("#name1", "p", "#name2", "a")).expressionAttributeValues(Map.of(":val1", s("k")))
        .build());
    assertThat(set.keyCondition()).isNotNull();
    assertThat(set.projection().apply(Item.of("p", s("k"), "a", n(1)))).isEqualTo(Item.of("a", n(1)));
  }

  @Test
  void compile_queryWithKeyConditionsAndFilterExpression_isAllowed() {
    ExpressionSet set = ExpressionSet.compile(ExpressionInputs.builder(Operation.QUERY).keyConditions(KEY_CONDITIONS)
        .filterExpression("attribute_exists(a)").build());
    assertThat(set.filter().test(Item.of("a", n(1)))).isTrue();
    assertThat(set.keyCondition().analyze(KeySchema.of("pk", null)).partitionValues()).containsExactly(s("x"));
  }

  @Test
  void compile_getItemWithValues_ignoresValuesItDoesNotTake() {
    ExpressionSet set = ExpressionSet.compile(ExpressionInputs.builder(Operation.GET).projectionExpression("a")
        .expressionAttributeValues(Map.of(":unused", s("x"))).build());
    assertThat(set.projection().topLevelAttributes()).containsExactly("a");
  }

  @Test
  void of_requestRecords_carryEveryExpressionMember() {
    UpdateItemRequest update = UpdateItemRequest.builder().tableName("t").key(Item.of("pk", s("k")))
        .updateExpression("SET #n = :v").conditionExpression("attribute_not_exists(#n)")
        .expressionAttributeNames(NAMES).expressionAttributeValues(VALUES).build();
    ExpressionSet set = ExpressionSet.compile(ExpressionInputs.of(update));
    assertThat(set.update().apply(Item.of("pk", s("k")))).isEqualTo(Item.of("pk", s("k"), "a", s("x")));
    assertThat(set.condition().test(null)).isTrue();

    PutItemRequest put = PutItemRequest.builder().tableName("t").item(Item.of("pk", s("k")))
        .expected(EXPECTED).build();
    assertThat(ExpressionSet.compile(ExpressionInputs.of(put)).condition().test(Item.of("a", n(1)))).isFalse();

    GetItemRequest get = GetItemRequest.builder().tableName("t").key(Item.of("pk", s("k"))).attributesToGet(List.of("a")).build();
    assertThat(ExpressionSet.compile(ExpressionInputs.of(get)).projection().apply(Item.of("a", n(1), "b", n(2))))
        .isEqualTo(Item.of("a", n(1)));

    QueryRequest query = QueryRequest.builder().tableName("t").keyConditionExpression("pk = :v")
        .expressionAttributeValues(VALUES).build();
    assertThat(ExpressionSet.compile(ExpressionInputs.of(query)).keyCondition().analyze(KeySchema.of("pk", null))
        .partitionValues()).containsExactly(s("x"));

    KeysAndAttributes batch = KeysAndAttributes.builder().keys(List.of(Item.of("pk", s("k"))))
        .projectionExpression("#n").expressionAttributeNames(NAMES).build();
    assertThat(ExpressionSet.compile(ExpressionInputs.of(batch)).projection().topLevelAttributes()).containsExactly("a");
  }

  @Test
  void compile_sameTextTwice_reusesTheParsedTree() {
    ExpressionInputs inputs = ExpressionInputs.builder(Operation.DELETE).conditionExpression("cached_probe_attr = :v")
        .expressionAttributeValues(VALUES).build();
    ExpressionSet.compile(inputs);
    ParseCache.Parsed first = ParseCache.get(ExpressionKind.CONDITION, "cached_probe_attr = :v");
    ParseCache.Parsed second = ParseCache.get(ExpressionKind.CONDITION, "cached_probe_attr = :v");
    assertThat(second).isSameAs(first);
    assertThat(ExpressionSet.compileUncached(inputs).condition().test(Item.of("cached_probe_attr", s("x")))).isTrue();
  }

  private static Map<String, String> manyNames(int count, int length) {
    Map<String, String> names = new LinkedHashMap<>();
    for (int i = 0; i < count; i++) {
      names.put(String.format("#n%02d", i), "x".repeat(length));
    }
    return names;
  }

  private static Map<String, AttributeValue> manyValues(int count, int length) {
    Map<String, AttributeValue> values = new LinkedHashMap<>();
    for (int i = 0; i < count; i++) {
      values.put(String.format(":v%02d", i), s("x".repeat(length)));
    }
    return values;
  }

  private static Map<String, String> ordered(String... keys) {
    Map<String, String> names = new LinkedHashMap<>();
    for (String key : keys) {
      names.put(key, key.substring(1));
    }
    return names;
  }
}
