package io.dynamo4j.engine.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.dynamo4j.model.AttributeValue;
import io.dynamo4j.model.Bytes;
import io.dynamo4j.model.Utf8;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The key encodings preserve DynamoDB's order and are self-delimiting and reversible. */
class KeyCodecProperties {

  @Property(tries = 3000)
  void numbers_encodingOrderEqualsNumericOrder(@ForAll("numbers") BigDecimal a, @ForAll("numbers") BigDecimal b) {
    byte[] ea = encode(AttributeValue.n(a));
    byte[] eb = encode(AttributeValue.n(b));
    assertThat(Integer.signum(Arrays.compareUnsigned(ea, eb))).isEqualTo(Integer.signum(a.compareTo(b)));
  }

  @Property(tries = 2000)
  void numbers_decodeInvertsEncode(@ForAll("numbers") BigDecimal a) {
    byte[] e = encode(AttributeValue.n(a));
    int[] end = new int[1];
    BigDecimal back = KeyCodec.decodeNumber(e, 0, end);
    assertThat(back).isEqualByComparingTo(a);
    assertThat(end[0]).isEqualTo(e.length);
  }

  @Property(tries = 2000)
  void strings_encodingOrderEqualsUtf8Order(@ForAll("strings") String a, @ForAll("strings") String b) {
    byte[] ea = encode(AttributeValue.s(a));
    byte[] eb = encode(AttributeValue.s(b));
    assertThat(Integer.signum(Arrays.compareUnsigned(ea, eb))).isEqualTo(Integer.signum(Utf8.compare(a, b)));
    int[] end = new int[1];
    assertThat(KeyCodec.decodeString(ea, 0, end)).isEqualTo(a);
    assertThat(end[0]).isEqualTo(ea.length);
  }

  @Property(tries = 2000)
  void binary_encodingOrderEqualsUnsignedOrder(@ForAll byte[] a, @ForAll byte[] b) {
    byte[] ea = encode(AttributeValue.b(a));
    byte[] eb = encode(AttributeValue.b(b));
    assertThat(Integer.signum(Arrays.compareUnsigned(ea, eb))).isEqualTo(Integer.signum(Arrays.compareUnsigned(a, b)));
    assertThat(KeyCodec.decodeBinary(ea, 0, new int[1])).isEqualTo(Bytes.of(a));
  }

  /** Components are self-delimiting: tuples order by their first component, then the second. */
  @Property(tries = 2000)
  void tuples_orderComponentByComponent(
      @ForAll("strings") String a1, @ForAll("numbers") BigDecimal a2, @ForAll("strings") String b1, @ForAll("numbers") BigDecimal b2) {
    ByteSink sa = new ByteSink(32);
    KeyCodec.encode(AttributeValue.s(a1), sa);
    KeyCodec.encode(AttributeValue.n(a2), sa);
    ByteSink sb = new ByteSink(32);
    KeyCodec.encode(AttributeValue.s(b1), sb);
    KeyCodec.encode(AttributeValue.n(b2), sb);
    int expected = Utf8.compare(a1, b1);
    if (expected == 0) {
      expected = a2.compareTo(b2);
    }
    assertThat(Integer.signum(Arrays.compareUnsigned(sa.toByteArray(), sb.toByteArray()))).isEqualTo(Integer.signum(expected));
  }

  @Property(tries = 1000)
  void prefix_isBytePrefixOfEveryEncodingThatBeginsWithIt(@ForAll("strings") String s, @ForAll("strings") String suffix) {
    ByteSink p = new ByteSink(16);
    KeyCodec.encodePrefix(AttributeValue.s(s), p);
    byte[] full = encode(AttributeValue.s(s + suffix));
    assertThat(Arrays.equals(full, 0, p.size(), p.toByteArray(), 0, p.size())).isTrue();
  }

  @Provide
  Arbitrary<BigDecimal> numbers() {
    Arbitrary<BigInteger> unscaled = Arbitraries.oneOf(
        Arbitraries.bigIntegers().between(BigInteger.valueOf(-1000), BigInteger.valueOf(1000)),
        Arbitraries.bigIntegers().between(BigInteger.TEN.pow(38).negate().add(BigInteger.ONE), BigInteger.TEN.pow(38).subtract(BigInteger.ONE)));
    return Combinators.combine(unscaled, Arbitraries.integers().between(-90, 85))
        .as((u, scale) -> new BigDecimal(u, scale))
        .filter(d -> {
          if (d.signum() == 0) {
            return true;
          }
          BigDecimal x = d.stripTrailingZeros();
          long exponent = (long) x.precision() - x.scale() - 1;
          return exponent >= -130 && exponent <= 125;
        });
  }

  @Provide
  Arbitrary<String> strings() {
    return Arbitraries.strings().withChars('\u0000', '\u0001', 'a', 'b', '\u00e9', '\uffee')
        .withCharRange('\ud83d', '\ud83d').ofMaxLength(6)
        .map(s -> s.replace("\ud83d", "\ud83d\ude00"));
  }

  private static byte[] encode(AttributeValue v) {
    ByteSink s = new ByteSink(16);
    KeyCodec.encode(v, s);
    return s.toByteArray();
  }
}
