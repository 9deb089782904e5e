package io.dynamo4j.mapper;

import static org.assertj.core.api.Assertions.assertThat;

import io.dynamo4j.mapper.fixtures.Address;
import io.dynamo4j.mapper.fixtures.AllTypes;
import io.dynamo4j.model.Bytes;
import io.dynamo4j.model.Item;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Round trips of random values of every supported type, nulls and empty collections included,
 * through the generated and the reflective accessors. What DynamoDB cannot tell apart comes back
 * normalised: an empty set (left out) as null, an absent Optional as empty, numbers by value.
 */
class RoundTripProperties {

  private static final Mapper GENERATED = Mapper.create();
  private static final Mapper REFLECTIVE = Mapper.builder().accessors(AccessorKind.REFLECTIVE).build();

  @Property(tries = 300)
  void allTypes_roundTrip_generatedAndReflective(@ForAll("allTypes") AllTypes value) {
    Item item = GENERATED.schema(AllTypes.class).toItem(value);
    assertThat(REFLECTIVE.schema(AllTypes.class).toItem(value)).isEqualTo(item);
    AllTypes expected = normalised(value);
    Fixtures.assertSameValues(GENERATED.schema(AllTypes.class).fromItem(item), expected);
    Fixtures.assertSameValues(REFLECTIVE.schema(AllTypes.class).fromItem(item), expected);
  }

  @Property(tries = 2000)
  void doubles_storedAsDecimalsThatReadBackExactly(@ForAll("doublesToStore") double d) {
    assertThat(io.dynamo4j.mapper.convert.Converters.number(d).value().doubleValue()).isEqualTo(d);
  }

  @Provide
  Arbitrary<Double> doublesToStore() {
    return doubles();
  }

  @Property(tries = 200)
  void nestedMaps_roundTrip(@ForAll("addresses") List<Address> addresses, @ForAll("address") Address address) {
    AllTypes value = with(AllTypes.class, Map.of("addresses", Optional.ofNullable(addresses), "address", Optional.ofNullable(address)));
    AllTypes back = GENERATED.schema(AllTypes.class).fromItem(GENERATED.schema(AllTypes.class).toItem(value));
    assertThat(back.addresses()).isEqualTo(addresses);
    assertThat(back.address()).isEqualTo(address);
  }

  // ---------------------------------------------------------------- arbitraries

  private static <T> Arbitrary<T> nullable(Arbitrary<T> a) {
    return a.injectNull(0.15);
  }

  private static net.jqwik.api.arbitraries.StringArbitrary strings() {
    return Arbitraries.strings().withCharRange(' ', '\uD7FF').ofMaxLength(12);
  }

  private static Arbitrary<BigDecimal> decimals() {
    Arbitrary<BigInteger> unscaled = Arbitraries.bigIntegers()
        .between(new BigInteger("-99999999999999999999999999999999999999"), new BigInteger("99999999999999999999999999999999999999"));
    return Combinators.combine(unscaled, Arbitraries.integers().between(-80, 80)).as(BigDecimal::new);
  }

  private static Arbitrary<Double> doubles() {
    return Arbitraries.oneOf(Arbitraries.doubles().between(-1e120, 1e120),
        Arbitraries.longs().between(-1_000_000_000_000L, 1_000_000_000_000L).map(l -> l / 1000.0),
        Arbitraries.integers().map(i -> i / 7.0),
        Arbitraries.of(0.0, 1e-120, -1e-120, 123.456, Double.MIN_NORMAL * 1e300));
  }

  private static Arbitrary<Float> floats() {
    return Arbitraries.floats().between(-Float.MAX_VALUE, Float.MAX_VALUE);
  }

  private static Arbitrary<Instant> instants() {
    return Combinators.combine(Arbitraries.longs().between(-62135596800L, 253402300799L),
        Arbitraries.integers().between(0, 999_999_999)).as(Instant::ofEpochSecond);
  }

  private static Arbitrary<byte[]> byteArrays() {
    return Arbitraries.bytes().array(byte[].class).ofMaxSize(10);
  }

  @Provide
  Arbitrary<Address> address() {
    return nullable(Combinators.combine(nullable(strings()), nullable(strings()), nullable(Arbitraries.integers()))
        .as(Address::new));
  }

  @Provide
  Arbitrary<List<Address>> addresses() {
    return nullable(address().list().ofMaxSize(4));
  }

