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
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
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

/** The standard provider; see {@link Converters}. Stateless and thread-safe. */
final class StandardConverters implements ConverterProvider {

  static final StandardConverters INSTANCE = new StandardConverters();

  static final AttributeConverter<Instant> INSTANT_EPOCH_SECONDS = cast(new Scalar(Scalar.INSTANT_EPOCH_SECONDS, AttributeValue.Type.N));

  private static final Map<Class<?>, AttributeConverter<?>> SCALARS = new HashMap<>(64);
  private static final AttributeConverter<?> STRINGS = new Scalar(Scalar.STRING, AttributeValue.Type.S);

  static {
    SCALARS.put(String.class, STRINGS);
    scalar(Scalar.BOOLEAN, null, Boolean.class, boolean.class);
    scalar(Scalar.INT, AttributeValue.Type.N, Integer.class, int.class);
    scalar(Scalar.LONG, AttributeValue.Type.N, Long.class, long.class);
    scalar(Scalar.SHORT, AttributeValue.Type.N, Short.class, short.class);
    scalar(Scalar.BYTE, AttributeValue.Type.N, Byte.class, byte.class);
    scalar(Scalar.DOUBLE, AttributeValue.Type.N, Double.class, double.class);
    scalar(Scalar.FLOAT, AttributeValue.Type.N, Float.class, float.class);
    scalar(Scalar.CHAR, AttributeValue.Type.S, Character.class, char.class);
    scalar(Scalar.BIG_DECIMAL, AttributeValue.Type.N, BigDecimal.class);
    scalar(Scalar.BIG_INTEGER, AttributeValue.Type.N, BigInteger.class);
    scalar(Scalar.BYTE_ARRAY, AttributeValue.Type.B, byte[].class);
    scalar(Scalar.BYTE_BUFFER, AttributeValue.Type.B, ByteBuffer.class);
    scalar(Scalar.BYTES, AttributeValue.Type.B, Bytes.class);
    scalar(Scalar.UUIDS, AttributeValue.Type.S, UUID.class);
    scalar(Scalar.INSTANT, AttributeValue.Type.S, Instant.class);
    scalar(Scalar.LOCAL_DATE, AttributeValue.Type.S, LocalDate.class);
    scalar(Scalar.LOCAL_TIME, AttributeValue.Type.S, LocalTime.class);
    scalar(Scalar.LOCAL_DATE_TIME, AttributeValue.Type.S, LocalDateTime.class);
    scalar(Scalar.OFFSET_DATE_TIME, AttributeValue.Type.S, OffsetDateTime.class);
    scalar(Scalar.ZONED_DATE_TIME, AttributeValue.Type.S, ZonedDateTime.class);
    scalar(Scalar.DURATION, AttributeValue.Type.N, Duration.class);
  }

  private static void scalar(int kind, AttributeValue.Type type, Class<?>... classes) {
    Scalar c = new Scalar(kind, type);
    for (Class<?> k : classes) {
      SCALARS.put(k, c);
    }
  }

  @SuppressWarnings("unchecked")
  private static <T> AttributeConverter<T> cast(AttributeConverter<?> c) {
    return (AttributeConverter<T>) c;
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

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static AttributeConverter<?> enumConverter(Class<?> type) {
    Class<? extends Enum> e = (Class<? extends Enum>) type;
    return new AttributeConverter<Enum>() {
      @Override
      public AttributeValue toAttributeValue(Enum value) {
        return AttributeValue.s(value.name());
      }

      @Override
      public Enum fromAttributeValue(AttributeValue value) {
        String name = string(value);
        try {
          return Enum.valueOf(e, name);
        } catch (IllegalArgumentException x) {
          throw new ConversionException(e.getSimpleName() + " has no constant \"" + name + "\"");
        }
      }

      @Override
      public AttributeValue.Type attributeType() {
        return AttributeValue.Type.S;
      }
    };
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
            boolean strings = e == STRINGS;
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
          if (e == STRINGS) {
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
