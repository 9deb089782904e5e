package io.dynamo4j.mapper.convert;

import static io.dynamo4j.mapper.convert.Converters.binary;
import static io.dynamo4j.mapper.convert.Converters.mismatch;
import static io.dynamo4j.mapper.convert.Converters.number;
import static io.dynamo4j.mapper.convert.Converters.string;

import io.dynamo4j.model.AttributeValue;
import io.dynamo4j.model.Bytes;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/** The standard provider; see {@link Converters}. Stateless and thread-safe. */
final class StandardConverters implements ConverterProvider {

  static final StandardConverters INSTANCE = new StandardConverters();

  private static final DateTimeFormatter INSTANT = new DateTimeFormatterBuilder().appendInstant(9).toFormatter();
  private static final DateTimeFormatter TIME = new DateTimeFormatterBuilder()
      .appendValue(ChronoField.HOUR_OF_DAY, 2).appendLiteral(':')
      .appendValue(ChronoField.MINUTE_OF_HOUR, 2).appendLiteral(':')
      .appendValue(ChronoField.SECOND_OF_MINUTE, 2)
      .appendFraction(ChronoField.NANO_OF_SECOND, 9, 9, true)
      .toFormatter();
  private static final DateTimeFormatter LOCAL_DATE_TIME = new DateTimeFormatterBuilder()
      .append(DateTimeFormatter.ISO_LOCAL_DATE).appendLiteral('T').append(TIME).toFormatter();
  private static final DateTimeFormatter OFFSET_DATE_TIME = new DateTimeFormatterBuilder()
      .append(LOCAL_DATE_TIME).appendOffsetId().toFormatter();

  static final AttributeConverter<Instant> INSTANT_EPOCH_SECONDS =
      scalar(AttributeValue.Type.N, i -> AttributeValue.n(i.getEpochSecond()),
          v -> Instant.ofEpochSecond(number(v).setScale(0, RoundingMode.FLOOR).longValueExact()));

  private static final Map<Class<?>, AttributeConverter<?>> SCALARS = new HashMap<>();

