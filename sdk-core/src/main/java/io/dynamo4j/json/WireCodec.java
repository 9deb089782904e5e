package io.dynamo4j.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import io.dynamo4j.api.CancellationReason;
import io.dynamo4j.api.Operation;
import io.dynamo4j.error.ConditionalCheckFailedException;
import io.dynamo4j.error.DynamoErrors;
import io.dynamo4j.error.DynamoException;
import io.dynamo4j.error.SerializationException;
import io.dynamo4j.error.TransactionCanceledException;
import io.dynamo4j.model.Item;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * DynamoDB's HTTP JSON protocol bodies (AWS JSON 1.0): requests, responses and errors of every
 * operation, in both directions. The server reads requests and writes responses; a client of a
 * DynamoDB endpoint writes requests and reads responses. Members absent from a record are omitted;
 * unknown JSON members are skipped, as DynamoDB does.
 *
 * <p>Malformed JSON and JSON of the wrong type raise {@link SerializationException}; invalid values
 * (numbers, sets, enum values) raise {@link io.dynamo4j.error.ValidationException}, with DynamoDB's
 * texts.
 *
 * <p>Stateless and thread-safe.
 */
public final class WireCodec {

  private WireCodec() {}

  /** Reads the body of a request for {@code op}; an empty body is an empty request. */
  public static Object readRequest(Operation op, byte[] body) {
    return read(op, body, true);
  }

  /** Reads the body of a successful response to {@code op}. */
  public static Object readResponse(Operation op, byte[] body) {
    return read(op, body, false);
  }

  /** Writes a request record of {@code op}. */
  public static byte[] writeRequest(Operation op, Object request) {
    return write(g -> WireShapes.writeRequest(op, g, request));
  }

  /** Writes a response record of {@code op}. */
  public static byte[] writeResponse(Operation op, Object response) {
    return write(g -> WireShapes.writeResponse(op, g, response));
  }

  /**
   * Writes an error as DynamoDB does: {@code {"__type": ..., "message": ...}}, plus the item of a
   * ConditionalCheckFailedException that has one and the CancellationReasons of a
   * TransactionCanceledException (whose message member DynamoDB capitalises).
   */
  public static byte[] writeError(DynamoException e) {
    return write(g -> {
      g.writeStartObject();
      g.writeStringField("__type", e.wireType());
      if (e instanceof TransactionCanceledException tce) {
        g.writeFieldName("CancellationReasons");
        g.writeStartArray();
        for (CancellationReason r : tce.cancellationReasons()) {
          WireShapes.writeCancellationReason(g, r);
        }
        g.writeEndArray();
        g.writeStringField("Message", e.getMessage());
      } else {
        if (e instanceof ConditionalCheckFailedException ccf && ccf.item() != null) {
          g.writeFieldName("Item");
          ValueWriter.writeItem(g, ccf.item());
        }
        if (e.getMessage() != null) {
          g.writeStringField("message", e.getMessage());
        }
      }
      g.writeEndObject();
    });
  }

  /** Reads an error body (any {@code message} or {@code Message} member) received with {@code status}. */
  public static DynamoException readError(int status, byte[] body) {
    try (JsonParser p = DynamoJson.FACTORY.createParser(body)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return DynamoErrors.fromWire(null, new String(body, java.nio.charset.StandardCharsets.UTF_8), status);
      }
      String type = null;
      String message = null;
      Item item = null;
      List<CancellationReason> reasons = null;
      WirePath path = new WirePath();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        p.nextToken();
        switch (field) {
          case "__type":
            type = WireValues.readString(p);
            break;
          case "message":
          case "Message":
            message = WireValues.readString(p);
            break;
          case "Item":
            item = WireValues.readItem(p);
            break;
          case "CancellationReasons":
            reasons = WireValues.readList(p, path, () -> WireShapes.readCancellationReason(p, path));
            break;
          default:
            p.skipChildren();
        }
      }
      if (type != null && type.endsWith("#TransactionCanceledException")) {
        return new TransactionCanceledException(message, reasons == null ? List.of() : new ArrayList<>(reasons));
      }
      if (type != null && type.endsWith("#ConditionalCheckFailedException")) {
        return new ConditionalCheckFailedException(message, item);
      }
      return DynamoErrors.fromWire(type, message, status);
    } catch (IOException | DynamoException e) {
      return DynamoErrors.fromWire(null, "unreadable error body", status);
    }
  }

  private static Object read(Operation op, byte[] body, boolean request) {
    if (body.length == 0) {
      body = "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
    try (JsonParser p = DynamoJson.FACTORY.createParser(body)) {
      JsonToken t = p.nextToken();
      if (t == null) {
        p.close();
        return read(op, new byte[0], request);
      }
      WirePath path = new WirePath();
      Object value = request ? WireShapes.readRequest(op, p, path) : WireShapes.readResponse(op, p, path);
      if (value == null) {
        throw new SerializationException("Expected a JSON object for " + op.wireName());
      }
      if (p.nextToken() != null) {
        throw new SerializationException("Unexpected content after the JSON object");
      }
      return value;
    } catch (StreamConstraintsException e) {
      throw new SerializationException(e.getOriginalMessage());
    } catch (JsonProcessingException e) {
      throw new SerializationException(parserMessage(e));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The parser's complaint without Jackson's source and location details. */
  private static String parserMessage(JsonProcessingException e) {
    String m = e.getOriginalMessage();
    int cut = m.indexOf(" (start marker");
    if (cut < 0) {
      cut = m.indexOf("\n");
    }
    return cut < 0 ? m : m.substring(0, cut);
  }

  private interface Body {
    void write(JsonGenerator g) throws IOException;
  }

  private static byte[] write(Body body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    try (JsonGenerator g = DynamoJson.FACTORY.createGenerator(out)) {
      body.write(g);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
