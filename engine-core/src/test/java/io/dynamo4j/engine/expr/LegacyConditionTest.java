package io.dynamo4j.engine.expr;

import static io.dynamo4j.model.AttributeValue.bool;
import static io.dynamo4j.model.AttributeValue.l;
import static io.dynamo4j.model.AttributeValue.m;
import static io.dynamo4j.model.AttributeValue.n;
import static io.dynamo4j.model.AttributeValue.nul;
import static io.dynamo4j.model.AttributeValue.s;
import static io.dynamo4j.model.AttributeValue.ss;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dynamo4j.api.ComparisonOperator;
import io.dynamo4j.api.ConditionalOperator;
import io.dynamo4j.api.ExpectedAttributeValue;
import io.dynamo4j.engine.expr.ExpressionInputs.Operation;
import io.dynamo4j.error.ValidationException;
import io.dynamo4j.model.AttributeValue;
import io.dynamo4j.model.Item;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Expected, ScanFilter and QueryFilter: translated to the same AST as expressions, with their own rules. */
class LegacyConditionTest {

  private static final Item ITEM = Item.of("a", s("hello"), "n", n(5), "l", l(n(1), s("x")), "set", ss("p", "q"));

  static Stream<Arguments> filters() {
    return Stream.of(
        Arguments.of("a", ComparisonOperator.EQ, List.of(s("hello")), true),
        Arguments.of("a", ComparisonOperator.NE, List.of(s("hello")), false),
        Arguments.of("absent", ComparisonOperator.NE, List.of(s("hello")), true),
        Arguments.of("n", ComparisonOperator.LT, List.of(n(6)), true),
        Arguments.of("n", ComparisonOperator.LE, List.of(s("6")), false),
        Arguments.of("n", ComparisonOperator.GT, List.of(n(4)), true),
        Arguments.of("n", ComparisonOperator.GE, List.of(n(5)), true),
        Arguments.of("n", ComparisonOperator.IN, List.of(n(1), n(5)), true),
        Arguments.of("n", ComparisonOperator.BETWEEN, List.of(n(5), n(7)), true),
        Arguments.of("a", ComparisonOperator.BEGINS_WITH, List.of(s("he")), true),
        Arguments.of("a", ComparisonOperator.CONTAINS, List.of(s("ell")), true),
        Arguments.of("set", ComparisonOperator.CONTAINS, List.of(s("q")), true),
        Arguments.of("l", ComparisonOperator.CONTAINS, List.of(n(1)), true),
        Arguments.of("set", ComparisonOperator.NOT_CONTAINS, List.of(s("z")), true),
        Arguments.of("absent", ComparisonOperator.NOT_CONTAINS, List.of(s("z")), false),
        Arguments.of("a", ComparisonOperator.NOT_NULL, List.of(), true),
        Arguments.of("absent", ComparisonOperator.NULL, List.of(), true),
        Arguments.of("l", ComparisonOperator.EQ, List.of(l(n(1), s("x"))), true));
  }

  @ParameterizedTest
  @MethodSource("filters")
  void test_scanFilter_evaluatesLikeTheExpression(String attribute, ComparisonOperator op, List<AttributeValue> args,
      boolean expected) {
    Condition filter = ExpressionSet.compile(ExpressionInputs.builder(Operation.SCAN)
        .scanFilter(Map.of(attribute, new io.dynamo4j.api.Condition(args, op))).build()).filter();
    assertThat(filter.test(ITEM)).isEqualTo(expected);
  }

  static Stream<Arguments> invalidFilters() {
    String prefix = "One or more parameter values were invalid: ";
    return Stream.of(
        Arguments.of(ComparisonOperator.EQ, List.of(), prefix + "Invalid number of argument(s) for the EQ ComparisonOperator"),
        Arguments.of(ComparisonOperator.NULL, List.of(s("x")), prefix + "Invalid number of argument(s) for the NULL ComparisonOperator"),
        Arguments.of(ComparisonOperator.BETWEEN, List.of(s("x")), prefix + "Invalid number of argument(s) for the BETWEEN ComparisonOperator"),
        Arguments.of(ComparisonOperator.LT, List.of(l()), prefix + "ComparisonOperator LT is not valid for L AttributeValue type"),
        Arguments.of(ComparisonOperator.GT, List.of(m(Map.of())), prefix + "ComparisonOperator GT is not valid for M AttributeValue type"),
        Arguments.of(ComparisonOperator.LE, List.of(nul()), prefix + "ComparisonOperator LE is not valid for NULL AttributeValue type"),
        Arguments.of(ComparisonOperator.IN, List.of(ss("a")), prefix + "ComparisonOperator IN is not valid for SS AttributeValue type"),
        Arguments.of(ComparisonOperator.CONTAINS, List.of(l()), prefix + "ComparisonOperator CONTAINS is not valid for L AttributeValue type"),
        Arguments.of(ComparisonOperator.BEGINS_WITH, List.of(n(1)), prefix + "ComparisonOperator BEGINS_WITH is not valid for N AttributeValue type"),
        Arguments.of(ComparisonOperator.BETWEEN, List.of(bool(true), bool(true)), prefix + "ComparisonOperator BETWEEN is not valid for BOOL AttributeValue type"),
        Arguments.of(ComparisonOperator.IN, List.of(s("x"), n(1)), prefix + "AttributeValues inside AttributeValueList must be of same type"),
        Arguments.of(ComparisonOperator.BETWEEN, List.of(n(2), n(1)), "The BETWEEN condition was provided a range where the lower bound is greater than the upper bound"),
        Arguments.of(null, List.of(s("x")), "Comparison type does not exist in DynamoDB"));
  }

