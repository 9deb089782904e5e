package io.dynamo4j.expr;

import static io.dynamo4j.expr.ConditionExpressionTest.names;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ProjectionExpressionTest {

  static Arguments row(ProjectionExpression p, String text, Map<String, String> names) {
    return Arguments.of(p.toString(), p, text, names);
  }

  static Stream<Arguments> rendered() {
    return Stream.of(
        row(ProjectionExpression.of(AttributePath.of("a")), "#n0", names("#n0", "a")),
        row(ProjectionExpression.attributes("id", "name", "a.b"), "#n0, #n1, #n2", names("#n0", "id", "#n1", "name", "#n2", "a.b")),
        row(ProjectionExpression.of(AttributePath.parse("a.b[0].c"), AttributePath.parse("d[1][2]"), AttributePath.parse("a.c")),
            "#n0.#n1[0].#n2, #n3[1][2], #n0.#n2", names("#n0", "a", "#n1", "b", "#n2", "c", "#n3", "d")),
        row(ProjectionExpression.of(AttributePath.parse("l[0]"), AttributePath.parse("l[1]")), "#n0[0], #n0[1]", names("#n0", "l")),
        // overlaps: the shorter path wins, at the place of the first overlapping one
        row(ProjectionExpression.of(AttributePath.of("a"), AttributePath.of("a")), "#n0", names("#n0", "a")),
        row(ProjectionExpression.of(AttributePath.of("a"), AttributePath.parse("a.b")), "#n0", names("#n0", "a")),
        row(ProjectionExpression.of(AttributePath.parse("a.b"), AttributePath.of("c"), AttributePath.parse("a[0]"), AttributePath.of("a")), "#n0, #n1",
            names("#n0", "a", "#n1", "c")),
        row(ProjectionExpression.of(List.of(AttributePath.parse("m.x"), AttributePath.parse("m.y"))).combine(ProjectionExpression.of(AttributePath.of("m"))),
            "#n0", names("#n0", "m")),
        row(ProjectionExpression.attributes("a", "b").combine(ProjectionExpression.attributes("b", "c")), "#n0, #n1, #n2",
            names("#n0", "a", "#n1", "b", "#n2", "c")),
        // raw
        row(ProjectionExpression.raw("#id, address.city", Map.of("#id", "id")), "#id, address.city", names("#id", "id")),
        row(ProjectionExpression.attributes("x").combine(ProjectionExpression.raw("#n0 ,#a.#n0", names("#n0", "y", "#a", "z"))),
            "#n0, #n1, #a.#n1", names("#n0", "x", "#n1", "y", "#a", "z")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rendered")
  void render_eachForm_pinsTextAndNames(String label, ProjectionExpression p, String text, Map<String, String> names) {
    Expressions e = Expressions.builder().projection(p).build();

    assertThat(e.projectionExpression()).isEqualTo(text);
    assertThat(e.expressionAttributeNames()).containsExactlyEntriesOf(names);
    assertThat(e.expressionAttributeValues()).isEmpty();
  }

  @Test
  void of_emptyList_throws() {
    assertThatThrownBy(() -> ProjectionExpression.of(List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a projection needs at least one path");
  }

  @Test
  void raw_malformed_throws() {
    assertThatThrownBy(() -> ProjectionExpression.raw("a,,b", Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("ProjectionExpression.raw: \"a,,b\" has an empty path");
    assertThatThrownBy(() -> ProjectionExpression.raw("a, :v", Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("ProjectionExpression.raw: :v is used in \"a, :v\" but not defined in values");
    assertThatThrownBy(() -> ProjectionExpression.raw("#a", Map.of("#a", "x", "#b", "y")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("ProjectionExpression.raw: #b is defined in names but not used in \"#a\";"
            + " DynamoDB rejects requests with unused placeholders");
  }

  @Test
  void equalsAndToString() {
    ProjectionExpression p = ProjectionExpression.of(AttributePath.parse("a.b[1]"), AttributePath.of("c"));
    assertThat(p).isEqualTo(ProjectionExpression.of(AttributePath.parse("a.b[1]"), AttributePath.of("c")))
        .hasSameHashCodeAs(ProjectionExpression.of(AttributePath.parse("a.b[1]"), AttributePath.of("c")))
        .isNotEqualTo(ProjectionExpression.of(AttributePath.of("c"), AttributePath.parse("a.b[1]")))
        .hasToString("a.b[1], c");
  }
}