  @Provide
  Arbitrary<AllTypes> allTypes() {
    List<ZoneId> zones = List.of(ZoneOffset.UTC, ZoneOffset.ofHoursMinutes(-3, -30), ZoneId.of("Europe/Paris"),
        ZoneId.of("America/New_York"), ZoneId.of("Asia/Kolkata"));
    Map<String, Arbitrary<?>> fields = new LinkedHashMap<>();
    fields.put("id", strings().ofMinLength(1));
    fields.put("flag", Arbitraries.of(true, false));
    fields.put("b", Arbitraries.bytes());
    fields.put("sh", Arbitraries.shorts());
    fields.put("i", Arbitraries.integers());
    fields.put("l", Arbitraries.longs());
    fields.put("f", floats());
    fields.put("d", doubles());
    fields.put("c", Arbitraries.chars().range(' ', '\uD7FF'));
    fields.put("boxedFlag", nullable(Arbitraries.of(true, false)));
    fields.put("boxedByte", nullable(Arbitraries.bytes()));
    fields.put("boxedShort", nullable(Arbitraries.shorts()));
    fields.put("boxedInt", nullable(Arbitraries.integers()));
    fields.put("boxedLong", nullable(Arbitraries.longs()));
    fields.put("boxedFloat", nullable(floats()));
    fields.put("boxedDouble", nullable(doubles()));
    fields.put("boxedChar", nullable(Arbitraries.chars().range('a', 'z')));
    fields.put("decimal", nullable(decimals()));
    fields.put("integer", nullable(decimals().map(d -> d.setScale(0, java.math.RoundingMode.DOWN).toBigInteger())));
    fields.put("bytes", nullable(byteArrays()));
    fields.put("buffer", nullable(byteArrays().map(ByteBuffer::wrap)));
    fields.put("dynamoBytes", nullable(byteArrays().map(Bytes::of)));
    fields.put("color", nullable(Arbitraries.of(AllTypes.Color.class)));
    fields.put("uuid", nullable(Arbitraries.randomValue(r -> new UUID(r.nextLong(), r.nextLong()))));
    fields.put("instant", nullable(instants()));
    fields.put("localDate", nullable(instants().map(i -> LocalDate.ofInstant(i, ZoneOffset.UTC))));
    fields.put("localTime", nullable(instants().map(i -> LocalTime.ofInstant(i, ZoneOffset.UTC))));
    fields.put("localDateTime", nullable(instants().map(i -> LocalDateTime.ofInstant(i, ZoneOffset.UTC))));
    fields.put("offsetDateTime", nullable(Combinators.combine(instants(), Arbitraries.integers().between(-18 * 4, 18 * 4))
        .as((i, q) -> OffsetDateTime.ofInstant(i, ZoneOffset.ofTotalSeconds(q * 900)))));
    fields.put("zonedDateTime", nullable(Combinators.combine(instants(), Arbitraries.of(zones))
        .as((i, z) -> ZonedDateTime.ofInstant(i, z))));
    fields.put("duration", nullable(Combinators.combine(Arbitraries.longs().between(-1_000_000_000_000L, 1_000_000_000_000L),
        Arbitraries.integers().between(0, 999_999_999)).as((s, n) -> Duration.ofSeconds(s, n))));
    fields.put("optional", nullable(Arbitraries.oneOf(Arbitraries.just(Optional.<String>empty()), strings().map(Optional::of))));
    fields.put("strings", nullable(nullable(strings()).list().ofMaxSize(5)));
    fields.put("ints", nullable(nullable(Arbitraries.integers()).list().ofMaxSize(5)));
    fields.put("stringSet", nullable(strings().set().ofMaxSize(5).map(LinkedHashSet::new)));
    fields.put("numberSet", nullable(Arbitraries.longs().set().ofMaxSize(5).map(LinkedHashSet::new)));
    fields.put("binarySet", nullable(byteArrays().map(ByteBuffer::wrap).set().ofMaxSize(4).map(LinkedHashSet::new)));
    fields.put("colorSet", nullable(Arbitraries.of(AllTypes.Color.class).set().map(LinkedHashSet::new)));
    fields.put("map", nullable(Arbitraries.maps(strings(), nullable(Arbitraries.integers())).ofMaxSize(4).map(LinkedHashMap::new)));
    fields.put("mapOfLists", nullable(Arbitraries.maps(strings(), strings().list().ofMaxSize(3)).ofMaxSize(3)));
    fields.put("addresses", addresses());
    fields.put("address", address());
    List<Arbitrary<Object>> list = new ArrayList<>();
    for (Arbitrary<?> a : fields.values()) {
      @SuppressWarnings("unchecked")
      Arbitrary<Object> o = (Arbitrary<Object>) a;
      list.add(o);
    }
    return Combinators.combine(list).as(values -> create(AllTypes.class, values.toArray()));
  }

  // ---------------------------------------------------------------- expectations

  /** What a round trip gives back: empty sets and null Optionals as DynamoDB keeps them. */
  private static AllTypes normalised(AllTypes v) {
    Map<String, Object> changes = new LinkedHashMap<>();
    for (RecordComponent c : AllTypes.class.getRecordComponents()) {
      Object x = get(c, v);
      if (x instanceof Set<?> s && s.isEmpty()) {
        changes.put(c.getName(), Optional.empty());
      }
    }
    if (v.optional() == null) {
      changes.put("optional", Optional.of(Optional.empty()));
    }
    return with(v, changes);
  }

  private static AllTypes with(Class<AllTypes> type, Map<String, Object> values) {
    return with(Fixtures.sparse(), values);
  }

  /** A copy of {@code v} with the given components replaced (an Optional wraps the new value, empty for null). */
  private static AllTypes with(AllTypes v, Map<String, Object> changes) {
    RecordComponent[] cs = AllTypes.class.getRecordComponents();
    Object[] args = new Object[cs.length];
    for (int i = 0; i < cs.length; i++) {
      Object change = changes.get(cs[i].getName());
      args[i] = change == null ? get(cs[i], v) : ((Optional<?>) change).orElse(null);
    }
    return create(AllTypes.class, args);
  }

  private static Object get(RecordComponent c, Object o) {
    try {
      return c.getAccessor().invoke(o);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  private static <T> T create(Class<T> type, Object[] args) {
    try {
      RecordComponent[] cs = type.getRecordComponents();
      Class<?>[] types = new Class<?>[cs.length];
      for (int i = 0; i < cs.length; i++) {
        types[i] = cs[i].getType();
      }
      Constructor<T> ctor = type.getDeclaredConstructor(types);
      return ctor.newInstance(args);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }
}