  @ParameterizedTest
  @MethodSource("invalidFilters")
  void compile_invalidScanFilter_failsWithDynamoDbMessage(ComparisonOperator op, List<AttributeValue> args, String message) {
    ExpressionInputs inputs = ExpressionInputs.builder(Operation.SCAN)
        .scanFilter(Map.of("a", new io.dynamo4j.api.Condition(args, op))).build();
    assertThatThrownBy(() -> ExpressionSet.compile(inputs)).isInstanceOf(ValidationException.class).hasMessage(message);
  }

  static Stream<Arguments> invalidExpected() {
    String prefix = "One or more parameter values were invalid: ";
    return Stream.of(
        Arguments.of(ExpectedAttributeValue.builder().build(), prefix + "Value must be provided when Exists is null for Attribute: a"),
        Arguments.of(ExpectedAttributeValue.builder().exists(true).build(), prefix + "Value must be provided when Exists is true for Attribute: a"),
        Arguments.of(ExpectedAttributeValue.builder().exists(false).value(s("x")).build(),
            prefix + "Value cannot be used when Exists is false for Attribute: a"),
        Arguments.of(ExpectedAttributeValue.builder().value(s("x")).attributeValueList(s("x")).build(),
            prefix + "Value and AttributeValueList cannot be used together for Attribute: a"),
        Arguments.of(ExpectedAttributeValue.builder().exists(true).comparisonOperator(ComparisonOperator.EQ).attributeValueList(s("x")).build(),
            prefix + "Exists and ComparisonOperator cannot be used together for Attribute: a"),
        Arguments.of(ExpectedAttributeValue.builder().exists(false).attributeValueList(s("x")).build(),
            prefix + "AttributeValueList can only be used with a ComparisonOperator for Attribute: a"),
        Arguments.of(ExpectedAttributeValue.builder().comparisonOperator(ComparisonOperator.NULL).value(s("x")).build(),
            prefix + "Invalid number of argument(s) for the NULL ComparisonOperator"));
  }

  @ParameterizedTest
  @MethodSource("invalidExpected")
  void compile_invalidExpected_failsWithDynamoDbMessage(ExpectedAttributeValue expected, String message) {
    ExpressionInputs inputs = ExpressionInputs.builder(Operation.PUT).expected(Map.of("a", expected)).build();
    assertThatThrownBy(() -> ExpressionSet.compile(inputs)).isInstanceOf(ValidationException.class).hasMessage(message);
  }

  @Test
  void test_expected_valueExistsAndOperators() {
    assertThat(expected(Map.of("a", ExpectedAttributeValue.builder().value(s("hello")).build())).test(ITEM)).isTrue();
    assertThat(expected(Map.of("a", ExpectedAttributeValue.builder().exists(true).value(s("bye")).build())).test(ITEM)).isFalse();
    assertThat(expected(Map.of("a", ExpectedAttributeValue.builder().exists(false).build())).test(ITEM)).isFalse();
    assertThat(expected(Map.of("a", ExpectedAttributeValue.builder().exists(false).build())).test(null)).isTrue();
    assertThat(expected(Map.of("n", ExpectedAttributeValue.builder().comparisonOperator(ComparisonOperator.GT)
        .attributeValueList(n(4)).build())).test(ITEM)).isTrue();
    assertThat(expected(Map.of("a", ExpectedAttributeValue.builder().value(s("hello"))
        .comparisonOperator(ComparisonOperator.EQ).build())).test(ITEM)).isTrue();
    assertThat(expected(Map.of()).test(ITEM)).isTrue();
  }

  @Test
  void test_conditionalOperator_combinesInOrder() {
    Map<String, ExpectedAttributeValue> two = new LinkedHashMap<>();
    two.put("a", ExpectedAttributeValue.builder().exists(false).build());
    two.put("n", ExpectedAttributeValue.builder().value(n(5)).build());
    Condition or = ExpressionSet.compile(ExpressionInputs.builder(Operation.PUT).expected(two)
        .conditionalOperator(ConditionalOperator.OR).build()).condition();
    Condition and = ExpressionSet.compile(ExpressionInputs.builder(Operation.PUT).expected(two).build()).condition();
    assertThat(or.test(ITEM)).isTrue();
    assertThat(and.test(ITEM)).isFalse();
  }

  @Test
  void compile_expectedErrors_reportedInMapOrder() {
    Map<String, ExpectedAttributeValue> two = new LinkedHashMap<>();
    two.put("b", ExpectedAttributeValue.builder().exists(true).build());
    two.put("a", ExpectedAttributeValue.builder().build());
    ExpressionInputs inputs = ExpressionInputs.builder(Operation.PUT).expected(two).build();
    assertThatThrownBy(() -> ExpressionSet.compile(inputs)).isInstanceOf(ValidationException.class)
        .hasMessage("One or more parameter values were invalid: Value must be provided when Exists is true for Attribute: b");
  }

  @Test
  void apply_attributesToGet_projectsTopLevelNamesLiterally() {
    Projection projection = ExpressionSet.compile(ExpressionInputs.builder(Operation.GET)
        .attributesToGet(Arrays.asList("name", "a.b", "n")).build()).projection();
    Item item = Item.of("name", s("reserved is fine"), "a.b", s("dotted"), "a", m(Map.of("b", s("nested"))), "n", n(1));
    assertThat(projection.apply(item)).isEqualTo(Item.of("name", s("reserved is fine"), "a.b", s("dotted"), "n", n(1)));
  }

  private static Condition expected(Map<String, ExpectedAttributeValue> expected) {
    return ExpressionSet.compile(ExpressionInputs.builder(Operation.PUT).expected(expected).build()).condition();
  }
}
