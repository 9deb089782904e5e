package io.dynamo4j.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.dynamo4j.error.SerializationException;
import io.dynamo4j.error.ValidationException;
import io.dynamo4j.model.AttributeValue;
import io.dynamo4j.model.Item;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reading and writing the scalar, list and map members of wire shapes, with DynamoDB's
 * serialization errors for JSON of the wrong type. Stateless and thread-safe.
 */
final class WireValues {

  /** A read step that may fail with an I/O error. */
  interface Reader<T> {
    T read() throws IOException;
  }

  private static final String NUMBER = "class com.amazon.coral.value.json.numbers.TruncatingBigNumber";
  private static final BigDecimal NANOS_PER_SECOND = BigDecimal.valueOf(1_000_000_000L);

  private WireValues() {}

  /** True on the start of an object; false on null; DynamoDB's error for anything else. */
  static boolean startObject(JsonParser p, String shape) {
    JsonToken t = p.currentToken();
    if (t == JsonToken.START_OBJECT) {
      return true;
    }
    if (t == JsonToken.VALUE_NULL) {
      return false;
    }
    throw mismatch(t, "Structure");
  }

  static String readString(JsonParser p) throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_STRING) {
      return p.getText();
    }
    if (t == JsonToken.VALUE_NULL) {
      return null;
    }
    throw mismatch(t, "String");
  }

  static Integer readInteger(JsonParser p) throws IOException {
    Long l = readWhole(p, "Integer");
    if (l == null) {
      return null;
    }
    if (l < Integer.MIN_VALUE || l > Integer.MAX_VALUE) {
      throw new SerializationException("Numeric value (" + p.getText() + ") out of range of int");
    }
    return l.intValue();
  }

  static Long readLong(JsonParser p) throws IOException {
    return readWhole(p, "Long");
  }

  private static Long readWhole(JsonParser p, String type) throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
      BigDecimal d = p.getDecimalValue();
      try {
        return d.toBigInteger().longValueExact(); // fractions are truncated, as the service does
      } catch (ArithmeticException e) {
        throw new SerializationException("Numeric value (" + p.getText() + ") out of range of " + type.toLowerCase());
      }
    }
    if (t == JsonToken.VALUE_NULL) {
      return null;
    }
    throw mismatch(t, type);
  }

  static Double readDouble(JsonParser p) throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
      return p.getDoubleValue();
    }
    if (t == JsonToken.VALUE_NULL) {
      return null;
    }
    throw mismatch(t, "Double");
  }

  static Boolean readBoolean(JsonParser p) throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_TRUE) {
      return Boolean.TRUE;
    }
    if (t == JsonToken.VALUE_FALSE) {
      return Boolean.FALSE;
    }
    if (t == JsonToken.VALUE_NULL) {
      return null;
    }
    throw mismatch(t, "Boolean");
  }

  /** Epoch seconds, possibly fractional, as DynamoDB writes timestamps. */
  static Instant readInstant(JsonParser p) throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
      BigDecimal seconds = p.getDecimalValue();
      try {
        long whole = seconds.setScale(0, java.math.RoundingMode.FLOOR).longValueExact();
        long nanos = seconds.subtract(BigDecimal.valueOf(whole)).multiply(NANOS_PER_SECOND).longValue();
        return Instant.ofEpochSecond(whole, nanos);
      } catch (ArithmeticException | java.time.DateTimeException e) {
        throw new SerializationException("Timestamp out of range: " + p.getText());
      }
    }
    if (t == JsonToken.VALUE_NULL) {
      return null;
    }
    throw mismatch(t, "Date");
  }

  static void writeInstant(JsonGenerator g, Instant instant) throws IOException {
    BigDecimal seconds = BigDecimal.valueOf(instant.getEpochSecond())
        .add(BigDecimal.valueOf(instant.getNano()).divide(NANOS_PER_SECOND))
        .stripTrailingZeros();
    g.writeNumber(seconds.scale() < 0 ? seconds.setScale(0) : seconds);
  }

  static AttributeValue readAttributeValue(JsonParser p) throws IOException {
    if (p.currentToken() == JsonToken.VALUE_NULL) {
      return null;
    }
    return ValueReader.readValue(p);
  }

  static Item readItem(JsonParser p) throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_NULL) {
      return null;
    }
    if (t != JsonToken.START_OBJECT) {
      throw mismatch(t, "Map");
    }
    return ValueReader.readItem(p);
  }

  static <E extends Enum<E>> E readEnum(JsonParser p, WirePath path, Function<String, E> fromValue, String valueSet)
      throws IOException {
    String s = readString(p);
    if (s == null) {
      return null;
    }
    E e = fromValue.apply(s);
    if (e == null) {
      throw new ValidationException("1 validation error detected: Value '" + s + "' at '" + path
          + "' failed to satisfy constraint: Member must satisfy enum value set: " + valueSet);
    }
    return e;
  }

  static <T> List<T> readList(JsonParser p, WirePath path, Reader<T> element) throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_NULL) {
      return null;
    }
    if (t != JsonToken.START_ARRAY) {
      throw mismatch(t, "List");
    }
    List<T> list = new ArrayList<>();
    int i = 0;
    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
      if (t == null) {
        throw new SerializationException("Unexpected end of input");
      }
      path.pushIndex(++i);
      list.add(element.read());
      path.pop();
    }
    return list;
  }

  static <V> Map<String, V> readMap(JsonParser p, WirePath path, Reader<V> value) throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_NULL) {
      return null;
    }
    if (t != JsonToken.START_OBJECT) {
      throw mismatch(t, "Map");
    }
    Map<String, V> map = new LinkedHashMap<>();
    while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
      String key = p.currentName();
      p.nextToken();
      path.push(key);
      map.put(key, value.read());
      path.pop();
    }
    if (t != JsonToken.END_OBJECT) {
      throw new SerializationException("Unexpected end of input");
    }
    return map;
  }

  /** DynamoDB's error for a JSON value of the wrong kind where {@code expected} was due. */
  static SerializationException mismatch(JsonToken t, String expected) {
    if (t == null) {
      return new SerializationException("Unexpected end of input");
    }
    switch (t) {
      case START_OBJECT:
        return new SerializationException("Start of structure or map found where not expected.");
      case START_ARRAY:
        return new SerializationException("Start of list found where not expected");
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        return new SerializationException(NUMBER + " can not be converted to an " + expected);
      case VALUE_TRUE:
      case VALUE_FALSE:
        return new SerializationException("class java.lang.Boolean can not be converted to an " + expected);
      case VALUE_STRING:
        return new SerializationException("class java.lang.String can not be converted to an " + expected);
      default:
        return new SerializationException("Unexpected token " + t + " where " + expected + " was expected");
    }
  }
}
