package io.dynamo4j.model;

import static io.dynamo4j.model.AttributeValue.n;
import static io.dynamo4j.model.AttributeValue.ns;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dynamo4j.error.ValidationException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NumberTest {

  @Test
  void parse_38SignificantDigits_accepted() {
    assertThat(n("12345678901234567890123456789012345678").text()).isEqualTo("12345678901234567890123456789012345678");
  }

  @Test
  void parse_39SignificantDigits_rejectedWithDynamoDbMessage() {
    assertThatThrownBy(() -> n("123456789012345678901234567890123456789"))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Attempting to store more than 38 significant digits in a Number");
  }

  @Test
  void parse_trailingAndLeadingZerosAreNotSignificant() {
    assertThat(n("1234567890123456789012345678901234567800").text()).isEqualTo("1234567890123456789012345678901234567800");
    assertThat(n("0.000000000000000000000000000000000000000000001234567890123456789012345678901234567800").text())
        .isEqualTo("0.0000000000000000000000000000000000000000000012345678901234567890123456789012345678");
  }

  @Test
  void parse_rangeBoundaries() {
    assertThat(n("1E-130").text()).isEqualTo("0." + "0".repeat(129) + "1");
    assertThat(n("-1E-130").value()).isEqualByComparingTo(new BigDecimal("-1E-130"));
    assertThat(n("9.9999999999999999999999999999999999999E+125").text())
        .isEqualTo("99999999999999999999999999999999999999" + "0".repeat(88));
    assertThat(n("-9.9999999999999999999999999999999999999E+125").value().signum()).isEqualTo(-1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"1E+126", "10E+125", "1e200", "-1E+126"})
  void parse_magnitudeTooLarge_overflow(String text) {
    assertThatThrownBy(() -> n(text))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Number overflow. Attempting to store a number with magnitude larger than supported range");
  }

  @ParameterizedTest
  @ValueSource(strings = {"1E-131", "0.9E-130", "-1E-131"})
  void parse_magnitudeTooSmall_underflow(String text) {
    assertThatThrownBy(() -> n(text))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Number underflow. Attempting to store a number with magnitude smaller than supported range");
  }

  @ParameterizedTest
  @ValueSource(strings = {"abc", " 1", "1 ", "0x10", "", "NaN", "Infinity", "1_000", "1e", "-", ".", "1.2.3", "+-1", "1e+",
      "\u0661", "1,5"})
  void parse_notANumber_rejected(String text) {
    assertThatThrownBy(() -> n(text))
        .isInstanceOf(ValidationException.class)
        .hasMessage("A value provided cannot be converted into a number");
  }

  @ParameterizedTest
  @CsvSource({
    "01.50, 1.5",
    "-0, 0",
    "1E+2, 100",
    "1e2, 100",
    "+1, 1",
    ".5, 0.5",
    "5., 5",
    "-1.0e-5, -0.00001",
    "1E+0000000000000000000002, 100",
    "100E-2, 1",
    "0E+200, 0",
    "0.000, 0",
    "1e-0, 1",
    "-00012.3400, -12.34"
  })
  void parse_normalisesAsDynamoDbRenders(String in, String rendered) {
    assertThat(n(in).text()).isEqualTo(rendered);
  }

  @Test
  void equality_isByNumericValue() {
    assertThat(n("1")).isEqualTo(n("1.0")).isEqualTo(n("1E0")).isEqualTo(n(1)).isEqualTo(n(1.0));
    assertThat(n("1").hashCode()).isEqualTo(n("1.000").hashCode());
    assertThat(n("100")).isEqualTo(n("1E+2"));
    assertThat(n("0")).isEqualTo(n("-0.0"));
    assertThat(n("1")).isNotEqualTo(n("1.0000000001"));
  }

  @Test
  void ordering_acrossScaleAndSign() {
    List<AttributeValue.N> given = new ArrayList<>(List.of(
        n("1E+2"), n("-5"), n("0.001"), n("99.9"), n("-0.5"), n("0"), n("1E-130"), n("-1E+125"), n("100.5"), n("3")));
    Collections.shuffle(given, new java.util.Random(1));
    Collections.sort(given);
    assertThat(given).extracting(AttributeValue.N::text).containsExactly(
        "-1" + "0".repeat(125), "-5", "-0.5", "0", "0." + "0".repeat(129) + "1", "0.001", "3", "99.9", "100", "100.5");
  }

  @Test
  void numberSet_deduplicatesByValue_rejectingNumericDuplicates() {
    assertThatThrownBy(() -> ns("1", "1.0"))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Input collection contains duplicates");
    assertThatThrownBy(() -> ns("1", "01")).hasMessage("Input collection contains duplicates");
    assertThatThrownBy(() -> ns("100", "1E2")).hasMessage("Input collection contains duplicates");
  }

  @Test
  void numberSet_equalSetsInAnyOrder_areEqual_andSortedByValue() {
    assertThat(ns("3", "1", "2")).isEqualTo(ns("2", "3", "1.0"));
    assertThat(ns("10", "9", "-1").texts()).containsExactly("-1", "9", "10");
  }

  @Test
  void fromDouble_nanOrInfinity_rejected() {
    assertThatThrownBy(() -> n(Double.NaN)).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> n(Double.POSITIVE_INFINITY)).isInstanceOf(ValidationException.class);
    assertThat(n(0.1).text()).isEqualTo("0.1");
  }
}
