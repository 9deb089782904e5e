package io.dynamo4j.server;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;
import software.amazon.awssdk.utils.builder.SdkBuilder;

/**
 * JSON as plain Java values (maps, lists, strings, booleans and stripped decimals, which compare
 * with {@code equals}), and the AWS SDK's model objects as such values and back, through the SDK's
 * own field metadata ({@code sdkFields()}): a test can build any SDK request from the JSON of a
 * DynamoDB request, and read any SDK response as the JSON it stands for.
 */
final class SdkShapes {

  private static final JsonFactory FACTORY = new JsonFactory();

  private SdkShapes() {}

  /** The JSON value of {@code json}; an empty body is an empty object. */
  static Object parse(byte[] json) {
    if (json.length == 0) {
      return new LinkedHashMap<String, Object>();
    }
    try (JsonParser p = FACTORY.createParser(json)) {
      p.nextToken();
      return read(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Object parse(String json) {
    return parse(json.getBytes(StandardCharsets.UTF_8));
  }

  private static Object read(JsonParser p) throws IOException {
    JsonToken t = p.currentToken();
    switch (t) {
      case START_OBJECT -> {
        Map<String, Object> map = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          p.nextToken();
          Object v = read(p);
          if (v != null) {
            map.put(name, v);
          }
        }
        return map;
      }
      case START_ARRAY -> {
        List<Object> list = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          list.add(read(p));
        }
        return list;
      }
      case VALUE_STRING -> {
        return p.getText();
      }
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
        return number(p.getDecimalValue());
      }
      case VALUE_TRUE -> {
        return Boolean.TRUE;
      }
      case VALUE_FALSE -> {
        return Boolean.FALSE;
      }
      default -> {
        return null;
      }
    }
  }

  /** The member at {@code path} (object member names or list indexes), or null. */
  static Object at(Object json, Object... path) {
    Object node = json;
    for (Object step : path) {
      if (node instanceof Map<?, ?> m) {
        node = m.get(step);
      } else if (node instanceof List<?> l && step instanceof Integer i) {
        node = i < l.size() ? l.get(i) : null;
      } else {
        return null;
      }
    }
    return node;
  }

  /** Builds the SDK object whose builder {@code builder} supplies from the JSON object {@code json}. */
  static Object build(Supplier<?> builder, Object json) {
    SdkPojo b = (SdkPojo) builder.get();
    Map<?, ?> members = (Map<?, ?>) json;
    for (SdkField<?> field : b.sdkFields()) {
      Object member = members.get(field.locationName());
      if (member != null) {
        field.set(b, toSdk(field, member));
      }
    }
    return ((SdkBuilder<?, ?>) b).build();
  }

  private static Object toSdk(SdkField<?> field, Object json) {
    MarshallingType<?> type = field.marshallingType();
    if (type == MarshallingType.STRING) {
      return json.toString();
    } else if (type == MarshallingType.INTEGER) {
      return ((BigDecimal) json).intValueExact();
    } else if (type == MarshallingType.LONG) {
      return ((BigDecimal) json).longValueExact();
    } else if (type == MarshallingType.DOUBLE) {
      return ((BigDecimal) json).doubleValue();
    } else if (type == MarshallingType.BIG_DECIMAL) {
      return json;
    } else if (type == MarshallingType.BOOLEAN) {
      return json;
    } else if (type == MarshallingType.INSTANT) {
      return Instant.ofEpochMilli(((BigDecimal) json).movePointRight(3).longValue());
    } else if (type == MarshallingType.SDK_BYTES) {
      return SdkBytes.fromByteArray(Base64.getDecoder().decode(json.toString()));
    } else if (type == MarshallingType.SDK_POJO) {
      return build(field.constructor(), json);
    } else if (type == MarshallingType.LIST) {
      SdkField<?> member = field.getTrait(ListTrait.class).memberFieldInfo();
      List<Object> list = new ArrayList<>();
      for (Object e : (List<?>) json) {
        list.add(toSdk(member, e));
      }
      return list;
    } else if (type == MarshallingType.MAP) {
      SdkField<?> value = field.getTrait(MapTrait.class).valueFieldInfo();
      Map<String, Object> map = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : ((Map<?, ?>) json).entrySet()) {
        map.put(e.getKey().toString(), toSdk(value, e.getValue()));
      }
      return map;
    }
    throw new IllegalArgumentException("SdkShapes: no JSON mapping for " + type + " of " + field.memberName());
  }

  /** The JSON an SDK model object stands for (members the service did not send are absent). */
  static Map<String, Object> tree(SdkPojo pojo) {
    Map<String, Object> node = new LinkedHashMap<>();
    for (SdkField<?> field : pojo.sdkFields()) {
      Object value = toJson(field, field.getValueOrDefault(pojo));
      if (value != null) {
        node.put(field.locationName(), value);
      }
    }
    return node;
  }

  private static Object toJson(SdkField<?> field, Object value) {
    if (value == null || value instanceof SdkAutoConstructList || value instanceof SdkAutoConstructMap) {
      return null;
    }
    MarshallingType<?> type = field.marshallingType();
    if (type == MarshallingType.STRING || type == MarshallingType.BOOLEAN) {
      return value instanceof Boolean ? value : value.toString();
    } else if (type == MarshallingType.INSTANT) {
      return number(BigDecimal.valueOf(((Instant) value).toEpochMilli()).movePointLeft(3));
    } else if (type == MarshallingType.SDK_BYTES) {
      return Base64.getEncoder().encodeToString(((SdkBytes) value).asByteArray());
    } else if (type == MarshallingType.SDK_POJO) {
      return tree((SdkPojo) value);
    } else if (type == MarshallingType.LIST) {
      SdkField<?> member = field.getTrait(ListTrait.class).memberFieldInfo();
      List<Object> list = new ArrayList<>();
      for (Object e : (List<?>) value) {
        list.add(toJson(member, e));
      }
      return list;
    } else if (type == MarshallingType.MAP) {
      SdkField<?> member = field.getTrait(MapTrait.class).valueFieldInfo();
      Map<String, Object> map = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
        map.put(e.getKey().toString(), toJson(member, e.getValue()));
      }
      return map;
    } else if (value instanceof Number n) {
      return number(new BigDecimal(n.toString()));
    }
    throw new IllegalArgumentException("SdkShapes: no JSON mapping for " + type + " of " + field.memberName());
  }

  /** Numbers as stripped decimals, so 1, 1.0 and 1E0 are equal. */
  private static BigDecimal number(BigDecimal d) {
    BigDecimal s = d.stripTrailingZeros();
    return s.scale() < 0 ? s.setScale(0) : s;
  }
}
