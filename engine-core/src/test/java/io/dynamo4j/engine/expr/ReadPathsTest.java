package io.dynamo4j.engine.expr;

import static io.dynamo4j.model.AttributeValue.n;
import static io.dynamo4j.model.AttributeValue.s;
import static org.assertj.core.api.Assertions.assertThat;

import io.dynamo4j.api.ComparisonOperator;
import io.dynamo4j.api.ScalarAttributeType;
import io.dynamo4j.engine.expr.ExpressionInputs.Operation;
import io.dynamo4j.model.AttributeValue;
import io.dynamo4j.model.Item;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What Query and Scan read from compiled expressions: the top-level attributes a filter or a
 * projection names (all, and those read below the top level), and whether a key satisfies the sort
 * part of a key condition.
 */
class ReadPathsTest {

  private static final Map<String, AttributeValue> VALUES = Map.of(":v", s("x"), ":n", n(1));

  static Stream<Arguments> filters() {
    return Stream.of(
        Arguments.of("a = :v", "[a]", "[]"),
        Arguments.of("a.b = :v AND c[1] > :n", "[a, c]", "[a, c]"),
        Arguments.of("NOT (attribute_exists(d.e) OR size(f[0]) > :n) AND a = b", "[d, f, a, b]", "[d, f]"),
        Arguments.of("c IN (:v, e.f) AND begins_with(g, :v) AND contains(h.i, :v)", "[c, e, g, h]", "[e, h]"),
        Arguments.of("a BETWEEN b AND c.d AND attribute_type(t, :s)", "[a, b, c, t]", "[c]"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("filters")
  void filter_paths_nameTopLevelAttributesInTextOrder(String filter, String all, String nested) {
    Condition condition = ExpressionSet.compile(ExpressionInputs.builder(Operation.SCAN).filterExpression(filter)
        .expressionAttributeValues(values(filter)).build()).filter();
    assertThat(condition.topLevelAttributes().toString()).isEqualTo(all);
    assertThat(condition.nestedAttributes().toString()).isEqualTo(nested);
  }

  /** The placeholders {@code filter} uses, with values. */
  private static Map<String, AttributeValue> values(String filter) {
    Map<String, AttributeValue> m = new java.util.HashMap<>();
    if (filter.contains(":v")) {
      m.put(":v", s("x"));
    }
    if (filter.contains(":n")) {
      m.put(":n", n(1));
    }
    if (filter.contains(":s")) {
      m.put(":s", s("S"));
    }
    return m.isEmpty() ? null : m;
  }

  @Test
  void legacyScanFilter_paths_areTopLevel() {
    Condition condition = ExpressionSet.compile(ExpressionInputs.builder(Operation.SCAN).scanFilter(Map.of(
        "a", io.dynamo4j.api.Condition.builder().comparisonOperator(ComparisonOperator.NOT_NULL).build())).build()).filter();
    assertThat(condition.topLevelAttributes()).containsExactly("a");
    assertThat(condition.nestedAttributes()).isEmpty();
  }

  @Test
  void projection_nestedAttributes_areThoseReadBelowTheTop() {
    Projection projection = ExpressionSet.compile(ExpressionInputs.builder(Operation.SCAN)
        .projectionExpression("a, b.c, d[2], e").build()).projection();
    assertThat(projection.topLevelAttributes()).containsExactly("a", "b", "d", "e");
    assertThat(projection.nestedAttributes()).containsExactlyInAnyOrder("b", "d");
  }

  @Test
  void keyQuery_matchesSort_ignoresThePartitionAndTestsEqualitiesAndRange() {
    KeySchema schema = new KeySchema(java.util.List.of(new KeySchema.Attribute("p", ScalarAttributeType.S)),
        java.util.List.of(new KeySchema.Attribute("r", ScalarAttributeType.N), new KeySchema.Attribute("s", ScalarAttributeType.S)));
    KeyQuery query = ExpressionSet.compile(ExpressionInputs.builder(Operation.QUERY)
        .keyConditionExpression("p = :v AND r = :n AND begins_with(s, :v)").expressionAttributeValues(VALUES).build())
        .keyCondition().analyze(schema);
    assertThat(query.matchesSort(Item.of("p", s("other"), "r", n(1), "s", s("xyz")))).isTrue();
    assertThat(query.matchesSort(Item.of("p", s("x"), "r", n(2), "s", s("xyz")))).isFalse();
    assertThat(query.matchesSort(Item.of("p", s("x"), "r", n(1), "s", s("yz")))).isFalse();
    KeyQuery partitionOnly = ExpressionSet.compile(ExpressionInputs.builder(Operation.QUERY)
        .keyConditionExpression("p = :v").expressionAttributeValues(Map.of(":v", s("x"))).build()).keyCondition().analyze(schema);
    assertThat(partitionOnly.matchesSort(Item.of("p", s("y")))).isTrue();
  }
}
