package io.dynamo4j.engine.expr;

import static io.dynamo4j.model.AttributeValue.n;
import static io.dynamo4j.model.AttributeValue.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dynamo4j.api.ComparisonOperator;
import io.dynamo4j.api.ScalarAttributeType;
import io.dynamo4j.engine.expr.ExpressionInputs.Operation;
import io.dynamo4j.error.ValidationException;
import io.dynamo4j.model.AttributeValue;
import io.dynamo4j.model.Item;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Key conditions analysed against key schemas: tables with a simple and a composite key, and a
 * global secondary index with a multi-attribute key (two partition and three sort attributes).
 */
class KeyConditionTest {

  static final KeySchema COMPOSITE = KeySchema.of("pk", ScalarAttributeType.S, "sk", ScalarAttributeType.S);
  static final KeySchema SIMPLE = KeySchema.of("pk", ScalarAttributeType.S);
  static final KeySchema NUMERIC = KeySchema.of("pk", ScalarAttributeType.S, "sk", ScalarAttributeType.N);
  static final KeySchema MULTI = new KeySchema(
      List.of(new KeySchema.Attribute("tournament", ScalarAttributeType.S), new KeySchema.Attribute("area", ScalarAttributeType.S)),
      List.of(new KeySchema.Attribute("round", ScalarAttributeType.S), new KeySchema.Attribute("bracket", ScalarAttributeType.S),
          new KeySchema.Attribute("seq", ScalarAttributeType.N)));

  private static final Map<String, AttributeValue> VALUES = new LinkedHashMap<>();

  static {
    VALUES.put(":v", s("x"));
    VALUES.put(":w", s("y"));
    VALUES.put(":n", n(1));
    VALUES.put(":m", n(5));
  }

  static Stream<Arguments> queries() {
    return Stream.of(
        Arguments.of(COMPOSITE, "pk = :v", "KeyQuery{partition=[{S: x}], sortEqualities=[], range=null}"),
        Arguments.of(COMPOSITE, ":v = pk", "KeyQuery{partition=[{S: x}], sortEqualities=[], range=null}"),
        Arguments.of(COMPOSITE, "pk = :v AND sk = :w", "KeyQuery{partition=[{S: x}], sortEqualities=[{S: y}], range=null}"),
        Arguments.of(COMPOSITE, "sk = :w AND pk = :v", "KeyQuery{partition=[{S: x}], sortEqualities=[{S: y}], range=null}"),
        Arguments.of(COMPOSITE, "pk = :v AND sk < :w",
            "KeyQuery{partition=[{S: x}], sortEqualities=[], range=Range[attribute=sk, operator=LT, value={S: y}, upper=null]}"),
        Arguments.of(COMPOSITE, "pk = :v AND :w < sk",
            "KeyQuery{partition=[{S: x}], sortEqualities=[], range=Range[attribute=sk, operator=GT, value={S: y}, upper=null]}"),
        Arguments.of(COMPOSITE, "pk = :v AND :w >= sk",
            "KeyQuery{partition=[{S: x}], sortEqualities=[], range=Range[attribute=sk, operator=LE, value={S: y}, upper=null]}"),
        Arguments.of(COMPOSITE, "(pk = :v) AND (sk BETWEEN :v AND :w)",
            "KeyQuery{partition=[{S: x}], sortEqualities=[], range=Range[attribute=sk, operator=BETWEEN, value={S: x}, upper={S: y}]}"),
        Arguments.of(COMPOSITE, "pk = :v AND begins_with(sk, :w)",
            "KeyQuery{partition=[{S: x}], sortEqualities=[], range=Range[attribute=sk, operator=BEGINS_WITH, value={S: y}, upper=null]}"),
        Arguments.of(MULTI, "tournament = :v AND area = :w",
            "KeyQuery{partition=[{S: x}, {S: y}], sortEqualities=[], range=null}"),
        Arguments.of(MULTI, "area = :w AND tournament = :v AND round = :v AND bracket > :w",
            "KeyQuery{partition=[{S: x}, {S: y}], sortEqualities=[{S: x}], "
                + "range=Range[attribute=bracket, operator=GT, value={S: y}, upper=null]}"),
        Arguments.of(MULTI, "tournament = :v AND area = :w AND round = :v AND bracket = :w AND seq BETWEEN :n AND :m",
            "KeyQuery{partition=[{S: x}, {S: y}], sortEqualities=[{S: x}, {S: y}], "
                + "range=Range[attribute=seq, operator=BETWEEN, value={N: 1}, upper={N: 5}]}"));
  }

