package io.dynamo4j.model;

import static io.dynamo4j.model.AttributeValue.bs;
import static io.dynamo4j.model.AttributeValue.ns;
import static io.dynamo4j.model.AttributeValue.ss;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dynamo4j.error.ValidationException;
import java.util.List;
import org.junit.jupiter.api.Test;

class SetTest {

  @Test
  void emptySets_rejectedWithDynamoDbMessages() {
    assertThatThrownBy(() -> ss(List.of()))
        .isInstanceOf(ValidationException.class)
        .hasMessage("One or more parameter values were invalid: An string set  may not be empty");
    assertThatThrownBy(() -> ns(List.of()))
        .hasMessage("One or more parameter values were invalid: An number set  may not be empty");
    assertThatThrownBy(() -> bs(List.of()))
        .hasMessage("One or more parameter values were invalid: Binary sets should not be empty");
  }

  @Test
  void duplicates_rejected_stringsByValue_binaryByContent() {
    assertThatThrownBy(() -> ss("a", "b", "a"))
        .hasMessage("One or more parameter values were invalid: Input collection [a, b, a] contains duplicates");
    assertThatThrownBy(() -> bs(new byte[] {1, 2}, new byte[] {1, 2}))
        .hasMessage("One or more parameter values were invalid: Input collection of type BS contains duplicates.");
  }

  @Test
  void stringSet_orderedByUtf8Bytes_notUtf16() {
    // U+FF5E (3 UTF-8 bytes, EF BD 9E) sorts before U+1F600 (4 bytes, F0 9F 98 80) in UTF-8,
    // although its UTF-16 unit 0xFF5E is greater than the surrogate 0xD83D.
    String emoji = "\uD83D\uDE00";
    String fullwidth = "\uFF5E";
    assertThat(ss(emoji, fullwidth, "b", "a").value()).containsExactly("a", "b", fullwidth, emoji);
    assertThat(ss("b", "a")).isEqualTo(ss("a", "b"));
  }

  @Test
  void binarySet_orderedUnsigned() {
    AttributeValue.BS set = bs(new byte[] {(byte) 0xFF}, new byte[] {0x01}, new byte[] {0x7F}, new byte[] {0x01, 0x00});
    assertThat(set.value()).extracting(Bytes::toBase64).containsExactly("AQ==", "AQA=", "fw==", "/w==");
  }

  @Test
  void binary_isImmutable() {
    byte[] raw = {1, 2, 3};
    AttributeValue.B b = AttributeValue.b(raw);
    raw[0] = 9;
    byte[] out = b.value().toByteArray();
    out[1] = 9;
    assertThat(b.value().toByteArray()).containsExactly(1, 2, 3);
  }

  @Test
  void nullElements_rejected() {
    assertThatThrownBy(() -> ss("a", null)).isInstanceOf(ValidationException.class)
        .hasMessage(Messages.EMPTY_ATTRIBUTE_VALUE);
    assertThatThrownBy(() -> AttributeValue.l(AttributeValue.s("a"), null)).isInstanceOf(ValidationException.class);
  }
}
