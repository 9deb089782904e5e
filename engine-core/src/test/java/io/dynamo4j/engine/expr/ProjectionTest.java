package io.dynamo4j.engine.expr;

import static io.dynamo4j.model.AttributeValue.l;
import static io.dynamo4j.model.AttributeValue.m;
import static io.dynamo4j.model.AttributeValue.n;
import static io.dynamo4j.model.AttributeValue.s;
import static org.assertj.core.api.Assertions.assertThat;

import io.dynamo4j.engine.expr.ExpressionInputs.Operation;
import io.dynamo4j.model.Item;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** ProjectionExpression applied to an item: nested attributes and list elements as DynamoDB returns them. */
class ProjectionTest {

  static final Item ITEM = Item.builder()
      .put("p", s("key"))
      .put("a", m(Map.of("b", l(n(2), n(4), m(Map.of("x", s("hi"), "y", s("yo")))), "c", n(5))))
      .put("b", s("hello"))
      .put("l", l(n(0), n(1), n(2), n(3)))
      .build();

  static Stream<Arguments> projections() {
    return Stream.of(
        Arguments.of("a", Item.of("a", ITEM.get("a"))),
        Arguments.of("p, b", Item.of("p", s("key"), "b", s("hello"))),
        Arguments.of("a.b", Item.of("a", m(Map.of("b", l(n(2), n(4), m(Map.of("x", s("hi"), "y", s("yo")))))))),
        Arguments.of("a.b[0]", Item.of("a", m(Map.of("b", l(n(2)))))),
        Arguments.of("a.b[2].y", Item.of("a", m(Map.of("b", l(m(Map.of("y", s("yo")))))))),
        Arguments.of("a.b[1], a.b[0]", Item.of("a", m(Map.of("b", l(n(2), n(4)))))),
        Arguments.of("l[3], l[1], l[2]", Item.of("l", l(n(1), n(2), n(3)))),
        Arguments.of("a.b[2].y, a.b[2].x", Item.of("a", m(Map.of("b", l(m(Map.of("x", s("hi"), "y", s("yo")))))))),
        Arguments.of("a.b[0], a.c", Item.of("a", m(Map.of("b", l(n(2)), "c", n(5))))),
        Arguments.of("a.x, a.b[0], x, a.b[3].x", Item.of("a", m(Map.of("b", l(n(2)))))),
        Arguments.of("x", Item.empty()),
        Arguments.of("a.b[3]", Item.empty()),
        Arguments.of("a.x.y", Item.empty()),
        Arguments.of("a.b.x", Item.empty()),
        Arguments.of("a[0]", Item.empty()),
        Arguments.of("a.b[0][0]", Item.empty()));
  }

  @ParameterizedTest
  @MethodSource("projections")
  void apply_projection_returnsWhatDynamoDbReturns(String expression, Item expected) {
    Projection projection = ExpressionSet.compile(ExpressionInputs.builder(Operation.GET).projectionExpression(expression)
        .build()).projection();
    assertThat(projection.apply(ITEM)).isEqualTo(expected);
  }

  @Test
  void apply_placeholderIsOneNameEvenWithADot() {
    Item item = Item.of("a.b", s("dotted"), "a", m(Map.of("b", s("nested"))));
    Projection dotted = ExpressionSet.compile(ExpressionInputs.builder(Operation.GET).projectionExpression("#n")
        .expressionAttributeNames(Map.of("#n", "a.b")).build()).projection();
    Projection nested = ExpressionSet.compile(ExpressionInputs.builder(Operation.GET).projectionExpression("a.b")
        .build()).projection();
    assertThat(dotted.apply(item)).isEqualTo(Item.of("a.b", s("dotted")));
    assertThat(nested.apply(item)).isEqualTo(Item.of("a", m(Map.of("b", s("nested")))));
    assertThat(dotted.apply(null)).isNull();
    assertThat(nested.topLevelAttributes()).containsExactly("a");
  }
}
