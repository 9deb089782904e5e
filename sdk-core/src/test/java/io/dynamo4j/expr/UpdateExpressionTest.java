package io.dynamo4j.expr;

import static io.dynamo4j.expr.ConditionExpressionTest.names;
import static io.dynamo4j.expr.ConditionExpressionTest.values;
import static io.dynamo4j.expr.SetValue.ifNotExists;
import static io.dynamo4j.expr.SetValue.listAppend;
import static io.dynamo4j.expr.SetValue.minus;
import static io.dynamo4j.expr.SetValue.plus;
import static io.dynamo4j.model.AttributeValue.bool;
import static io.dynamo4j.model.AttributeValue.bs;
import static io.dynamo4j.model.AttributeValue.l;
import static io.dynamo4j.model.AttributeValue.m;
import static io.dynamo4j.model.AttributeValue.n;
import static io.dynamo4j.model.AttributeValue.ns;
import static io.dynamo4j.model.AttributeValue.s;
import static io.dynamo4j.model.AttributeValue.ss;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dynamo4j.model.AttributeValue;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class UpdateExpressionTest {

  static final AttributePath A = AttributePath.of("a");
  static final AttributePath B = AttributePath.of("b");
  static final AttributePath C = AttributePath.of("c");
  static final UpdateExpression U = UpdateExpression.empty();

  static Arguments row(UpdateExpression u, String text, Map<String, String> names, Map<String, AttributeValue> values) {
    return Arguments.of(u.toString(), u, text, names, values);
  }

  static Stream<Arguments> rendered() {
    return Stream.of(
        // SET
        row(U.set(A, s("x")), "SET #n0 = :v0", names("#n0", "a"), values(":v0", s("x"))),
        row(U.set(A, SetValue.value(s("x"))), "SET #n0 = :v0", names("#n0", "a"), values(":v0", s("x"))),
        row(U.set(A, B), "SET #n0 = #n1", names("#n0", "a", "#n1", "b"), values()),
        row(U.set(AttributePath.parse("a.b[0]"), m(Map.of("k", bool(true)))), "SET #n0.#n1[0] = :v0",
            names("#n0", "a", "#n1", "b"), values(":v0", m(Map.of("k", bool(true))))),
        row(U.set(A, plus(A, n(1))), "SET #n0 = #n0 + :v0", names("#n0", "a"), values(":v0", n(1))),
        row(U.set(A, minus(A, n(1))), "SET #n0 = #n0 - :v0", names("#n0", "a"), values(":v0", n(1))),
        row(U.set(A, plus(n(1), A)), "SET #n0 = :v0 + #n0", names("#n0", "a"), values(":v0", n(1))),
        row(U.set(A, minus(n(10), B)), "SET #n0 = :v0 - #n1", names("#n0", "a", "#n1", "b"), values(":v0", n(10))),
        row(U.set(A, plus(B, C)), "SET #n0 = #n1 + #n2", names("#n0", "a", "#n1", "b", "#n2", "c"), values()),
        row(U.set(A, listAppend(A, l(s("x")))), "SET #n0 = list_append(#n0, :v0)", names("#n0", "a"), values(":v0", l(s("x")))),
        row(U.set(A, listAppend(l(s("x")), A)), "SET #n0 = list_append(:v0, #n0)", names("#n0", "a"), values(":v0", l(s("x")))),
        row(U.set(A, listAppend(B, C)), "SET #n0 = list_append(#n1, #n2)", names("#n0", "a", "#n1", "b", "#n2", "c"), values()),
        row(U.set(A, listAppend(ifNotExists(A, l()), l(n(1)))), "SET #n0 = list_append(if_not_exists(#n0, :v0), :v1)",
            names("#n0", "a"), values(":v0", l(), ":v1", l(n(1)))),
        row(U.set(A, ifNotExists(A, n(0))), "SET #n0 = if_not_exists(#n0, :v0)", names("#n0", "a"), values(":v0", n(0))),
        row(U.set(A, ifNotExists(A, B)), "SET #n0 = if_not_exists(#n0, #n1)", names("#n0", "a", "#n1", "b"), values()),
        row(U.set(A, ifNotExists(A, ifNotExists(B, n(0)))), "SET #n0 = if_not_exists(#n0, if_not_exists(#n1, :v0))",
            names("#n0", "a", "#n1", "b"), values(":v0", n(0))),
        row(U.set(A, plus(ifNotExists(A, n(0)), n(1))), "SET #n0 = if_not_exists(#n0, :v0) + :v1",
            names("#n0", "a"), values(":v0", n(0), ":v1", n(1))),
        row(U.set(A, minus(ifNotExists(A, n(0)), ifNotExists(B, n(0)))),
            "SET #n0 = if_not_exists(#n0, :v0) - if_not_exists(#n1, :v0)", names("#n0", "a", "#n1", "b"), values(":v0", n(0))),
        // REMOVE, ADD, DELETE
        row(U.remove(A), "REMOVE #n0", names("#n0", "a"), values()),
        row(U.remove(AttributePath.parse("a[3]")).remove(AttributePath.parse("b.c")), "REMOVE #n0[3], #n1.#n2",
            names("#n0", "a", "#n1", "b", "#n2", "c"), values()),
        row(U.add(A, n(1)), "ADD #n0 :v0", names("#n0", "a"), values(":v0", n(1))),
        row(U.add(A, ss("x", "y")), "ADD #n0 :v0", names("#n0", "a"), values(":v0", ss("x", "y"))),
        row(U.add(A, ns(1, 2)).add(B, bs(new byte[] {1})), "ADD #n0 :v0, #n1 :v1",
            names("#n0", "a", "#n1", "b"), values(":v0", ns(1, 2), ":v1", bs(new byte[] {1}))),
        row(U.delete(A, ss("x")), "DELETE #n0 :v0", names("#n0", "a"), values(":v0", ss("x"))),
        row(U.delete(A, ns(1)).delete(B, bs(new byte[] {2})), "DELETE #n0 :v0, #n1 :v1",
            names("#n0", "a", "#n1", "b"), values(":v0", ns(1), ":v1", bs(new byte[] {2}))),
        // clause order and numbering follow the text, not the calls
        row(U.delete(AttributePath.of("e"), ss("d")).add(AttributePath.of("d"), n(4)).remove(C).set(A, n(1)).set(B, n(2)),
            "SET #n0 = :v0, #n1 = :v1 REMOVE #n2 ADD #n3 :v2 DELETE #n4 :v3",
            names("#n0", "a", "#n1", "b", "#n2", "c", "#n3", "d", "#n4", "e"),
            values(":v0", n(1), ":v1", n(2), ":v2", n(4), ":v3", ss("d"))),
        row(U.set(A, n(1)).combine(U.remove(B).set(C, n(1))), "SET #n0 = :v0, #n1 = :v0 REMOVE #n2",
            names("#n0", "a", "#n1", "c", "#n2", "b"), values(":v0", n(1))),
        row(U.combine(U.remove(A)), "REMOVE #n0", names("#n0", "a"), values()),
        // raw fragments
        row(UpdateExpression.raw("SET #c = #c + :one REMOVE #t", names("#c", "count", "#t", "tmp"), Map.of(":one", n(1))),
            "SET #c = #c + :one REMOVE #t", names("#c", "count", "#t", "tmp"), values(":one", n(1))),
        row(UpdateExpression.raw("  set a = :v   remove b,c  ", Map.of(), Map.of(":v", n(1))),
            "SET a = :v REMOVE b, c", names(), values(":v", n(1))),
        row(UpdateExpression.raw("SET #l = list_append(#l, :v), #m = if_not_exists(#m, :w) DELETE #s :x",
                names("#l", "l", "#m", "m", "#s", "s"), values(":v", l(n(1)), ":w", n(0), ":x", ss("q"))),
            "SET #l = list_append(#l, :v), #m = if_not_exists(#m, :w) DELETE #s :x",
            names("#l", "l", "#m", "m", "#s", "s"), values(":v", l(n(1)), ":w", n(0), ":x", ss("q"))),
        row(UpdateExpression.raw("SET #set = :add, settings = :add, addr = :add", Map.of("#set", "set"), Map.of(":add", n(1))),
            "SET #set = :add, settings = :add, addr = :add", names("#set", "set"), values(":add", n(1))),
        row(U.set(A, n(1)).combine(UpdateExpression.raw("REMOVE #a SET #b = :v", names("#a", "x", "#b", "y"), Map.of(":v", n(1)))),
            "SET #n0 = :v0, #b = :v0 REMOVE #a", names("#n0", "a", "#b", "y", "#a", "x"), values(":v0", n(1))),
        row(U.set(A, n(1)).combine(UpdateExpression.raw("SET #n0 = :v0 ADD #n1 :v1", names("#n0", "x", "#n1", "a"),
                values(":v0", n(2), ":v1", n(3)))),
            "SET #n0 = :v0, #n1 = :v1 ADD #n0 :v2", names("#n0", "a", "#n1", "x"), values(":v0", n(1), ":v1", n(2), ":v2", n(3))),
        row(UpdateExpression.raw("SET #a = :a", Map.of("#a", "p"), Map.of(":a", n(1)))
                .combine(UpdateExpression.raw("SET #ab = :ab, #a = :a", names("#ab", "q", "#a", "r"), values(":ab", n(2), ":a", n(3)))),
            "SET #a = :a, #ab = :ab, #n0 = :v0", names("#a", "p", "#ab", "q", "#n0", "r"), values(":a", n(1), ":ab", n(2), ":v0", n(3))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rendered")
  void render_eachAction_pinsTextAndMaps(
      String label, UpdateExpression u, String text, Map<String, String> names, Map<String, AttributeValue> values) {
    Expressions e = Expressions.builder().update(u).build();

    assertThat(e.updateExpression()).isEqualTo(text);
    assertThat(e.expressionAttributeNames()).containsExactlyEntriesOf(names);
    assertThat(e.expressionAttributeValues()).containsExactlyEntriesOf(values);
  }

  static Stream<Arguments> badSetValues() {
    String rule = ": '+', '-' and list_append may only be the whole right-hand side of a SET action,"
        + " and their operands are paths, values or if_not_exists(...)";
    return Stream.of(
        Arguments.of((Runnable) () -> plus(plus(A, n(1)), n(2)), "DynamoDB's SET does not allow a + {N: 1} inside +" + rule),
        Arguments.of((Runnable) () -> minus(A, minus(B, n(1))), "DynamoDB's SET does not allow b - {N: 1} inside -" + rule),
        Arguments.of((Runnable) () -> plus(listAppend(A, l()), n(1)), "DynamoDB's SET does not allow list_append(a, {L: []}) inside +" + rule),
        Arguments.of((Runnable) () -> listAppend(listAppend(A, l()), l()),
            "DynamoDB's SET does not allow list_append(a, {L: []}) inside list_append" + rule),
        Arguments.of((Runnable) () -> listAppend(plus(A, n(1)), B), "DynamoDB's SET does not allow a + {N: 1} inside list_append" + rule),
        Arguments.of((Runnable) () -> ifNotExists(A, plus(A, n(1))), "DynamoDB's SET does not allow a + {N: 1} inside if_not_exists" + rule),
        Arguments.of((Runnable) () -> ifNotExists(A, listAppend(A, l())),
            "DynamoDB's SET does not allow list_append(a, {L: []}) inside if_not_exists" + rule));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("badSetValues")
  void setValue_nestingDynamoDbRejects_throws(Runnable build, String message) {
    assertThatThrownBy(build::run).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
  }

  @Test
  void add_valueNotNumberOrSet_throws() {
    assertThatThrownBy(() -> U.add(A, s("x")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("ADD takes a number or a set (N, SS, NS or BS); got S for a (use set(...) to assign other types)");
    assertThatThrownBy(() -> U.add(A, l(n(1))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("ADD takes a number or a set (N, SS, NS or BS); got L for a");
  }

  @Test
  void delete_valueNotSet_throws() {
    assertThatThrownBy(() -> U.delete(AttributePath.parse("a.b"), n(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("DELETE removes elements from a set and takes a set (SS, NS or BS); got N for a.b"
            + " (use remove(...) to delete an attribute)");
  }

  static Stream<Arguments> badRaw() {
    return Stream.of(
        Arguments.of("a = :v", "UpdateExpression.raw: \"a = :v\" must start with SET, REMOVE, ADD or DELETE"),
        Arguments.of("UPSERT a = :v", "UpdateExpression.raw: \"UPSERT a = :v\" must start with SET, REMOVE, ADD or DELETE"),
        Arguments.of("SET", "UpdateExpression.raw: \"SET\" has an empty action in its SET clause"),
        Arguments.of("SET a = :v,", "UpdateExpression.raw: \"SET a = :v,\" has an empty action in its SET clause"),
        Arguments.of("SET a = :v REMOVE", "UpdateExpression.raw: \"SET a = :v REMOVE\" has an empty action in its REMOVE clause"),
        Arguments.of("SET a = :v ADD ,b :v", "UpdateExpression.raw: \"SET a = :v ADD ,b :v\" has an empty action in its ADD clause"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badRaw")
  void raw_malformed_throws(String text, String message) {
    Map<String, AttributeValue> values = text.contains(":v") ? Map.of(":v", n(1)) : Map.of();
    assertThatThrownBy(() -> UpdateExpression.raw(text, Map.of(), values))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }

  @Test
  void raw_undefinedPlaceholder_throws() {
    assertThatThrownBy(() -> UpdateExpression.raw("SET #a = :v", Map.of(), Map.of(":v", n(1))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("UpdateExpression.raw: #a is used in \"SET #a = :v\" but not defined in names");
  }

  @Test
  void build_emptyUpdate_throws() {
    assertThatThrownBy(() -> Expressions.builder().update(UpdateExpression.empty()).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the update has no actions; add set(...), remove(...), add(...) or delete(...) to UpdateExpression.empty()");
  }

  @Test
  void set_returnsNewExpression_originalUnchanged() {
    UpdateExpression one = U.set(A, n(1));
    UpdateExpression two = one.remove(B);
    assertThat(U.isEmpty()).isTrue();
    assertThat(one).hasToString("SET a = {N: 1}");
    assertThat(two).hasToString("SET a = {N: 1} REMOVE b");
    assertThat(one).isEqualTo(U.set(A, n(1))).hasSameHashCodeAs(U.set(A, n(1)));
    assertThat(one).isNotEqualTo(two);
  }

  @Test
  void factories_nullArguments_throwIllegalArgument() {
    assertThatThrownBy(() -> U.set(null, n(1))).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("path of SET must not be null");
    assertThatThrownBy(() -> U.set(A, (SetValue) null)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("value of SET must not be null");
    assertThatThrownBy(() -> U.remove(null)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("path of REMOVE must not be null");
    assertThatThrownBy(() -> plus((SetValue) null, n(1))).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("operand of + must not be null");
    assertThatThrownBy(() -> U.combine(null)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("other update must not be null");
  }
}
