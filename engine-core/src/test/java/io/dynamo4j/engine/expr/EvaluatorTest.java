package io.dynamo4j.engine.expr;

import static io.dynamo4j.model.AttributeValue.b;
import static io.dynamo4j.model.AttributeValue.bool;
import static io.dynamo4j.model.AttributeValue.bs;
import static io.dynamo4j.model.AttributeValue.l;
import static io.dynamo4j.model.AttributeValue.m;
import static io.dynamo4j.model.AttributeValue.n;
import static io.dynamo4j.model.AttributeValue.ns;
import static io.dynamo4j.model.AttributeValue.nul;
import static io.dynamo4j.model.AttributeValue.s;
import static io.dynamo4j.model.AttributeValue.ss;
import static org.assertj.core.api.Assertions.assertThat;

import io.dynamo4j.engine.expr.ExpressionInputs.Operation;
import io.dynamo4j.model.AttributeValue;
import io.dynamo4j.model.Item;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Conditions evaluated against an item holding one attribute of every type. Each row: the
 * condition, its operand value, and whether the item satisfies it. Cross-type comparisons are
 * false, not errors; {@code <>} is the negation of {@code =}.
 */
class EvaluatorTest {

  /** One attribute of each DynamoDB type, plus nested documents. */
  static final Item ITEM = Item.builder()
      .put("s", s("hello"))
      .put("u", s("\uD83D\uDE00é"))
      .put("n", n("12.5"))
      .put("b", b(new byte[] {1, 2, 3}))
      .put("t", bool(true))
      .put("z", nul())
      .put("ss", ss("a", "b"))
      .put("ns", ns("1", "2.5"))
      .put("bs", bs(new byte[] {1}, new byte[] {(byte) 0xff}))
      .put("l", l(n(1), s("x"), m(Map.of("k", s("v"))), ss("q")))
      .put("m", m(Map.of("a", n(1), "nested", m(Map.of("deep", l(s("d0"), s("d1")))))))
      .build();

  static Stream<Arguments> cases() {
    return Stream.of(
        // = and <> on every type, numbers by value, sets in any order, maps and lists deeply
        Arguments.of("s = :v", s("hello"), true),
        Arguments.of("s = :v", s("Hello"), false),
        Arguments.of("n = :v", n("12.50"), true),
        Arguments.of("n = :v", s("12.5"), false),
        Arguments.of("b = :v", b(new byte[] {1, 2, 3}), true),
        Arguments.of("t = :v", bool(true), true),
        Arguments.of("t = :v", bool(false), false),
        Arguments.of("z = :v", nul(), true),
        Arguments.of("ss = :v", ss("b", "a"), true),
        Arguments.of("ss = :v", ss("a"), false),
        Arguments.of("ns = :v", ns("2.50", "1.0"), true),
        Arguments.of("bs = :v", bs(new byte[] {(byte) 0xff}, new byte[] {1}), true),
        Arguments.of("l = :v", l(n("1.0"), s("x"), m(Map.of("k", s("v"))), ss("q")), true),
        Arguments.of("l = :v", l(n(1), s("x")), false),
        Arguments.of("m.nested = :v", m(Map.of("deep", l(s("d0"), s("d1")))), true),
        Arguments.of("s <> :v", n(1), true),
        Arguments.of("s <> :v", s("hello"), false),
        Arguments.of("absent <> :v", s("x"), true),
        Arguments.of("absent = :v", s("x"), false),
        // ordering: numbers, strings by UTF-8 bytes, binary unsigned; other types never ordered
        Arguments.of("n < :v", n(13), true),
        Arguments.of("n <= :v", n("12.5"), true),
        Arguments.of("n > :v", n("-100"), true),
        Arguments.of("n >= :v", n("1E+3"), false),
        Arguments.of("s < :v", s("help"), true),
        Arguments.of("u > :v", s("\uffff"), true),
        Arguments.of("b > :v", b(new byte[] {1, 2}), true),
        Arguments.of("bs > :v", b(new byte[] {1}), false),
        Arguments.of("n < :v", s("zzz"), false),
        Arguments.of("s > :v", n(0), false),
        Arguments.of("absent < :v", n(0), false),
        Arguments.of("NOT absent < :v", n(0), true),
        Arguments.of("n BETWEEN :v AND :v", n("12.5"), true),
        Arguments.of("s BETWEEN :v AND :v", s("hello"), true),
        Arguments.of("n BETWEEN :v AND :v", s("a"), false),
        Arguments.of("s IN (:v)", s("hello"), true),
        Arguments.of("n IN (:v)", s("12.5"), false),
        // functions
        Arguments.of("attribute_exists(m.nested.deep[1])", null, true),
        Arguments.of("attribute_exists(m.nested.deep[2])", null, false),
        Arguments.of("attribute_exists(m.a.b)", null, false),
        Arguments.of("attribute_not_exists(absent)", null, true),
        Arguments.of("attribute_not_exists(s)", null, false),
        Arguments.of("attribute_type(s, :v)", s("S"), true),
        Arguments.of("attribute_type(n, :v)", s("N"), true),
        Arguments.of("attribute_type(b, :v)", s("B"), true),
        Arguments.of("attribute_type(t, :v)", s("BOOL"), true),
        Arguments.of("attribute_type(z, :v)", s("NULL"), true),
        Arguments.of("attribute_type(ss, :v)", s("SS"), true),
        Arguments.of("attribute_type(ns, :v)", s("NS"), true),
        Arguments.of("attribute_type(bs, :v)", s("BS"), true),
        Arguments.of("attribute_type(l, :v)", s("L"), true),
        Arguments.of("attribute_type(m, :v)", s("M"), true),
        Arguments.of("attribute_type(ss, :v)", s("S"), false),
        Arguments.of("attribute_type(absent, :v)", s("NULL"), false),
        Arguments.of("begins_with(s, :v)", s("he"), true),
        Arguments.of("begins_with(s, :v)", s(""), true),
        Arguments.of("begins_with(s, :v)", s("lo"), false),
        Arguments.of("begins_with(b, :v)", b(new byte[] {1, 2}), true),
        Arguments.of("begins_with(b, :v)", b(new byte[] {2}), false),
        Arguments.of("begins_with(ss, :v)", s("a"), false),
        Arguments.of("begins_with(s, :v)", b(new byte[] {1}), false),
        Arguments.of("contains(s, :v)", s("ell"), true),
        Arguments.of("contains(s, :v)", s("z"), false),
        Arguments.of("contains(b, :v)", b(new byte[] {2, 3}), true),
        Arguments.of("contains(ss, :v)", s("b"), true),
        Arguments.of("contains(ss, :v)", ss("b"), false),
        Arguments.of("contains(ns, :v)", n("2.50"), true),
        Arguments.of("contains(bs, :v)", b(new byte[] {(byte) 0xff}), true),
        Arguments.of("contains(l, :v)", n("1.0"), true),
        Arguments.of("contains(l, :v)", m(Map.of("k", s("v"))), true),
        Arguments.of("contains(l, :v)", ss("q"), true),
        Arguments.of("contains(l, :v)", s("v"), false),
        Arguments.of("contains(m, :v)", s("a"), false),
        Arguments.of("contains(n, :v)", n("12.5"), false),
        Arguments.of("contains(absent, :v)", s("a"), false),
        // size of every type that has one; numbers, booleans and null have none
        Arguments.of("size(s) = :v", n(5), true),
        Arguments.of("size(u) = :v", n(3), true),
        Arguments.of("size(b) = :v", n(3), true),
        Arguments.of("size(ss) = :v", n(2), true),
        Arguments.of("size(ns) = :v", n(2), true),
        Arguments.of("size(bs) = :v", n(2), true),
        Arguments.of("size(l) = :v", n(4), true),
        Arguments.of("size(m) = :v", n(2), true),
        Arguments.of("size(m.nested.deep) > :v", n(1), true),
        Arguments.of("size(n) = :v", n(4), false),
        Arguments.of("size(n) <> :v", n(4), true),
        Arguments.of("size(t) <> :v", n(1), true),
        Arguments.of("size(absent) <> :v", n(1), true),
        Arguments.of("size(:v) = size(s)", s("12345"), true),
        // paths into lists and maps, through the wrong type
        Arguments.of("l[2].k = :v", s("v"), true),
        Arguments.of("l[9] = :v", s("v"), false),
        Arguments.of("m[0] = :v", n(1), false),
        Arguments.of("l.k = :v", s("v"), false),
        // boolean operators
        Arguments.of("s = :v AND n > :v", s("hello"), false),
        Arguments.of("s = :v OR n > :v", s("hello"), true),
        Arguments.of("NOT (s = :v OR t = :v)", s("hello"), false),
        Arguments.of("NOT NOT s = :v", s("hello"), true));
  }

