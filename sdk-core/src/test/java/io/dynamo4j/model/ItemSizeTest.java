package io.dynamo4j.model;

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

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * DynamoDB's item-size rule, type by type. Every expected figure below was also measured against
 * DynamoDB Local by finding the largest padding that still fits under the 400 KB limit.
 */
class ItemSizeTest {

  @Test
  void string_isUtf8Bytes_plusName() {
    assertThat(Item.of("ab", s("xyz")).sizeInBytes()).isEqualTo(2 + 3);
    assertThat(Item.of("a", s("")).sizeInBytes()).isEqualTo(1);
    assertThat(Item.of("é", s("ü€")).sizeInBytes()).isEqualTo(2 + (2 + 3));
    assertThat(Item.of("a", s("\uD83D\uDE00")).sizeInBytes()).isEqualTo(1 + 4);
  }

  /** One byte, one per base-100 digit pair (aligned at the point), one more if negative. */
  @ParameterizedTest
  @CsvSource({
    "0, 1",
    "1, 2",
    "12, 2",
    "123, 3",
    "1234, 3",
    "-1, 3",
    "1.5, 3",
    "12.5, 3",
    "0.5, 2",
    "100, 2",
    "1E+100, 2",
    "0.001, 2",
    "123456789, 6",
    "1.23, 3",
    "-12.345, 5",
    "12345678901234567890123456789012345678, 20",
    "1.2345678901234567890123456789012345678, 21"
  })
  void number_bytesPerDigitPair(String number, int expected) {
    assertThat(n(number).sizeInBytes()).isEqualTo(expected);
    assertThat(Item.of("n", n(number)).sizeInBytes()).isEqualTo(1 + expected);
  }

  @Test
  void binary_isRawLength() {
    assertThat(Item.of("b", b(new byte[] {0, 0, 0})).sizeInBytes()).isEqualTo(1 + 3);
    assertThat(Item.of("b", b(new byte[0])).sizeInBytes()).isEqualTo(1);
  }

  @Test
  void booleanAndNull_areOneByte() {
    assertThat(Item.of("v", bool(true)).sizeInBytes()).isEqualTo(1 + 1);
    assertThat(Item.of("v", nul()).sizeInBytes()).isEqualTo(1 + 1);
  }

  @Test
  void sets_sumTheirElements_withoutOverhead() {
    assertThat(Item.of("v", ss("a", "bc")).sizeInBytes()).isEqualTo(1 + 3);
    assertThat(Item.of("v", ns("1", "22")).sizeInBytes()).isEqualTo(1 + 2 + 2);
    assertThat(Item.of("v", bs(new byte[] {1}, new byte[] {2, 3})).sizeInBytes()).isEqualTo(1 + 3);
  }

  @Test
  void listsAndMaps_cost3_plus1PerElement() {
    assertThat(Item.of("v", l()).sizeInBytes()).isEqualTo(1 + 3);
    assertThat(Item.of("v", m(Map.of())).sizeInBytes()).isEqualTo(1 + 3);
    assertThat(Item.of("v", l(s("a"))).sizeInBytes()).isEqualTo(1 + 3 + 1 + 1);
    assertThat(Item.of("v", m(Map.of("k", s("a")))).sizeInBytes()).isEqualTo(1 + 3 + 1 + 1 + 1);
    assertThat(Item.of("v", l(l())).sizeInBytes()).isEqualTo(1 + 3 + 1 + 3);
    assertThat(Item.of("v", m(Map.of("k", m(Map.of())))).sizeInBytes()).isEqualTo(1 + 3 + 1 + 1 + 3);
  }

  @Test
  void workedExample_fromTheJavadoc() {
    Item item = Item.builder()
        .put("id", s("a1"))
        .put("qty", n("-12.5"))
        .put("ok", bool(true))
        .put("tags", ss("x", "yz"))
        .put("dims", m(Map.of("w", n("3"))))
        .build();
    assertThat(item.sizeInBytes()).isEqualTo((2 + 2) + (3 + 4) + (2 + 1) + (4 + 3) + (4 + 3 + 1 + 1 + 2)).isEqualTo(32);
  }
}
