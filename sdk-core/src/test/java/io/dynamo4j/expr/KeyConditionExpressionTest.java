package io.dynamo4j.expr;

import static io.dynamo4j.expr.ConditionExpressionTest.names;
import static io.dynamo4j.expr.ConditionExpressionTest.values;
import static io.dynamo4j.expr.KeyConditionExpression.partition;
import static io.dynamo4j.model.AttributeValue.n;
import static io.dynamo4j.model.AttributeValue.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dynamo4j.model.AttributeValue;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class KeyConditionExpressionTest {

  static final KeyConditionExpression PK = partition("pk", s("p"));

  static Arguments row(KeyConditionExpression k, String text, Map<String, String> names, Map<String, AttributeValue> values) {
    return Arguments.of(k.toString(), k, text, names, values);
  }

  static Stream<Arguments> rendered() {
    return Stream.of(
        row(PK, "#n0 = :v0", names("#n0", "pk"), values(":v0", s("p"))),
        row(PK.sortEq("sk", s("x")), "#n0 = :v0 AND #n1 = :v1", names("#n0", "pk", "#n1", "sk"), values(":v0", s("p"), ":v1", s("x"))),
        row(PK.sortLt("sk", n(5)), "#n0 = :v0 AND #n1 < :v1", names("#n0", "pk", "#n1", "sk"), values(":v0", s("p"), ":v1", n(5))),
        row(PK.sortLe("sk", n(5)), "#n0 = :v0 AND #n1 <= :v1", names("#n0", "pk", "#n1", "sk"), values(":v0", s("p"), ":v1", n(5))),
        row(PK.sortGt("sk", n(5)), "#n0 = :v0 AND #n1 > :v1", names("#n0", "pk", "#n1", "sk"), values(":v0", s("p"), ":v1", n(5))),
        row(PK.sortGe("sk", n(5)), "#n0 = :v0 AND #n1 >= :v1", names("#n0", "pk", "#n1", "sk"), values(":v0", s("p"), ":v1", n(5))),
        row(PK.sortBetween("sk", n(1), n(9)), "#n0 = :v0 AND #n1 BETWEEN :v1 AND :v2",
            names("#n0", "pk", "#n1", "sk"), values(":v0", s("p"), ":v1", n(1), ":v2", n(9))),
        row(PK.sortBeginsWith("sk", s("ORDER#")), "#n0 = :v0 AND begins_with(#n1, :v1)",
            names("#n0", "pk", "#n1", "sk"), values(":v0", s("p"), ":v1", s("ORDER#"))),
        row(partition("status", s("p")).sortEq("a.b", s("p")), "#n0 = :v0 AND #n1 = :v0",
            names("#n0", "status", "#n1", "a.b"), values(":v0", s("p"))),
        row(partition("t", s("W")).andPartition("r", s("NA")).sortEq("round", s("SEMI")).sortBetween("match", n(1), n(9)),
            "#n0 = :v0 AND #n1 = :v1 AND #n2 = :v2 AND #n3 BETWEEN :v3 AND :v4",
            names("#n0", "t", "#n1", "r", "#n2", "round", "#n3", "match"),
            values(":v0", s("W"), ":v1", s("NA"), ":v2", s("SEMI"), ":v3", n(1), ":v4", n(9))),
        row(partition("p1", n(1)).andPartition("p2", n(2)).andPartition("p3", n(3)).andPartition("p4", n(4))
                .sortEq("s1", n(5)).sortEq("s2", n(6)).sortEq("s3", n(7)).sortBeginsWith("s4", s("x")),
            "#n0 = :v0 AND #n1 = :v1 AND #n2 = :v2 AND #n3 = :v3 AND #n4 = :v4 AND #n5 = :v5 AND #n6 = :v6"
                + " AND begins_with(#n7, :v7)",
            names("#n0", "p1", "#n1", "p2", "#n2", "p3", "#n3", "p4", "#n4", "s1", "#n5", "s2", "#n6", "s3", "#n7", "s4"),
            values(":v0", n(1), ":v1", n(2), ":v2", n(3), ":v3", n(4), ":v4", n(5), ":v5", n(6), ":v6", n(7), ":v7", s("x"))),
        row(KeyConditionExpression.raw("#p = :p AND #s > :s", names("#p", "pk", "#s", "sk"), values(":p", s("p"), ":s", n(0))),
            "#p = :p AND #s > :s", names("#p", "pk", "#s", "sk"), values(":p", s("p"), ":s", n(0))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rendered")
  void render_eachForm_pinsTextAndMaps(
      String label, KeyConditionExpression k, String text, Map<String, String> names, Map<String, AttributeValue> values) {
    Expressions e = Expressions.builder().keyCondition(k).build();

    assertThat(e.keyConditionExpression()).isEqualTo(text);
    assertThat(e.expressionAttributeNames()).containsExactlyEntriesOf(names);
    assertThat(e.expressionAttributeValues()).containsExactlyEntriesOf(values);
  }

  @Test
  void sort_afterRange_throwsIllegalState() {
    KeyConditionExpression ranged = PK.sortGt("a", n(1));
    assertThatThrownBy(() -> ranged.sortEq("b", n(2)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("sortEq(\"b\") after a range condition: a key condition has at most one range condition"
            + " (<, <=, >, >=, BETWEEN, begins_with), on the last sort key attribute it names");
    assertThatThrownBy(() -> ranged.sortBetween("b", n(1), n(2)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("sortBetween(\"b\") after a range condition");
  }

  @Test
  void andPartition_afterSort_throwsIllegalState() {
    assertThatThrownBy(() -> PK.sortEq("s", n(1)).andPartition("p2", n(2)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("andPartition(\"p2\") after a sort key condition: name every partition key attribute before the sort key conditions");
  }

  @Test
  void moreThanFourAttributes_throwsIllegalState() {
    KeyConditionExpression four = partition("p1", n(1)).andPartition("p2", n(1)).andPartition("p3", n(1)).andPartition("p4", n(1));
    assertThatThrownBy(() -> four.andPartition("p5", n(1)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("andPartition(\"p5\"): a key has at most 4 partition key attributes");
    KeyConditionExpression fourSorts = PK.sortEq("s1", n(1)).sortEq("s2", n(1)).sortEq("s3", n(1)).sortEq("s4", n(1));
    assertThatThrownBy(() -> fourSorts.sortLt("s5", n(1)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("sortLt(\"s5\"): a key has at most 4 sort key attributes");
  }

  @Test
  void extendingRaw_throwsIllegalState() {
    KeyConditionExpression raw = KeyConditionExpression.raw("pk = :p", Map.of(), Map.of(":p", s("x")));
    assertThatThrownBy(() -> raw.sortEq("sk", n(1)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("sortEq(\"sk\") on a raw key condition: write the whole condition in raw(...)");
  }

  @Test
  void badArguments_throwIllegalArgument() {
    assertThatThrownBy(() -> partition("", s("x"))).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("key attribute name must not be empty");
    assertThatThrownBy(() -> partition(null, s("x"))).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("key attribute name must not be null");
    assertThatThrownBy(() -> PK.sortBetween("sk", n(1), null)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("key condition value must not be null");
  }

  @Test
  void equalsAndToString() {
    assertThat(PK.sortLt("sk", n(1))).isEqualTo(partition("pk", s("p")).sortLt("sk", n(1)))
        .hasSameHashCodeAs(partition("pk", s("p")).sortLt("sk", n(1)))
        .isNotEqualTo(PK.sortLe("sk", n(1)))
        .hasToString("pk = {S: p} AND sk < {N: 1}");
  }
}
