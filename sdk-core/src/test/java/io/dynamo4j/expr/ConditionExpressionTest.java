package io.dynamo4j.expr;

import static io.dynamo4j.expr.ConditionExpression.and;
import static io.dynamo4j.expr.ConditionExpression.attributeExists;
import static io.dynamo4j.expr.ConditionExpression.attributeNotExists;
import static io.dynamo4j.expr.ConditionExpression.attributeType;
import static io.dynamo4j.expr.ConditionExpression.beginsWith;
import static io.dynamo4j.expr.ConditionExpression.between;
import static io.dynamo4j.expr.ConditionExpression.contains;
import static io.dynamo4j.expr.ConditionExpression.eq;
import static io.dynamo4j.expr.ConditionExpression.ge;
import static io.dynamo4j.expr.ConditionExpression.gt;
import static io.dynamo4j.expr.ConditionExpression.in;
import static io.dynamo4j.expr.ConditionExpression.le;
import static io.dynamo4j.expr.ConditionExpression.lt;
import static io.dynamo4j.expr.ConditionExpression.ne;
import static io.dynamo4j.expr.ConditionExpression.not;
import static io.dynamo4j.expr.ConditionExpression.or;
import static io.dynamo4j.expr.ConditionExpression.raw;
import static io.dynamo4j.expr.Operand.size;
import static io.dynamo4j.model.AttributeValue.b;
import static io.dynamo4j.model.AttributeValue.n;
import static io.dynamo4j.model.AttributeValue.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dynamo4j.model.AttributeValue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ConditionExpressionTest {

  static final AttributePath A = AttributePath.of("a");
  static final AttributePath B = AttributePath.of("b");
  static final AttributePath C = AttributePath.of("c");

  /** Placeholder-to-name pairs, in order. */
  static Map<String, String> names(String... pairs) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      m.put(pairs[i], pairs[i + 1]);
    }
    return m;
  }

  /** Placeholder-to-value pairs, in order. */
  static Map<String, AttributeValue> values(Object... pairs) {
    Map<String, AttributeValue> m = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      m.put((String) pairs[i], (AttributeValue) pairs[i + 1]);
    }
    return m;
  }

  static Arguments row(ConditionExpression c, String text, Map<String, String> names, Map<String, AttributeValue> values) {
    return Arguments.of(c.toString(), c, text, names, values);
  }

  static Stream<Arguments> rendered() {
    return Stream.of(
        // comparisons
        row(eq(A, s("x")), "#n0 = :v0", names("#n0", "a"), values(":v0", s("x"))),
        row(ne(A, s("x")), "#n0 <> :v0", names("#n0", "a"), values(":v0", s("x"))),
        row(lt(A, n(1)), "#n0 < :v0", names("#n0", "a"), values(":v0", n(1))),
        row(le(A, n(1)), "#n0 <= :v0", names("#n0", "a"), values(":v0", n(1))),
        row(gt(A, n(1)), "#n0 > :v0", names("#n0", "a"), values(":v0", n(1))),
        row(ge(A, n(1)), "#n0 >= :v0", names("#n0", "a"), values(":v0", n(1))),
        row(eq(A, B), "#n0 = #n1", names("#n0", "a", "#n1", "b"), values()),
        row(ne(A, B), "#n0 <> #n1", names("#n0", "a", "#n1", "b"), values()),
        row(lt(A, B), "#n0 < #n1", names("#n0", "a", "#n1", "b"), values()),
        row(le(A, B), "#n0 <= #n1", names("#n0", "a", "#n1", "b"), values()),
        row(gt(A, B), "#n0 > #n1", names("#n0", "a", "#n1", "b"), values()),
        row(ge(A, B), "#n0 >= #n1", names("#n0", "a", "#n1", "b"), values()),
        row(eq(AttributePath.parse("a.b[2].c"), s("x")), "#n0.#n1[2].#n2 = :v0",
            names("#n0", "a", "#n1", "b", "#n2", "c"), values(":v0", s("x"))),
        row(eq(AttributePath.parse("a.a[0].a"), s("x")), "#n0.#n0[0].#n0 = :v0", names("#n0", "a"), values(":v0", s("x"))),
        row(eq(AttributePath.of("status"), s("x")), "#n0 = :v0", names("#n0", "status"), values(":v0", s("x"))),
        row(eq(AttributePath.of("a.b c#:d"), s("x")), "#n0 = :v0", names("#n0", "a.b c#:d"), values(":v0", s("x"))),
        row(gt(size(A), n(3)), "size(#n0) > :v0", names("#n0", "a"), values(":v0", n(3))),
        row(lt(Operand.value(n(3)), size(AttributePath.parse("a[1]"))), ":v0 < size(#n0[1])", names("#n0", "a"), values(":v0", n(3))),
        row(eq(size(A), size(B)), "size(#n0) = size(#n1)", names("#n0", "a", "#n1", "b"), values()),
        // between and in
        row(between(A, n(1), n(9)), "#n0 BETWEEN :v0 AND :v1", names("#n0", "a"), values(":v0", n(1), ":v1", n(9))),
        row(between(size(A), B, Operand.value(n(9))), "size(#n0) BETWEEN #n1 AND :v0",
            names("#n0", "a", "#n1", "b"), values(":v0", n(9))),
        row(in(A, s("x")), "#n0 IN (:v0)", names("#n0", "a"), values(":v0", s("x"))),
        row(in(A, s("x"), s("y"), n(3)), "#n0 IN (:v0, :v1, :v2)", names("#n0", "a"),
            values(":v0", s("x"), ":v1", s("y"), ":v2", n(3))),
        row(in(A, List.of(n(1), n(2))), "#n0 IN (:v0, :v1)", names("#n0", "a"), values(":v0", n(1), ":v1", n(2))),
        row(in(A, B, Operand.value(s("x")), size(C)), "#n0 IN (#n1, :v0, size(#n2))",
            names("#n0", "a", "#n1", "b", "#n2", "c"), values(":v0", s("x"))),
        // functions
        row(attributeExists(A), "attribute_exists(#n0)", names("#n0", "a"), values()),
        row(attributeNotExists(AttributePath.parse("a.b")), "attribute_not_exists(#n0.#n1)", names("#n0", "a", "#n1", "b"), values()),
        row(attributeType(A, AttributeValue.Type.SS), "attribute_type(#n0, :v0)", names("#n0", "a"), values(":v0", s("SS"))),
        row(attributeType(A, AttributeValue.Type.NULL), "attribute_type(#n0, :v0)", names("#n0", "a"), values(":v0", s("NULL"))),
        row(beginsWith(A, s("pre")), "begins_with(#n0, :v0)", names("#n0", "a"), values(":v0", s("pre"))),
        row(beginsWith(A, b(new byte[] {1, 2})), "begins_with(#n0, :v0)", names("#n0", "a"), values(":v0", b(new byte[] {1, 2}))),
        row(beginsWith(A, B), "begins_with(#n0, #n1)", names("#n0", "a", "#n1", "b"), values()),
        row(contains(A, s("x")), "contains(#n0, :v0)", names("#n0", "a"), values(":v0", s("x"))),
        row(contains(A, B), "contains(#n0, #n1)", names("#n0", "a", "#n1", "b"), values()),
        // logic and parentheses
        row(and(eq(A, n(1)), eq(B, n(2)), attributeExists(C)), "#n0 = :v0 AND #n1 = :v1 AND attribute_exists(#n2)",
            names("#n0", "a", "#n1", "b", "#n2", "c"), values(":v0", n(1), ":v1", n(2))),
        row(or(eq(A, n(1)), eq(B, n(2))), "#n0 = :v0 OR #n1 = :v1", names("#n0", "a", "#n1", "b"), values(":v0", n(1), ":v1", n(2))),
        row(and(eq(A, n(1)), and(eq(B, n(2)), eq(C, n(3)))), "#n0 = :v0 AND #n1 = :v1 AND #n2 = :v2",
            names("#n0", "a", "#n1", "b", "#n2", "c"), values(":v0", n(1), ":v1", n(2), ":v2", n(3))),
        row(or(or(eq(A, n(1)), eq(B, n(2))), eq(C, n(3))), "#n0 = :v0 OR #n1 = :v1 OR #n2 = :v2",
            names("#n0", "a", "#n1", "b", "#n2", "c"), values(":v0", n(1), ":v1", n(2), ":v2", n(3))),
        row(and(eq(A, n(1)), or(eq(B, n(2)), eq(C, n(3)))), "#n0 = :v0 AND (#n1 = :v1 OR #n2 = :v2)",
            names("#n0", "a", "#n1", "b", "#n2", "c"), values(":v0", n(1), ":v1", n(2), ":v2", n(3))),
        row(or(and(eq(A, n(1)), eq(B, n(2))), eq(C, n(3))), "(#n0 = :v0 AND #n1 = :v1) OR #n2 = :v2",
            names("#n0", "a", "#n1", "b", "#n2", "c"), values(":v0", n(1), ":v1", n(2), ":v2", n(3))),
        row(and(between(A, n(1), n(2)), eq(B, n(3))), "(#n0 BETWEEN :v0 AND :v1) AND #n1 = :v2",
            names("#n0", "a", "#n1", "b"), values(":v0", n(1), ":v1", n(2), ":v2", n(3))),
        row(or(eq(B, n(3)), between(A, n(1), n(2))), "#n0 = :v0 OR (#n1 BETWEEN :v1 AND :v2)",
            names("#n0", "b", "#n1", "a"), values(":v0", n(3), ":v1", n(1), ":v2", n(2))),
        row(not(attributeExists(A)), "NOT attribute_exists(#n0)", names("#n0", "a"), values()),
        row(not(contains(A, s("x"))), "NOT contains(#n0, :v0)", names("#n0", "a"), values(":v0", s("x"))),
        row(not(eq(A, n(1))), "NOT (#n0 = :v0)", names("#n0", "a"), values(":v0", n(1))),
        row(not(between(A, n(1), n(2))), "NOT (#n0 BETWEEN :v0 AND :v1)", names("#n0", "a"), values(":v0", n(1), ":v1", n(2))),
        row(not(in(A, n(1))), "NOT (#n0 IN (:v0))", names("#n0", "a"), values(":v0", n(1))),
        row(not(and(eq(A, n(1)), eq(B, n(2)))), "NOT (#n0 = :v0 AND #n1 = :v1)",
            names("#n0", "a", "#n1", "b"), values(":v0", n(1), ":v1", n(2))),
        row(not(not(attributeExists(A))), "NOT (NOT attribute_exists(#n0))", names("#n0", "a"), values()),
        row(and(not(eq(A, n(1))), eq(B, n(2))), "NOT (#n0 = :v0) AND #n1 = :v1",
            names("#n0", "a", "#n1", "b"), values(":v0", n(1), ":v1", n(2))),
        row(or(not(attributeExists(A)), not(attributeExists(B))), "NOT attribute_exists(#n0) OR NOT attribute_exists(#n1)",
            names("#n0", "a", "#n1", "b"), values()),
        row(and(eq(A, n(1))), "#n0 = :v0", names("#n0", "a"), values(":v0", n(1))),
        // sharing
        row(and(gt(A, n(1)), lt(A, n(5))), "#n0 > :v0 AND #n0 < :v1", names("#n0", "a"), values(":v0", n(1), ":v1", n(5))),
        row(and(eq(A, n(1)), eq(B, n("1.0"))), "#n0 = :v0 AND #n1 = :v0", names("#n0", "a", "#n1", "b"), values(":v0", n(1))),
        row(and(eq(A, s("1")), eq(B, n(1))), "#n0 = :v0 AND #n1 = :v1", names("#n0", "a", "#n1", "b"),
            values(":v0", s("1"), ":v1", n(1))),
        row(in(A, s("x"), s("x")), "#n0 IN (:v0, :v0)", names("#n0", "a"), values(":v0", s("x"))),
        // raw fragments
        row(raw("attribute_exists(id)"), "attribute_exists(id)", names(), values()),
        row(raw("#s = :v", Map.of("#s", "status"), Map.of(":v", s("B"))), "#s = :v", names("#s", "status"), values(":v", s("B"))),
        row(and(eq(AttributePath.of("status"), s("A")), raw("#s = :v", Map.of("#s", "status"), Map.of(":v", s("B")))),
            "#n0 = :v0 AND (#n0 = :v)", names("#n0", "status"), values(":v0", s("A"), ":v", s("B"))),
        row(and(eq(A, s("A")), raw("#n0 = :v0", Map.of("#n0", "b"), Map.of(":v0", s("B")))),
            "#n0 = :v0 AND (#n1 = :v1)", names("#n0", "a", "#n1", "b"), values(":v0", s("A"), ":v1", s("B"))),
        row(and(raw("#n0 = :v0", Map.of("#n0", "b"), Map.of(":v0", s("B"))), eq(A, s("A"))),
            "(#n0 = :v0) AND #n1 = :v1", names("#n0", "b", "#n1", "a"), values(":v0", s("B"), ":v1", s("A"))),
        row(and(raw("#a = :v", Map.of("#a", "x"), Map.of(":v", n(1))), raw("#ab <> #a", names("#ab", "z", "#a", "y"), Map.of())),
            "(#a = :v) AND (#ab <> #n0)", names("#a", "x", "#ab", "z", "#n0", "y"), values(":v", n(1))),
        row(or(raw("#x = :x", Map.of("#x", "a"), Map.of(":x", n(1))), raw("#x = :x", Map.of("#x", "a"), Map.of(":x", n(1)))),
            "(#x = :x) OR (#x = :x)", names("#x", "a"), values(":x", n(1))),
        row(or(raw("#x = :x", Map.of("#x", "a"), Map.of(":x", n(1))), raw("#x = :x", Map.of("#x", "b"), Map.of(":x", n(2)))),
            "(#x = :x) OR (#n0 = :v0)", names("#x", "a", "#n0", "b"), values(":x", n(1), ":v0", n(2))),
        row(not(raw("#a = #b", names("#a", "x", "#b", "x"), Map.of())), "NOT (#a = #a)", names("#a", "x"), values()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rendered")
  void render_eachConstruct_pinsTextAndMaps(
      String label, ConditionExpression c, String text, Map<String, String> names, Map<String, AttributeValue> values) {
    Expressions e = Expressions.builder().condition(c).build();

    assertThat(e.conditionExpression()).isEqualTo(text);
    assertThat(e.expressionAttributeNames()).containsExactlyEntriesOf(names);
    assertThat(e.expressionAttributeValues()).containsExactlyEntriesOf(values);
  }

  @Test
  void in_hundredCandidates_isAccepted() {
    List<AttributeValue> hundred = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      hundred.add(n(i));
    }
    Expressions e = Expressions.builder().condition(in(A, hundred)).build();
    assertThat(e.conditionExpression()).startsWith("#n0 IN (:v0, :v1, ").endsWith(", :v99)");
    assertThat(e.expressionAttributeValues()).hasSize(100);
  }

  @Test
  void in_moreThanHundredCandidates_throws() {
    List<AttributeValue> many = new ArrayList<>(Collections.nCopies(101, n(1)));
    assertThatThrownBy(() -> in(A, many))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("IN takes 1 to 100 candidates; got 101 for a (split a longer list into an or(...) of several IN conditions)");
  }

  @Test
  void in_noCandidates_throws() {
    assertThatThrownBy(() -> in(A, List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("IN takes 1 to 100 candidates; got 0 for a (split a longer list into an or(...) of several IN conditions)");
    assertThatThrownBy(() -> in(A, new AttributeValue[0]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("IN takes 1 to 100 candidates; got 0");
    assertThatThrownBy(() -> in(A, new Operand[0]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("IN takes 1 to 100 candidates; got 0");
  }

  static Stream<Arguments> badRaw() {
    return Stream.of(
        Arguments.of("#s = :v", Map.of(), Map.of(":v", n(1)),
            "ConditionExpression.raw: #s is used in \"#s = :v\" but not defined in names"),
        Arguments.of("#s = :v", Map.of("#s", "a"), Map.of(),
            "ConditionExpression.raw: :v is used in \"#s = :v\" but not defined in values"),
        Arguments.of("#s = :v", Map.of("#s", "a", "#t", "b"), Map.of(":v", n(1)),
            "ConditionExpression.raw: #t is defined in names but not used in \"#s = :v\"; DynamoDB rejects requests with unused placeholders"),
        Arguments.of("#s = :v", Map.of("#s", "a"), Map.of(":v", n(1), ":w", n(2)),
            "ConditionExpression.raw: :w is defined in values but not used in \"#s = :v\"; DynamoDB rejects requests with unused placeholders"),
        Arguments.of("#s = :v", Map.of("s", "a"), Map.of(":v", n(1)),
            "ConditionExpression.raw: names key \"s\" is not a name placeholder; it must be '#' followed by letters, digits or underscores"),
        Arguments.of("#s = :v", Map.of("#s-1", "a"), Map.of(":v", n(1)),
            "ConditionExpression.raw: names key \"#s-1\" is not a name placeholder; it must be '#' followed by letters, digits or underscores"),
        Arguments.of("#s = :v", Map.of("#s", "a"), Map.of("#v", n(1)),
            "ConditionExpression.raw: values key \"#v\" is not a value placeholder; it must be ':' followed by letters, digits or underscores"),
        Arguments.of("#s = :v", Map.of("#s", ""), Map.of(":v", n(1)),
            "ConditionExpression.raw: #s maps to an empty attribute name"),
        Arguments.of("  ", Map.of(), Map.of(), "ConditionExpression.raw: the expression must not be empty"));
  }

  @ParameterizedTest(name = "{4}")
  @MethodSource("badRaw")
  void raw_malformed_throwsIllegalArgument(
      String text, Map<String, String> names, Map<String, AttributeValue> values, String message) {
    assertThatThrownBy(() -> raw(text, names, values))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }

  @Test
  void factories_nullArguments_throwIllegalArgument() {
    assertThatThrownBy(() -> eq(null, n(1))).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("left operand of = must not be null");
    assertThatThrownBy(() -> eq(A, (AttributeValue) null)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("value must not be null");
    assertThatThrownBy(() -> and(eq(A, n(1)), (ConditionExpression) null)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("operand of and must not be null");
    assertThatThrownBy(() -> and(List.of())).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("and(...) needs at least one condition");
    assertThatThrownBy(() -> or(List.of())).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("or(...) needs at least one condition");
    assertThatThrownBy(() -> not(null)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("operand of not must not be null");
    assertThatThrownBy(() -> attributeType(A, null)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("type of attribute_type must not be null");
    assertThatThrownBy(() -> raw(null, Map.of(), Map.of())).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("ConditionExpression.raw expression must not be null");
  }

  @Test
  void equals_sameConstruction_equalAndFlattenedAndsEqual() {
    assertThat(and(eq(A, n(1)), eq(B, n(2)))).isEqualTo(and(eq(A, n(1)), eq(B, n(2))))
        .hasSameHashCodeAs(and(eq(A, n(1)), eq(B, n(2))));
    assertThat(and(and(eq(A, n(1)), eq(B, n(2))), eq(C, n(3))))
        .isEqualTo(and(eq(A, n(1)), eq(B, n(2)), eq(C, n(3))));
    assertThat(eq(A, n(1))).isNotEqualTo(eq(A, n(2)));
  }

  @Test
  void toString_writesNamesAndValuesInline() {
    ConditionExpression c = and(eq(AttributePath.of("status"), s("OPEN")), gt(size(AttributePath.of("tags")), n(3)),
        raw("#x = :y", Map.of("#x", "k"), Map.of(":y", n(1))));
    assertThat(c).hasToString("status = {S: OPEN} AND size(tags) > {N: 3} AND (k = {N: 1})");
  }
}
