package io.dynamo4j.mapper.convert;

import io.dynamo4j.model.AttributeValue;
import io.dynamo4j.model.Bytes;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * The standard converters, and reading helpers for writing converters.
 *
 * <p>{@link #standard()} maps:
 *
 * <table>
 *   <caption>Standard mappings</caption>
 *   <tr><th>Java</th><th>DynamoDB</th></tr>
 *   <tr><td>String, char/Character</td><td>S</td></tr>
 *   <tr><td>boolean/Boolean</td><td>BOOL</td></tr>
 *   <tr><td>byte, short, int, long, float, double and their boxes, BigDecimal, BigInteger</td><td>N</td></tr>
 *   <tr><td>byte[], ByteBuffer, {@link Bytes}</td><td>B</td></tr>
 *   <tr><td>enums</td><td>S, the constant's name</td></tr>
 *   <tr><td>UUID</td><td>S</td></tr>
 *   <tr><td>Instant</td><td>S, ISO-8601 in UTC with exactly nine fraction digits
 *       ({@code 2024-05-01T10:15:30.000000000Z}), so string order is time order</td></tr>
 *   <tr><td>LocalDate, LocalTime, LocalDateTime, OffsetDateTime, ZonedDateTime</td><td>S, ISO-8601 with
 *       nine fraction digits (ZonedDateTime adds {@code [zone]} for region zones)</td></tr>
 *   <tr><td>Duration</td><td>N, seconds with nine fraction digits at most</td></tr>
 *   <tr><td>Optional&lt;T&gt;</td><td>T's mapping; empty is left out</td></tr>
 *   <tr><td>List&lt;T&gt;, Collection&lt;T&gt;</td><td>L (read as ArrayList); null elements as NULL</td></tr>
 *   <tr><td>Set&lt;T&gt;</td><td>SS, NS or BS by T's mapping (read as LinkedHashSet); an empty set is left
 *       out, since DynamoDB rejects empty sets, and so reads back as null</td></tr>
 *   <tr><td>Map&lt;String, T&gt;</td><td>M (read as LinkedHashMap); null values as NULL</td></tr>
 * </table>
 *
 * <p>Every converter here is immutable and thread-safe.
 */
public final class Converters {

  private Converters() {}

  /** The standard provider (see the class comment). */
  public static ConverterProvider standard() {
    return StandardConverters.INSTANCE;
  }

  /** An {@code Instant} stored as a number of epoch seconds (fractions dropped), as TTL attributes are. */
  public static AttributeConverter<Instant> instantAsEpochSeconds() {
    return StandardConverters.INSTANT_EPOCH_SECONDS;
  }

  private static final double[] POWERS_OF_TEN = {1, 10, 100, 1000, 10_000};

  /**
   * The number stored for a {@code double}: a decimal that reads back as exactly {@code value}.
   * Values with up to four decimals that fit 2^53 (prices, ratios, most measurements) take a path
   * without {@link Double#toString}; others are {@code AttributeValue.n(value)}.
   *
   * @throws io.dynamo4j.error.ValidationException for NaN and infinities, as DynamoDB rejects them
   */
  public static AttributeValue.N number(double value) {
    for (int k = 0; k < POWERS_OF_TEN.length; k++) {
      double scaled = value * POWERS_OF_TEN[k];
      if (scaled >= -9.007199254740992E15 && scaled <= 9.007199254740992E15) {
        long m = (long) scaled;
        if (m == scaled && (double) m / POWERS_OF_TEN[k] == value && (m != 0 || k == 0)) {
          return AttributeValue.n(BigDecimal.valueOf(m, k));
        }
      } else {
        break;
      }
    }
    return AttributeValue.n(value);
  }

  /**
   * The string of an {@code S} value.
   *
   * @throws ConversionException if {@code value} is not a string
   */
  public static String string(AttributeValue value) {
    if (value instanceof AttributeValue.S s) {
      return s.value();
    }
    throw mismatch("S", value);
  }

  /**
   * The number of an {@code N} value.
   *
   * @throws ConversionException if {@code value} is not a number
   */
  public static BigDecimal number(AttributeValue value) {
    if (value instanceof AttributeValue.N n) {
      return n.value();
    }
    throw mismatch("N", value);
  }

  /**
   * The bytes of a {@code B} value.
   *
   * @throws ConversionException if {@code value} is not binary
   */
  public static Bytes binary(AttributeValue value) {
    if (value instanceof AttributeValue.B b) {
      return b.value();
    }
    throw mismatch("B", value);
  }

  /** The error for a value of the wrong type: {@code expected N, found S "abc"}. */
  public static ConversionException mismatch(String expected, AttributeValue found) {
    String shown = String.valueOf(found);
    if (shown.length() > 60) {
      shown = shown.substring(0, 57) + "...";
    }
    return new ConversionException("expected " + expected + ", found " + (found == null ? "nothing" : found.type() + " " + shown));
  }
}