  @ParameterizedTest
  @MethodSource("queries")
  void analyze_validKeyCondition_describesTheRange(KeySchema schema, String expression, String query) {
    assertThat(keyCondition(expression).analyze(schema).toString()).isEqualTo(query);
  }

  static Stream<Arguments> invalid() {
    String bad = "Invalid condition in KeyConditionExpression: ";
    return Stream.of(
        Arguments.of(COMPOSITE, "pk = :v AND sk <> :w", "Invalid operator used in KeyConditionExpression: <>"),
        Arguments.of(COMPOSITE, "pk = :v AND sk IN (:w)", "Invalid operator used in KeyConditionExpression: IN"),
        Arguments.of(COMPOSITE, "pk = :v OR sk = :w", "Invalid operator used in KeyConditionExpression: OR"),
        Arguments.of(COMPOSITE, "NOT pk = :v", "Invalid operator used in KeyConditionExpression: NOT"),
        Arguments.of(COMPOSITE, "pk = :v AND contains(sk, :w)", "Invalid operator used in KeyConditionExpression: contains"),
        Arguments.of(COMPOSITE, "pk = :v AND attribute_exists(sk)",
            "Invalid operator used in KeyConditionExpression: attribute_exists"),
        Arguments.of(COMPOSITE, "pk = :v AND size(sk) = :n", "KeyConditionExpressions cannot contain nested operations"),
        Arguments.of(COMPOSITE, "pk = :v AND begins_with(:w, :v)", bad + "begins_with operator must have the key attribute as its first operand"),
        Arguments.of(COMPOSITE, "pk = :v AND :v BETWEEN sk AND :w", bad + "BETWEEN operator must have the key attribute as its first operand"),
        Arguments.of(COMPOSITE, "pk = sk", bad + "Multiple attribute names used in one condition"),
        Arguments.of(COMPOSITE, "pk = :v AND sk BETWEEN :v AND x", bad + "Multiple attribute names used in one condition"),
        Arguments.of(COMPOSITE, ":v = :w", bad + "No key attribute specified"),
        Arguments.of(COMPOSITE, "pk.x = :v", "Key attributes must be scalars; list random access '[]' and map lookup '.' are not allowed: Key: pk"),
        Arguments.of(SIMPLE, "pk = :v AND sk.x = :w", "KeyConditionExpressions cannot have conditions on nested attributes"),
        Arguments.of(COMPOSITE, "pk = :v AND sk = :w AND sk = :w", "KeyConditionExpressions must only contain one condition per key"),
        Arguments.of(COMPOSITE, "pk = :v AND pk = :v", "KeyConditionExpressions must only contain one condition per key"),
        Arguments.of(COMPOSITE, "pk = :v AND sk = :w AND x = :v", "Conditions can be of length 1 or 2 only"),
        Arguments.of(COMPOSITE, "sk = :w", "Query condition missed key schema element: pk"),
        Arguments.of(COMPOSITE, "pk = :v AND x = :w", "Query condition missed key schema element: sk"),
        Arguments.of(COMPOSITE, "pk < :v", "Query key condition not supported"),
        Arguments.of(COMPOSITE, "begins_with(pk, :v)", "Query key condition not supported"),
        Arguments.of(SIMPLE, "pk = :v AND sk = :w", "Query key condition not supported"),
        Arguments.of(COMPOSITE, "pk = :n", "One or more parameter values were invalid: Condition parameter type does not match schema type"),
        Arguments.of(NUMERIC, "pk = :v AND sk > :w", "One or more parameter values were invalid: Condition parameter type does not match schema type"),
        Arguments.of(MULTI, "tournament = :v", "Query condition missed key schema element: area"),
        Arguments.of(MULTI, "tournament = :v AND area = :w AND bracket = :v", "Query condition missed key schema element: round"),
        Arguments.of(MULTI, "tournament = :v AND area = :w AND round > :v AND bracket = :w", "Query key condition not supported"),
        Arguments.of(MULTI, "tournament = :v AND area < :w", "Query key condition not supported"));
  }

