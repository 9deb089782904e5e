package io.dynamo4j.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.dynamo4j.error.DynamoException;
import io.dynamo4j.model.AttributeValue;
import io.dynamo4j.model.Item;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * DynamoDB JSON, the form DynamoDB's API uses for attribute values: {@code {"S": "x"}},
 * {@code {"N": "1.5"}}, {@code {"B": "<base64>"}}, {@code {"BOOL": true}}, {@code {"NULL": true}},
 * {@code {"M": {...}}}, {@code {"L": [...]}}, {@code {"SS": [...]}}, {@code {"NS": ["1"]}},
 * {@code {"BS": ["<base64>"]}}; an item is an object of attribute names to such values.
 *
 * <pre>{@code
 * Item item = DynamoJson.readItem("{\"id\": {\"S\": \"o-1\"}, \"total\": {\"N\": \"12.50\"}}");
 * String json = DynamoJson.writeItem(item); // {"id":{"S":"o-1"},"total":{"N":"12.5"}}
 * }</pre>
 *
 * <p>Input that is not valid DynamoDB JSON raises {@link DynamoJsonException} saying where and
 * what; its cause is the DynamoDB error DynamoDB would return for the same value. Numbers are
 * written as DynamoDB returns them (normalised), binary as standard base64.
 *
 * <p>Stateless and thread-safe.
 */
public final class DynamoJson {

  static final JsonFactory FACTORY = JsonFactory.builder().build();

  private DynamoJson() {}

  /** Reads one attribute value, e.g. {@code {"N": "42"}}. */
  public static AttributeValue readValue(String json) {
    try (JsonParser p = FACTORY.createParser(json)) {
      p.nextToken();
      AttributeValue v = ValueReader.readValue(p);
      expectEnd(p);
      return v;
    } catch (DynamoException e) {
      throw invalid(null, e);
    } catch (IOException e) {
      throw invalid(null, e);
    }
  }

  /** Reads one item: an object of attribute names to DynamoDB JSON values. */
  public static Item readItem(String json) {
    try (JsonParser p = FACTORY.createParser(json)) {
      p.nextToken();
      Item item = readItemAt(p);
      expectEnd(p);
      return item;
    } catch (IOException e) {
      throw invalid(null, e);
    }
  }

  /**
   * Reads every item of {@code reader}, which holds either a JSON array of items or a sequence of
   * items (one per line, "JSON lines"). The reader is not closed.
   */
  public static List<Item> readItems(Reader reader) {
    List<Item> items = new ArrayList<>();
    try (JsonParser p = FACTORY.createParser(reader)) {
      JsonToken t = p.nextToken();
      if (t == JsonToken.START_ARRAY) {
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
          if (t == null) {
            throw new JsonEndException(p.currentLocation());
          }
          items.add(readItemAt(p));
        }
        expectEnd(p);
      } else {
        while (t != null) {
          items.add(readItemAt(p));
          t = p.nextToken();
        }
      }
      return items;
    } catch (JsonEndException e) {
      throw new DynamoJsonException(where(e.location) + "unexpected end of input", null);
    } catch (IOException e) {
      throw invalid(null, e);
    }
  }

  private static Item readItemAt(JsonParser p) throws IOException {
    JsonLocation start = p.currentLocation();
    try {
      return ValueReader.readItem(p);
    } catch (DynamoException e) {
      throw invalid(start, e);
    }
  }

  /** Writes one attribute value. */
  public static String writeValue(AttributeValue value) {
    StringWriter w = new StringWriter();
    try (JsonGenerator g = FACTORY.createGenerator(w)) {
      ValueWriter.writeValue(g, value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return w.toString();
  }

  /** Writes one item. */
  public static String writeItem(Item item) {
    StringWriter w = new StringWriter();
    writeItem(item, w);
    return w.toString();
  }

  /** Writes one item to {@code writer}, which is flushed but not closed. */
  public static void writeItem(Item item, Writer writer) {
    try (JsonGenerator g = FACTORY.createGenerator(writer)) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      ValueWriter.writeItem(g, item);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void expectEnd(JsonParser p) throws IOException {
    if (p.nextToken() != null) {
      throw new DynamoJsonException(where(p.currentLocation()) + "unexpected content after the value", null);
    }
  }

  private static DynamoJsonException invalid(JsonLocation at, Exception cause) {
    if (cause instanceof DynamoJsonException dje) {
      return dje;
    }
    if (cause instanceof JsonProcessingException jpe) {
      return new DynamoJsonException(where(jpe.getLocation()) + jpe.getOriginalMessage(), cause);
    }
    return new DynamoJsonException(where(at) + cause.getMessage(), cause);
  }

  private static String where(JsonLocation at) {
    if (at == null) {
      return "Invalid DynamoDB JSON: ";
    }
    return "Invalid DynamoDB JSON at line " + at.getLineNr() + ", column " + at.getColumnNr() + ": ";
  }

  /** Signals the end of input inside a value. */
  private static final class JsonEndException extends IOException {
    private static final long serialVersionUID = 1L;
    private final transient JsonLocation location;

    JsonEndException(JsonLocation location) {
      super("unexpected end of input");
      this.location = location;
    }
  }
}
