package io.dynamo4j.model;

import io.dynamo4j.error.ValidationException;
import java.math.BigDecimal;

/** DynamoDB's number rules: syntax, precision, range, normalisation and size. Stateless and thread-safe. */
final class Numbers {

  static final int MAX_DIGITS = 38;
  /** Adjusted exponent (exponent of the leading digit) bounds: 1E-130 .. 9.99..E+125. */
  static final int MIN_EXPONENT = -130;
  static final int MAX_EXPONENT = 125;

  private Numbers() {}

  /**
   * Parses DynamoDB's number syntax: optional sign, digits with an optional point (at least one
   * digit), optional exponent {@code e|E[+-]digits}. No spaces, no hex, no NaN or Infinity.
   */
  static BigDecimal parse(String text) {
    if (!wellFormed(text)) {
      throw new ValidationException(Messages.NOT_A_NUMBER);
    }
    BigDecimal d;
    try {
      d = new BigDecimal(text);
    } catch (NumberFormatException | ArithmeticException e) {
      // exponent outside int range
      throw new ValidationException(text.matches(".*[eE]\\+?\\d+") ? Messages.NUMBER_OVERFLOW
          : text.matches(".*[eE]-\\d+") ? Messages.NUMBER_UNDERFLOW : Messages.NOT_A_NUMBER);
    }
    return normalize(d);
  }

  private static boolean wellFormed(String s) {
    int n = s.length();
    int i = 0;
    if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
      i++;
    }
    int digits = 0;
    while (i < n && isDigit(s.charAt(i))) {
      i++;
      digits++;
    }
    if (i < n && s.charAt(i) == '.') {
      i++;
      while (i < n && isDigit(s.charAt(i))) {
        i++;
        digits++;
      }
    }
    if (digits == 0) {
      return false;
    }
    if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
      i++;
      if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
        i++;
      }
      int expDigits = 0;
      while (i < n && isDigit(s.charAt(i))) {
        i++;
        expDigits++;
      }
      if (expDigits == 0) {
        return false;
      }
    }
    return i == n;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** Strips trailing zeros and checks precision and range; zero becomes {@link BigDecimal#ZERO}. */
  static BigDecimal normalize(BigDecimal d) {
    if (d.signum() == 0) {
      return BigDecimal.ZERO;
    }
    BigDecimal stripped = d.stripTrailingZeros();
    // adjusted exponent: the power of ten of the leading digit
    long exponent = (long) stripped.precision() - stripped.scale() - 1;
    if (exponent > MAX_EXPONENT) {
      throw new ValidationException(Messages.NUMBER_OVERFLOW);
    }
    if (exponent < MIN_EXPONENT) {
      throw new ValidationException(Messages.NUMBER_UNDERFLOW);
    }
    if (stripped.precision() > MAX_DIGITS) {
      throw new ValidationException(Messages.TOO_MANY_DIGITS);
    }
    if (stripped.scale() < 0 && stripped.precision() - stripped.scale() <= 19) {
      // keep small integers in compact form: 1E+2 -> 100 (scale 0); same value, cheaper arithmetic
      stripped = stripped.setScale(0);
    }
    return stripped;
  }

  /**
   * DynamoDB's stored size of a number: one byte, plus one byte per base-100 digit of the mantissa
   * (digit pairs aligned at the decimal point, from the first to the last non-zero pair), plus one
   * byte for a negative number. Examples: 0 -> 1, 7 -> 2, 100 -> 2, 1.5 -> 3, 123456789 -> 6,
   * -12.345 -> 5. This is the Developer Guide's "1 byte per two significant digits, plus 1 byte",
   * made exact.
   */
  static int sizeInBytes(BigDecimal d) {
    if (d.signum() == 0) {
      return 1;
    }
    // d = unscaled * 10^-scale, unscaled has no trailing zeros unless it was compacted by setScale(0)
    BigDecimal stripped = d.stripTrailingZeros();
    int precision = stripped.precision();
    int scale = stripped.scale();
    // position (power of ten) of the most and least significant non-zero digits
    int high = precision - scale - 1;
    int low = -scale;
    // base-100 digit index of a power of ten p is floor(p / 2)
    int pairs = Math.floorDiv(high, 2) - Math.floorDiv(low, 2) + 1;
    return 1 + pairs + (d.signum() < 0 ? 1 : 0);
  }
}