  static {
    AttributeConverter<String> string = scalar(AttributeValue.Type.S, AttributeValue::s, Converters::string);
    SCALARS.put(String.class, string);
    AttributeConverter<Boolean> bool = scalar(null, AttributeValue::bool, v -> {
      if (v instanceof AttributeValue.Bool b) {
        return b.value();
      }
      throw mismatch("BOOL", v);
    });
    SCALARS.put(Boolean.class, bool);
    SCALARS.put(boolean.class, bool);
    AttributeConverter<Integer> integer = numeric(i -> AttributeValue.n(i.longValue()), d -> exact(d, Integer.MIN_VALUE, Integer.MAX_VALUE, "int").intValue());
    SCALARS.put(Integer.class, integer);
    SCALARS.put(int.class, integer);
    AttributeConverter<Long> longs = numeric(AttributeValue::n, d -> exact(d, Long.MIN_VALUE, Long.MAX_VALUE, "long").longValue());
    SCALARS.put(Long.class, longs);
    SCALARS.put(long.class, longs);
    AttributeConverter<Short> shorts = numeric(s -> AttributeValue.n(s.longValue()), d -> exact(d, Short.MIN_VALUE, Short.MAX_VALUE, "short").shortValue());
    SCALARS.put(Short.class, shorts);
    SCALARS.put(short.class, shorts);
    AttributeConverter<Byte> bytes = numeric(b -> AttributeValue.n(b.longValue()), d -> exact(d, Byte.MIN_VALUE, Byte.MAX_VALUE, "byte").byteValue());
    SCALARS.put(Byte.class, bytes);
    SCALARS.put(byte.class, bytes);
    AttributeConverter<Double> doubles = numeric(Converters::number, BigDecimal::doubleValue);
    SCALARS.put(Double.class, doubles);
    SCALARS.put(double.class, doubles);
    AttributeConverter<Float> floats = numeric(f -> {
      if (f.isNaN() || f.isInfinite()) {
        return AttributeValue.n(f.doubleValue()); // DynamoDB's ValidationException
      }
      return AttributeValue.n(new BigDecimal(Float.toString(f)));
    }, BigDecimal::floatValue);
    SCALARS.put(Float.class, floats);
    SCALARS.put(float.class, floats);
    AttributeConverter<Character> chars = scalar(AttributeValue.Type.S, c -> AttributeValue.s(String.valueOf(c)), v -> {
      String s = string(v);
      if (s.length() != 1) {
        throw new ConversionException("expected a string of one character, found " + s.length() + " characters");
      }
      return s.charAt(0);
    });
    SCALARS.put(Character.class, chars);
    SCALARS.put(char.class, chars);
    SCALARS.put(BigDecimal.class, numeric(AttributeValue::n, d -> d));
    SCALARS.put(BigInteger.class, numeric(AttributeValue::n, d -> {
      try {
        return d.toBigIntegerExact();
      } catch (ArithmeticException e) {
        throw new ConversionException("expected an integer, found " + d.toPlainString());
      }
    }));
    SCALARS.put(byte[].class, scalar(AttributeValue.Type.B, AttributeValue::b, v -> binary(v).toByteArray()));
    SCALARS.put(ByteBuffer.class, scalar(AttributeValue.Type.B, b -> AttributeValue.b(Bytes.of(b)),
        v -> ByteBuffer.wrap(binary(v).toByteArray())));
    SCALARS.put(Bytes.class, scalar(AttributeValue.Type.B, AttributeValue::b, Converters::binary));
    SCALARS.put(UUID.class, text(UUID::toString, UUID::fromString));
    SCALARS.put(Instant.class, text(i -> {
      String fast = TimeText.format(i);
      return fast != null ? fast : INSTANT.format(i);
    }, TimeText::parseInstant));
    SCALARS.put(LocalDate.class, text(DateTimeFormatter.ISO_LOCAL_DATE::format, LocalDate::parse));
    SCALARS.put(LocalTime.class, text(TIME::format, LocalTime::parse));
    SCALARS.put(LocalDateTime.class, text(t -> {
      String fast = TimeText.format(t, false);
      return fast != null ? fast : LOCAL_DATE_TIME.format(t);
    }, t -> {
      LocalDateTime fast = TimeText.parse(t, false);
      return fast != null ? fast : LocalDateTime.parse(t);
    }));
    SCALARS.put(OffsetDateTime.class, text(OFFSET_DATE_TIME::format, OffsetDateTime::parse));
    SCALARS.put(ZonedDateTime.class, text(z -> z.getZone() instanceof ZoneOffset
        ? OFFSET_DATE_TIME.format(z)
        : OFFSET_DATE_TIME.format(z) + "[" + z.getZone().getId() + "]", ZonedDateTime::parse));
    SCALARS.put(Duration.class, numeric(
        d -> AttributeValue.n(BigDecimal.valueOf(d.getSeconds()).add(BigDecimal.valueOf(d.getNano(), 9))),
        n -> {
          BigDecimal seconds = n.setScale(0, RoundingMode.FLOOR);
          BigDecimal nanos = n.subtract(seconds).movePointRight(9);
          try {
            return Duration.ofSeconds(seconds.longValueExact(), nanos.setScale(0, RoundingMode.FLOOR).longValueExact());
          } catch (ArithmeticException e) {
            throw new ConversionException("expected a duration in seconds, found " + n.toPlainString());
          }
        }));
  }

  private StandardConverters() {}

