package io.dynamo4j.json;

import static org.assertj.core.api.Assertions.assertThat;

import io.dynamo4j.model.AttributeValue;
import io.dynamo4j.model.Bytes;
import io.dynamo4j.model.Item;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Random nested items survive DynamoDB JSON unchanged. */
class DynamoJsonProperties {

  @Property(tries = 500)
  void items_roundTripUnchanged(@ForAll("items") Item item) {
    String json = DynamoJson.writeItem(item);
    Item back = DynamoJson.readItem(json);
    assertThat(back).isEqualTo(item);
    assertThat(back.sizeInBytes()).isEqualTo(item.sizeInBytes());
    assertThat(DynamoJson.writeItem(back)).isEqualTo(json);
  }

  @Provide
  Arbitrary<Item> items() {
    return Arbitraries.maps(names(), values(3)).ofMaxSize(8).map(Item::copyOf);
  }

  private Arbitrary<String> names() {
    return Arbitraries.strings().all().ofMinLength(1).ofMaxLength(12)
        .filter(s -> s.codePoints().noneMatch(c -> Character.getType(c) == Character.SURROGATE));
  }

  private Arbitrary<AttributeValue> values(int depth) {
    Arbitrary<AttributeValue> scalar = Arbitraries.oneOf(
        Arbitraries.strings().all().ofMaxLength(20)
            .filter(s -> s.codePoints().noneMatch(c -> Character.getType(c) == Character.SURROGATE))
            .map(AttributeValue::s),
        numbers().map(AttributeValue::n),
        Arbitraries.bytes().array(byte[].class).ofMaxSize(16).map(AttributeValue::b),
        Arbitraries.of(true, false).map(AttributeValue::bool),
        Arbitraries.just(AttributeValue.nul()),
        Arbitraries.strings().alpha().ofMinLength(0).ofMaxLength(6).set().ofMinSize(1).ofMaxSize(5)
            .map(s -> AttributeValue.ss(new ArrayList<>(s))),
        numbers().set().ofMinSize(1).ofMaxSize(5).map(DynamoJsonProperties::distinctNumbers),
        Arbitraries.bytes().array(byte[].class).ofMaxSize(4).set().ofMinSize(1).ofMaxSize(4)
            .map(DynamoJsonProperties::distinctBinaries));
    if (depth == 0) {
      return scalar;
    }
    Arbitrary<AttributeValue> nested = Arbitraries.lazy(() -> values(depth - 1));
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(6, scalar),
        net.jqwik.api.Tuple.of(1, nested.list().ofMaxSize(4).map(AttributeValue::l)),
        net.jqwik.api.Tuple.of(1, Arbitraries.maps(names(), nested).ofMaxSize(4).map(AttributeValue::m)));
  }

  /** Numbers across DynamoDB's whole range: up to 38 digits, exponents -130 .. 125. */
  private static Arbitrary<BigDecimal> numbers() {
    Arbitrary<BigInteger> unscaled = Arbitraries.bigIntegers()
        .between(BigInteger.TEN.pow(38).negate().add(BigInteger.ONE), BigInteger.TEN.pow(38).subtract(BigInteger.ONE));
    return net.jqwik.api.Combinators.combine(unscaled, Arbitraries.integers().between(-80, 80))
        .as((u, scale) -> new BigDecimal(u, scale))
        .filter(d -> {
          if (d.signum() == 0) {
            return true;
          }
          BigDecimal s = d.stripTrailingZeros();
          long exponent = (long) s.precision() - s.scale() - 1;
          return exponent >= -130 && exponent <= 125;
        });
  }

  private static AttributeValue distinctNumbers(Set<BigDecimal> numbers) {
    Map<BigDecimal, BigDecimal> byValue = new LinkedHashMap<>();
    for (BigDecimal d : numbers) {
      byValue.putIfAbsent(d.signum() == 0 ? BigDecimal.ZERO : d.stripTrailingZeros(), d);
    }
    return AttributeValue.nsOf(new ArrayList<>(byValue.values()));
  }

  private static AttributeValue distinctBinaries(Set<byte[]> arrays) {
    Set<Bytes> distinct = new LinkedHashSet<>();
    for (byte[] a : arrays) {
      distinct.add(Bytes.of(a));
    }
    return AttributeValue.bs(new ArrayList<>(distinct));
  }

}
