package io.dynamo4j.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AttributePathTest {

  static Stream<Arguments> parsed() {
    return Stream.of(
        Arguments.of("a", AttributePath.of("a")),
        Arguments.of("a.b", AttributePath.of("a").field("b")),
        Arguments.of("a[0]", AttributePath.of("a").index(0)),
        Arguments.of("a.b[0][12].c", AttributePath.of("a").field("b").index(0).index(12).field("c")),
        Arguments.of("status", AttributePath.of("status")),
        Arguments.of("#x", AttributePath.of("#x")),
        Arguments.of(":v.name with space", AttributePath.of(":v").field("name with space")),
        Arguments.of("a[007]", AttributePath.of("a").index(7)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("parsed")
  void parse_validPath_equalsBuiltPath(String text, AttributePath expected) {
    assertThat(AttributePath.parse(text)).isEqualTo(expected).hasSameHashCodeAs(expected);
  }

  static Stream<Arguments> malformed() {
    return Stream.of(
        Arguments.of("", "expected an attribute name at position 0"),
        Arguments.of("a..b", "expected an attribute name at position 2"),
        Arguments.of(".a", "expected an attribute name at position 0"),
        Arguments.of("a.", "expected an attribute name at position 2"),
        Arguments.of("[0]", "expected an attribute name at position 0"),
        Arguments.of("a.[0]", "expected an attribute name at position 2"),
        Arguments.of("a[]", "expected a list index (digits) closed by ']' at position 2"),
        Arguments.of("a[x]", "expected a list index (digits) closed by ']' at position 2"),
        Arguments.of("a[-1]", "expected a list index (digits) closed by ']' at position 2"),
        Arguments.of("a[1", "expected a list index (digits) closed by ']' at position 3"),
        Arguments.of("a[1]b", "expected '.', '[' or the end at position 4"),
        Arguments.of("a]", "expected '.', '[' or the end at position 1"));
  }

  @ParameterizedTest(name = "\"{0}\"")
  @MethodSource("malformed")
  void parse_malformedPath_throwsWithPosition(String text, String message) {
    assertThatThrownBy(() -> AttributePath.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("AttributePath \"" + text + "\": " + message
            + "; names containing '.', '[' or ']' need AttributePath.of(...).field(...)");
  }

  @Test
  void parse_indexBeyondInt_throws() {
    assertThatThrownBy(() -> AttributePath.parse("a[99999999999]"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("AttributePath \"a[99999999999]\": list index 99999999999 at position 2 is too large");
  }

  @Test
  void of_nameWithDots_isOneLiteralAttribute() {
    assertThat(AttributePath.of("a.b")).isNotEqualTo(AttributePath.parse("a.b"));
    assertThat(AttributePath.of("a.b").toString()).isEqualTo("a.b");
  }

  @Test
  void toString_nestedPath_printsParseForm() {
    assertThat(AttributePath.of("a").field("b").index(3).field("c")).hasToString("a.b[3].c");
  }

  @Test
  void builders_badArguments_throwIllegalArgument() {
    assertThatThrownBy(() -> AttributePath.of(null)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("attribute name must not be null");
    assertThatThrownBy(() -> AttributePath.of("")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("attribute name must not be empty");
    assertThatThrownBy(() -> AttributePath.of("a").field("")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("attribute name must not be empty");
    assertThatThrownBy(() -> AttributePath.of("a").index(-1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("list index must be 0 or more; got -1 after a");
    assertThatThrownBy(() -> AttributePath.parse(null)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("path must not be null");
  }

  @Test
  void field_leavesOriginalUnchanged() {
    AttributePath a = AttributePath.of("a");
    AttributePath ab = a.field("b");
    assertThat(a).hasToString("a");
    assertThat(ab).hasToString("a.b");
  }

  @Test
  void startsWith_prefixesAndNonPrefixes() {
    AttributePath abc = AttributePath.parse("a.b[0]");
    assertThat(abc.startsWith(AttributePath.of("a"))).isTrue();
    assertThat(abc.startsWith(AttributePath.parse("a.b"))).isTrue();
    assertThat(abc.startsWith(abc)).isTrue();
    assertThat(abc.startsWith(AttributePath.parse("a.b[1]"))).isFalse();
    assertThat(AttributePath.of("a").startsWith(abc)).isFalse();
    assertThat(AttributePath.of("ab").startsWith(AttributePath.of("a"))).isFalse();
  }
}