  @Override
  public AttributeConverter<?> converterFor(Type type, ConverterLookup lookup) {
    if (type instanceof Class<?> c) {
      AttributeConverter<?> scalar = SCALARS.get(c);
      if (scalar != null) {
        return scalar;
      }
      if (c.isEnum()) {
        return enumConverter(c);
      }
      if (Enum.class.isAssignableFrom(c) && c.getSuperclass() != null && c.getSuperclass().isEnum()) {
        return enumConverter(c.getSuperclass()); // a constant with a body
      }
      return null;
    }
    if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw) {
      Type[] args = p.getActualTypeArguments();
      if (raw == Optional.class) {
        return optional(lookup.converterFor(bound(args[0])));
      }
      if (raw == List.class || raw == Collection.class || raw == ArrayList.class || raw == Iterable.class) {
        return list(lookup.converterFor(bound(args[0])));
      }
      if (raw == Set.class || raw == LinkedHashSet.class) {
        AttributeConverter<?> element = lookup.converterFor(bound(args[0]));
        return set(element, bound(args[0]));
      }
      if (raw == Map.class || raw == LinkedHashMap.class) {
        if (bound(args[0]) != String.class) {
          throw new ConversionException(
              "a map's keys must be Strings (DynamoDB map keys are attribute names); got " + args[0].getTypeName()
                  + " (convert the keys to strings, or give the property a @Convert converter)");
        }
        return map(lookup.converterFor(bound(args[1])));
      }
    }
    if (type instanceof GenericArrayType) {
      return null;
    }
    return null;
  }

  private static Type bound(Type t) {
    if (t instanceof WildcardType w) {
      return w.getUpperBounds()[0];
    }
    return t;
  }

  // ---------------------------------------------------------------- scalars

  private static <T> AttributeConverter<T> scalar(
      AttributeValue.Type type, Function<T, AttributeValue> to, Function<AttributeValue, T> from) {
    return new AttributeConverter<>() {
      @Override
      public AttributeValue toAttributeValue(T value) {
        return to.apply(value);
      }

      @Override
      public T fromAttributeValue(AttributeValue value) {
        return from.apply(value);
      }

      @Override
      public AttributeValue.Type attributeType() {
        return type;
      }
    };
  }

  private static <T> AttributeConverter<T> numeric(Function<T, AttributeValue> to, Function<BigDecimal, T> from) {
    return scalar(AttributeValue.Type.N, to, v -> from.apply(number(v)));
  }

  private static <T> AttributeConverter<T> text(Function<T, String> to, Function<String, T> from) {
    return scalar(AttributeValue.Type.S, v -> AttributeValue.s(to.apply(v)), v -> {
      String s = string(v);
      try {
        return from.apply(s);
      } catch (DateTimeException | IllegalArgumentException e) {
        throw new ConversionException("cannot read \"" + s + "\": " + e.getMessage(), e);
      }
    });
  }

  private static BigDecimal exact(BigDecimal d, long min, long max, String type) {
    if (d.scale() > 0 && d.stripTrailingZeros().scale() > 0
        || d.compareTo(BigDecimal.valueOf(min)) < 0 || d.compareTo(BigDecimal.valueOf(max)) > 0) {
      throw new ConversionException("expected a number that fits " + type + ", found " + d.toPlainString());
    }
    return d;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static AttributeConverter<?> enumConverter(Class<?> type) {
    Class<? extends Enum> e = (Class<? extends Enum>) type;
    return scalar(AttributeValue.Type.S, (Enum v) -> AttributeValue.s(v.name()), v -> {
      String name = string(v);
      try {
        return Enum.valueOf(e, name);
      } catch (IllegalArgumentException x) {
        throw new ConversionException(e.getSimpleName() + " has no constant \"" + name + "\"");
      }
    });
  }

  // ---------------------------------------------------------------- containers

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static AttributeConverter<?> optional(AttributeConverter<?> element) {
    AttributeConverter<Object> e = (AttributeConverter<Object>) element;
    return new AttributeConverter<Optional>() {
      @Override
      public AttributeValue toAttributeValue(Optional value) {
        return value.isPresent() ? e.toAttributeValue(value.get()) : null;
      }

      @Override
      public Optional fromAttributeValue(AttributeValue value) {
        return Optional.ofNullable(e.fromAttributeValue(value));
      }

      @Override
      public AttributeValue.Type attributeType() {
        return e.attributeType();
      }
    };
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static AttributeConverter<?> list(AttributeConverter<?> element) {
    AttributeConverter<Object> e = (AttributeConverter<Object>) element;
    return new AttributeConverter<Collection>() {
      @Override
      public AttributeValue toAttributeValue(Collection value) {
        List<AttributeValue> out = new ArrayList<>(value.size());
        for (Object o : value) {
          AttributeValue v = o == null ? null : e.toAttributeValue(o);
          out.add(v == null ? AttributeValue.nul() : v);
        }
        return AttributeValue.l(out);
      }

      @Override
      public Collection fromAttributeValue(AttributeValue value) {
        if (!(value instanceof AttributeValue.L l)) {
          throw mismatch("L", value);
        }
        List<Object> out = new ArrayList<>(l.value().size());
        for (AttributeValue v : l.value()) {
          out.add(v instanceof AttributeValue.Null ? null : e.fromAttributeValue(v));
        }
        return out;
      }

      @Override
      public AttributeValue.Type attributeType() {
        return AttributeValue.Type.L;
      }
    };
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static AttributeConverter<?> set(AttributeConverter<?> element, Type elementType) {
    AttributeConverter<Object> e = (AttributeConverter<Object>) element;
    AttributeValue.Type t = e.attributeType();
    if (t != AttributeValue.Type.S && t != AttributeValue.Type.N && t != AttributeValue.Type.B) {
      throw new ConversionException(
          "a set's elements must map to strings, numbers or binary (DynamoDB's SS, NS and BS); "
              + elementType.getTypeName() + " maps to " + (t == null ? "various types" : t) + " (use a List instead)");
    }
    return new AttributeConverter<Set>() {
      @Override
      public AttributeValue toAttributeValue(Set value) {
        if (value.isEmpty()) {
          return null;
        }
        switch (t) {
          case S -> {
            List<String> out = new ArrayList<>(value.size());
            boolean strings = e == SCALARS.get(String.class);
            for (Object o : value) {
              out.add(strings ? (String) nonNull(o) : string(e.toAttributeValue(nonNull(o))));
            }
            return AttributeValue.ss(out);
          }
          case N -> {
            List<BigDecimal> out = new ArrayList<>(value.size());
            for (Object o : value) {
              out.add(number(e.toAttributeValue(nonNull(o))));
            }
            return AttributeValue.nsOf(out);
          }
          default -> {
            List<Bytes> out = new ArrayList<>(value.size());
            for (Object o : value) {
              out.add(binary(e.toAttributeValue(nonNull(o))));
            }
            return AttributeValue.bs(out);
          }
        }
      }

      @Override
      public Set fromAttributeValue(AttributeValue value) {
        Set<Object> out;
        if (value instanceof AttributeValue.SS ss && t == AttributeValue.Type.S) {
          out = new LinkedHashSet<>(ss.value().size() * 2);
          if (e == SCALARS.get(String.class)) {
            out.addAll(ss.value());
          } else {
            for (String s : ss.value()) {
              out.add(e.fromAttributeValue(AttributeValue.s(s)));
            }
          }
        } else if (value instanceof AttributeValue.NS ns && t == AttributeValue.Type.N) {
          out = new LinkedHashSet<>(ns.value().size() * 2);
          for (BigDecimal d : ns.value()) {
            out.add(e.fromAttributeValue(AttributeValue.n(d)));
          }
        } else if (value instanceof AttributeValue.BS bs && t == AttributeValue.Type.B) {
          out = new LinkedHashSet<>(bs.value().size() * 2);
          for (Bytes b : bs.value()) {
            out.add(e.fromAttributeValue(AttributeValue.b(b)));
          }
        } else {
          throw mismatch(t + "S", value);
        }
        return out;
      }

      @Override
      public AttributeValue.Type attributeType() {
        return t == AttributeValue.Type.S ? AttributeValue.Type.SS : t == AttributeValue.Type.N ? AttributeValue.Type.NS : AttributeValue.Type.BS;
      }
    };
  }

  private static Object nonNull(Object o) {
    if (o == null) {
      throw new ConversionException("a set cannot hold null (DynamoDB's sets have no NULL elements)");
    }
    return o;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static AttributeConverter<?> map(AttributeConverter<?> element) {
    AttributeConverter<Object> e = (AttributeConverter<Object>) element;
    return new AttributeConverter<Map>() {
      @Override
      public AttributeValue toAttributeValue(Map value) {
        io.dynamo4j.model.Item.Builder b = io.dynamo4j.model.Item.builder(value.size());
        for (Object o : value.entrySet()) {
          Map.Entry entry = (Map.Entry) o;
          if (entry.getKey() == null) {
            throw new ConversionException("a map key is null (DynamoDB map keys are attribute names)");
          }
          AttributeValue v = entry.getValue() == null ? null : e.toAttributeValue(entry.getValue());
          b.putNew((String) entry.getKey(), v == null ? AttributeValue.nul() : v);
        }
        return new AttributeValue.M(b.build());
      }

      @Override
      public Map fromAttributeValue(AttributeValue value) {
        if (!(value instanceof AttributeValue.M m)) {
          throw mismatch("M", value);
        }
        io.dynamo4j.model.Item item = m.value();
        Map<String, Object> out = new LinkedHashMap<>(item.size() * 2);
        for (int i = 0; i < item.size(); i++) {
          AttributeValue v = item.valueAt(i);
          out.put(item.nameAt(i), v instanceof AttributeValue.Null ? null : e.fromAttributeValue(v));
        }
        return out;
      }

      @Override
      public AttributeValue.Type attributeType() {
        return AttributeValue.Type.M;
      }
    };
  }
}
