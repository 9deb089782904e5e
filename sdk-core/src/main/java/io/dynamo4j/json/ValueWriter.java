package io.dynamo4j.json;

import com.fasterxml.jackson.core.JsonGenerator;
import io.dynamo4j.model.AttributeValue;
import io.dynamo4j.model.Bytes;
import io.dynamo4j.model.Item;
import java.io.IOException;
import java.math.BigDecimal;

/** Writes DynamoDB JSON values. Stateless and thread-safe. */
final class ValueWriter {

  private ValueWriter() {}

  static void writeValue(JsonGenerator g, AttributeValue v) throws IOException {
    g.writeStartObject();
    switch (v.type()) {
      case S:
        g.writeStringField("S", ((AttributeValue.S) v).value());
        break;
      case N:
        g.writeStringField("N", ((AttributeValue.N) v).text());
        break;
      case B: {
        g.writeFieldName("B");
        writeBinary(g, ((AttributeValue.B) v).value());
        break;
      }
      case BOOL:
        g.writeBooleanField("BOOL", ((AttributeValue.Bool) v).value());
        break;
      case NULL:
        g.writeBooleanField("NULL", true);
        break;
      case M:
        g.writeFieldName("M");
        writeItem(g, ((AttributeValue.M) v).value());
        break;
      case L:
        g.writeArrayFieldStart("L");
        for (AttributeValue e : ((AttributeValue.L) v).value()) {
          writeValue(g, e);
        }
        g.writeEndArray();
        break;
      case SS:
        g.writeArrayFieldStart("SS");
        for (String s : ((AttributeValue.SS) v).value()) {
          g.writeString(s);
        }
        g.writeEndArray();
        break;
      case NS:
        g.writeArrayFieldStart("NS");
        for (BigDecimal d : ((AttributeValue.NS) v).value()) {
          g.writeString(d.toPlainString());
        }
        g.writeEndArray();
        break;
      case BS:
        g.writeArrayFieldStart("BS");
        for (Bytes b : ((AttributeValue.BS) v).value()) {
          writeBinary(g, b);
        }
        g.writeEndArray();
        break;
      default:
        throw new AssertionError(v.type());
    }
    g.writeEndObject();
  }

  static void writeItem(JsonGenerator g, Item item) throws IOException {
    g.writeStartObject();
    for (int i = 0, n = item.size(); i < n; i++) {
      g.writeFieldName(item.nameAt(i));
      writeValue(g, item.valueAt(i));
    }
    g.writeEndObject();
  }

  private static void writeBinary(JsonGenerator g, Bytes b) throws IOException {
    g.writeString(b.toBase64());
  }
}
