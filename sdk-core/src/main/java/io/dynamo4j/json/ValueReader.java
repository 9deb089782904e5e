package io.dynamo4j.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import io.dynamo4j.error.SerializationException;
import io.dynamo4j.error.ValidationException;
import io.dynamo4j.model.AttributeValue;
import io.dynamo4j.model.Bytes;
import io.dynamo4j.model.Item;
import io.dynamo4j.model.Messages;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads DynamoDB JSON values from a parser positioned on a value's first token. Structural problems
 * raise {@link SerializationException}, invalid values {@link ValidationException}, with DynamoDB's
 * texts. Stateless and thread-safe.
 */
final class ValueReader {

  private ValueReader() {}

  /** Reads {@code {"<type>": <value>}}; the parser is left on the value's closing brace. */
  static AttributeValue readValue(JsonParser p) throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_NULL) {
      throw new ValidationException(Messages.EMPTY_ATTRIBUTE_VALUE);
    }
    if (t != JsonToken.START_OBJECT) {
      throw unexpected(t, "structure");
    }
    AttributeValue value = null;
    boolean several = false;
    while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
      String type = p.currentName();
      JsonToken vt = p.nextToken();
      if (vt == JsonToken.VALUE_NULL) {
        continue; // an explicit null member is an absent member
      }
      AttributeValue v = readTyped(type, p);
      if (v != null) {
        if (value != null) {
          several = true;
        }
        value = v;
      }
    }
    if (t != JsonToken.END_OBJECT) {
      throw new SerializationException("Unexpected end of input");
    }
    if (several) {
      throw new ValidationException(Messages.MULTIPLE_DATATYPES);
    }
    if (value == null) {
      throw new ValidationException(Messages.EMPTY_ATTRIBUTE_VALUE);
    }
    return value;
  }

  /** Reads the value of one type member; unknown type names are skipped (null), as DynamoDB ignores them. */
  private static AttributeValue readTyped(String type, JsonParser p) throws IOException {
    switch (type) {
      case "S":
        return AttributeValue.s(readString(p));
      case "N":
        return AttributeValue.n(readNumberText(p));
      case "B":
        return AttributeValue.b(readBinary(p));
      case "BOOL":
        return AttributeValue.bool(readBoolean(p));
      case "NULL":
        if (!readBoolean(p)) {
          throw new ValidationException(Messages.NULL_MUST_BE_TRUE);
        }
        return AttributeValue.nul();
      case "M":
        return new AttributeValue.M(readItem(p));
      case "L": {
        expectArray(p);
        List<AttributeValue> list = new ArrayList<>();
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
          requireNotEnd(t);
          list.add(readValue(p));
        }
        return AttributeValue.l(list);
      }
      case "SS": {
        expectArray(p);
        List<String> list = new ArrayList<>();
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
          requireNotEnd(t);
          list.add(readString(p));
        }
        return AttributeValue.ss(list);
      }
      case "NS": {
        expectArray(p);
        List<BigDecimal> list = new ArrayList<>();
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
          requireNotEnd(t);
          list.add(AttributeValue.n(readNumberText(p)).value());
        }
        if (list.isEmpty()) {
          throw new ValidationException(Messages.EMPTY_NS);
        }
        return AttributeValue.nsOf(list);
      }
      case "BS": {
        expectArray(p);
        List<Bytes> list = new ArrayList<>();
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
          requireNotEnd(t);
          list.add(readBinary(p));
        }
        return AttributeValue.bs(list);
      }
      default:
        p.skipChildren();
        return null;
    }
  }

  /** Reads {@code {"name": <value>, ...}}; the parser is left on the closing brace. */
  static Item readItem(JsonParser p) throws IOException {
    JsonToken t = p.currentToken();
    if (t != JsonToken.START_OBJECT) {
      throw unexpected(t, "map");
    }
    Item.Builder b = Item.builder();
    while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      p.nextToken();
      b.put(name, readValue(p));
    }
    if (t != JsonToken.END_OBJECT) {
      throw new SerializationException("Unexpected end of input");
    }
    return b.build();
  }

  static String readString(JsonParser p) throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_STRING) {
      return p.getText();
    }
    throw unexpected(t, "string");
  }

  private static String readNumberText(JsonParser p) throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_STRING || t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
      return p.getText();
    }
    throw unexpected(t, "string");
  }

  private static Bytes readBinary(JsonParser p) throws IOException {
    JsonToken t = p.currentToken();
    if (t != JsonToken.VALUE_STRING) {
      throw unexpected(t, "blob");
    }
    try {
      return Bytes.fromBase64(p.getText());
    } catch (IllegalArgumentException e) {
      throw new SerializationException("Base64 encoded length is expected a multiple of 4 bytes but found: "
          + p.getText().length());
    }
  }

  private static boolean readBoolean(JsonParser p) throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_TRUE) {
      return true;
    }
    if (t == JsonToken.VALUE_FALSE) {
      return false;
    }
    if (t == JsonToken.VALUE_STRING) {
      String s = p.getText();
      if (s.equalsIgnoreCase("true")) {
        return true;
      }
      if (s.equalsIgnoreCase("false")) {
        return false;
      }
    }
    throw unexpected(t, "boolean");
  }

  private static void expectArray(JsonParser p) {
    JsonToken t = p.currentToken();
    if (t != JsonToken.START_ARRAY) {
      throw unexpected(t, "list");
    }
  }

  private static void requireNotEnd(JsonToken t) {
    if (t == null) {
      throw new SerializationException("Unexpected end of input");
    }
  }

  /** DynamoDB's serialization errors for a JSON token where another kind of value was expected. */
  static SerializationException unexpected(JsonToken t, String expected) {
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
        return new SerializationException("NUMBER_VALUE cannot be converted to " + capitalize(expected));
      case VALUE_TRUE:
      case VALUE_FALSE:
        return new SerializationException("BOOLEAN_VALUE cannot be converted to " + capitalize(expected));
      case VALUE_STRING:
        return new SerializationException("STRING_VALUE cannot be converted to " + capitalize(expected));
      default:
        return new SerializationException("Unexpected token " + t + " where a " + expected + " was expected");
    }
  }

  private static String capitalize(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  /** Whether {@code e} is Jackson's signal that the input nests too deeply or is too large. */
  static boolean isConstraint(IOException e) {
    return e instanceof StreamConstraintsException;
  }
}