  @ParameterizedTest
  @MethodSource("invalid")
  void analyze_invalidKeyCondition_failsWithDynamoDbMessage(KeySchema schema, String expression, String message) {
    KeyCondition condition = keyCondition(expression);
    assertThatThrownBy(() -> condition.analyze(schema)).isInstanceOf(ValidationException.class).hasMessage(message);
  }

  @Test
  void compile_betweenBoundsReversed_failsBeforeAnalysis() {
    assertThatThrownBy(() -> keyCondition("pk = :v AND sk BETWEEN :w AND :v"))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Invalid KeyConditionExpression: The BETWEEN operator requires upper bound to be greater than or equal "
            + "to lower bound; lower bound operand: AttributeValue: {S:y}, upper bound operand: AttributeValue: {S:x}");
  }

  @Test
  void matches_itemKeys_followTheRange() {
    KeyQuery between = keyCondition("pk = :v AND sk BETWEEN :n AND :m").analyze(NUMERIC);
    assertThat(between.matches(Item.of("pk", s("x"), "sk", n(1)))).isTrue();
    assertThat(between.matches(Item.of("pk", s("x"), "sk", n(5)))).isTrue();
    assertThat(between.matches(Item.of("pk", s("x"), "sk", n(6)))).isFalse();
    assertThat(between.matches(Item.of("pk", s("y"), "sk", n(3)))).isFalse();
    assertThat(between.range().lower()).isEqualTo(n(1));
    assertThat(between.range().upperBound()).isEqualTo(n(5));
    KeyQuery prefix = keyCondition("pk = :v AND begins_with(sk, :w)").analyze(COMPOSITE);
    assertThat(prefix.matches(Item.of("pk", s("x"), "sk", s("yes")))).isTrue();
    assertThat(prefix.matches(Item.of("pk", s("x"), "sk", s("no")))).isFalse();
    KeyQuery multi = keyCondition("tournament = :v AND area = :w AND round = :v").analyze(MULTI);
    assertThat(multi.matches(Item.of("tournament", s("x"), "area", s("y"), "round", s("x")))).isTrue();
    assertThat(multi.matches(Item.of("tournament", s("x"), "area", s("x"), "round", s("x")))).isFalse();
  }

  static Stream<Arguments> legacy() {
    return Stream.of(
        Arguments.of(Map.of("pk", cond(ComparisonOperator.EQ, s("x"))), null),
        Arguments.of(Map.of("pk", cond(ComparisonOperator.EQ, n(1))),
            "One or more parameter values were invalid: Condition parameter type does not match schema type"),
        Arguments.of(Map.of("pk", cond(ComparisonOperator.LT, s("x"))), "Query key condition not supported"),
        Arguments.of(Map.of("pk", cond(ComparisonOperator.IN, s("x"))), "Query key condition not supported"),
        Arguments.of(Map.of("pk", cond(ComparisonOperator.NULL)), "Only scalar types can be used as Hash Key values"),
        Arguments.of(ordered("pk", cond(ComparisonOperator.EQ, s("x")), "sk", cond(ComparisonOperator.IN, s("x"))),
            "Attempted conditional constraint is not an indexable operation"),
        Arguments.of(ordered("pk", cond(ComparisonOperator.EQ, s("x")), "sk", cond(ComparisonOperator.NOT_NULL)),
            "Only scalar types can be used as Range Key values"),
        Arguments.of(ordered("pk", cond(ComparisonOperator.EQ, s("x")), "x", cond(ComparisonOperator.EQ, s("x"))),
            "Query condition missed key schema element: sk"),
        Arguments.of(Map.of(), "Conditions can be of length 1 or 2 only"));
  }

  @ParameterizedTest
  @MethodSource("legacy")
  void analyze_legacyKeyConditions_followDynamoDbRules(Map<String, io.dynamo4j.api.Condition> conditions, String message) {
    KeyCondition condition = ExpressionSet.compile(ExpressionInputs.builder(Operation.QUERY).keyConditions(conditions).build())
        .keyCondition();
    if (message == null) {
      assertThat(condition.analyze(COMPOSITE).partitionValues()).containsExactly(s("x"));
    } else {
      assertThatThrownBy(() -> condition.analyze(COMPOSITE)).isInstanceOf(ValidationException.class).hasMessage(message);
    }
  }

  @Test
  void compile_legacyKeyConditionWithBadArguments_failsAtCompile() {
    ExpressionInputs inputs = ExpressionInputs.builder(Operation.QUERY)
        .keyConditions(Map.of("pk", cond(ComparisonOperator.EQ))).build();
    assertThatThrownBy(() -> ExpressionSet.compile(inputs)).isInstanceOf(ValidationException.class)
        .hasMessage("One or more parameter values were invalid: Invalid number of argument(s) for the EQ ComparisonOperator");
  }

  @Test
  void checkNoKeyAttributes_filterOnKey_fails() {
    Condition filter = ExpressionSet.compile(ExpressionInputs.builder(Operation.QUERY).keyConditionExpression("pk = :v")
        .filterExpression("a = :v AND sk = :v").expressionAttributeValues(Map.of(":v", s("x"))).build()).filter();
    assertThatThrownBy(() -> filter.checkNoKeyAttributes(List.of("pk", "sk"))).isInstanceOf(ValidationException.class)
        .hasMessage("Filter Expression can only contain non-primary key attributes: Primary key attribute: sk");
    Condition nested = ExpressionSet.compile(ExpressionInputs.builder(Operation.QUERY).keyConditionExpression("pk = :v")
        .filterExpression("pk.a = :v").expressionAttributeValues(Map.of(":v", s("x"))).build()).filter();
    assertThatThrownBy(() -> nested.checkNoKeyAttributes(List.of("pk", "sk"))).isInstanceOf(ValidationException.class)
        .hasMessage("Key attributes must be scalars; list random access '[]' and map lookup '.' are not allowed: Key: pk");
    Condition legacy = ExpressionSet.compile(ExpressionInputs.builder(Operation.QUERY)
        .keyConditions(Map.of("pk", cond(ComparisonOperator.EQ, s("x"))))
        .queryFilter(Map.of("pk", cond(ComparisonOperator.NULL))).build()).filter();
    assertThatThrownBy(() -> legacy.checkNoKeyAttributes(List.of("pk", "sk"))).isInstanceOf(ValidationException.class)
        .hasMessage("QueryFilter can only contain non-primary key attributes: Primary key attribute: pk");
  }

  private static io.dynamo4j.api.Condition cond(ComparisonOperator op, AttributeValue... args) {
    return new io.dynamo4j.api.Condition(List.of(args), op);
  }

  private static Map<String, io.dynamo4j.api.Condition> ordered(String k1, io.dynamo4j.api.Condition c1, String k2,
      io.dynamo4j.api.Condition c2) {
    Map<String, io.dynamo4j.api.Condition> map = new LinkedHashMap<>();
    map.put(k1, c1);
    map.put(k2, c2);
    return map;
  }

  private static KeyCondition keyCondition(String expression) {
    Map<String, AttributeValue> used = new LinkedHashMap<>();
    VALUES.forEach((k, v) -> {
      if (expression.matches(".*" + k + "(?![A-Za-z0-9_]).*")) {
        used.put(k, v);
      }
    });
    return ExpressionSet.compile(ExpressionInputs.builder(Operation.QUERY).keyConditionExpression(expression)
        .expressionAttributeValues(used.isEmpty() ? null : used).build()).keyCondition();
  }
}