  @ParameterizedTest
  @MethodSource("cases")
  void test_conditionOnItemOfEveryType_matchesDynamoDb(String expression, AttributeValue value, boolean expected) {
    Map<String, AttributeValue> values = new LinkedHashMap<>();
    if (value != null) {
      values.put(":v", value);
    }
    Condition condition = ExpressionSet.compile(ExpressionInputs.builder(Operation.DELETE).conditionExpression(expression)
        .expressionAttributeValues(values.isEmpty() ? null : values).build()).condition();
    assertThat(condition.test(ITEM)).isEqualTo(expected);
  }

  @Test
  void test_noItem_onlyNegationsAndNotExistsHold() {
    Map<String, AttributeValue> values = Map.of(":v", s("x"));
    assertThat(compile("a = :v", values).test(null)).isFalse();
    assertThat(compile("a <> :v", values).test(null)).isTrue();
    assertThat(compile("attribute_not_exists(a)", null).test(null)).isTrue();
    assertThat(compile("attribute_exists(a)", null).test(null)).isFalse();
    assertThat(compile(":v = :v", values).test(null)).isTrue();
  }

  @Test
  void test_placeholderNames_resolveToAnyAttributeName() {
    Item item = Item.of("a.b", s("dotted"), "a", m(Map.of("b", s("nested"))), "name", s("reserved"));
    Condition dotted = ExpressionSet.compile(ExpressionInputs.builder(Operation.DELETE).conditionExpression("#ab = :v")
        .expressionAttributeNames(Map.of("#ab", "a.b")).expressionAttributeValues(Map.of(":v", s("dotted"))).build())
        .condition();
    Condition reserved = ExpressionSet.compile(ExpressionInputs.builder(Operation.DELETE).conditionExpression("#n = :v")
        .expressionAttributeNames(Map.of("#n", "name")).expressionAttributeValues(Map.of(":v", s("reserved"))).build())
        .condition();
    assertThat(dotted.test(item)).isTrue();
    assertThat(reserved.test(item)).isTrue();
  }

  private static Condition compile(String expression, Map<String, AttributeValue> values) {
    return ExpressionSet.compile(ExpressionInputs.builder(Operation.DELETE).conditionExpression(expression)
        .expressionAttributeValues(values).build()).condition();
  }
}
