package io.dynamo4j.engine.disk;

import io.dynamo4j.model.AttributeValue;
import io.dynamo4j.model.Bytes;
import io.dynamo4j.model.Item;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The binary form of items on disk (store values, journal records, backups).
 *
 * <h2>Format (version 1)</h2>
 *
 * <pre>
 * item   := varint(count) (string(name) value)*
 * value  := tag payload
 *   S  1 string        N  2 number        B  3 bytes         BOOL 4 byte(0|1)   NULL 5
 *   M  6 item          L  7 varint(n) value*                  SS 8 varint(n) string*
 *   NS 9 varint(n) number*                BS 10 varint(n) bytes*
 * string := varint(length) utf8          bytes := varint(length) raw
 * number := varint(scale zigzag) varint(length) unscaled-two's-complement
 * </pre>
 *
 * <p>Values decode into the same immutable records the engine builds (sets keep their stored
 * order, which is the order they were validated in). Stateless and thread-safe.
 */
final class ItemCodec {

  private ItemCodec() {}

  /** Appends {@code item} to {@code out}. */
  static void write(Buf out, Item item) {
    int n = item.size();
    out.varint(n);
    for (int i = 0; i < n; i++) {
      out.string(item.nameAt(i));
      value(out, item.valueAt(i));
    }
  }

  /** {@code item} alone, as bytes. */
  static byte[] encode(Item item) {
    Buf b = new Buf(64 + item.sizeInBytes());
    write(b, item);
    return b.toByteArray();
  }

  /** The item encoded at {@code in}'s position. */
  static Item read(Buf in) {
    int n = in.varint();
    Item.Builder b = Item.builder(n);
    for (int i = 0; i < n; i++) {
      String name = in.string();
      b.put(name, readValue(in));
    }
    return b.build();
  }

  /** Decodes an item encoded by {@link #encode}. */
  static Item decode(byte[] bytes) {
    return read(new Buf(bytes));
  }

  private static void value(Buf out, AttributeValue v) {
    if (v instanceof AttributeValue.S s) {
      out.u8(1);
      out.string(s.value());
    } else if (v instanceof AttributeValue.N num) {
      out.u8(2);
      number(out, num.value());
    } else if (v instanceof AttributeValue.B b) {
      out.u8(3);
      out.bytes(b.value().toByteArray());
    } else if (v instanceof AttributeValue.Bool b) {
      out.u8(4);
      out.u8(b.value() ? 1 : 0);
    } else if (v instanceof AttributeValue.Null) {
      out.u8(5);
    } else if (v instanceof AttributeValue.M m) {
      out.u8(6);
      write(out, m.value());
    } else if (v instanceof AttributeValue.L l) {
      out.u8(7);
      out.varint(l.value().size());
      for (AttributeValue e : l.value()) {
        value(out, e);
      }
    } else if (v instanceof AttributeValue.SS ss) {
      out.u8(8);
      out.varint(ss.value().size());
      for (String s : ss.value()) {
        out.string(s);
      }
    } else if (v instanceof AttributeValue.NS ns) {
      out.u8(9);
      out.varint(ns.value().size());
      for (BigDecimal d : ns.value()) {
        number(out, d);
      }
    } else {
      AttributeValue.BS bs = (AttributeValue.BS) v;
      out.u8(10);
      out.varint(bs.value().size());
      for (Bytes b : bs.value()) {
        out.bytes(b.toByteArray());
      }
    }
  }

  private static AttributeValue readValue(Buf in) {
    int tag = in.u8();
    switch (tag) {
      case 1:
        return new AttributeValue.S(in.string());
      case 2:
        return new AttributeValue.N(readNumber(in));
      case 3:
        return new AttributeValue.B(Bytes.of(in.bytes()));
      case 4:
        return AttributeValue.bool(in.u8() != 0);
      case 5:
        return AttributeValue.nul();
      case 6:
        return new AttributeValue.M(read(in));
      case 7: {
        int n = in.varint();
        List<AttributeValue> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
          list.add(readValue(in));
        }
        return new AttributeValue.L(list);
      }
      case 8: {
        int n = in.varint();
        List<String> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
          list.add(in.string());
        }
        return new AttributeValue.SS(list);
      }
      case 9: {
        int n = in.varint();
        List<BigDecimal> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
          list.add(readNumber(in));
        }
        return new AttributeValue.NS(list);
      }
      case 10: {
        int n = in.varint();
        List<Bytes> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
          list.add(Bytes.of(in.bytes()));
        }
        return new AttributeValue.BS(list);
      }
      default:
        throw new IllegalStateException("engine-disk: unknown value tag " + tag + " at byte " + (in.position() - 1)
            + "; the data was written by a newer release or is corrupt");
    }
  }

  private static void number(Buf out, BigDecimal d) {
    int scale = d.scale();
    out.varint((scale << 1) ^ (scale >> 31));
    out.bytes(d.unscaledValue().toByteArray());
  }

  private static BigDecimal readNumber(Buf in) {
    int z = in.varint();
    int scale = (z >>> 1) ^ -(z & 1);
    return new BigDecimal(new BigInteger(in.bytes()), scale);
  }

  /** A growable byte buffer with a read position: the codec's input and output. Not thread-safe. */
  static final class Buf {
    private byte[] a;
    private int pos;
    private int limit;

    Buf(int capacity) {
      a = new byte[Math.max(16, capacity)];
    }

    Buf(byte[] bytes) {
      this(bytes, 0, bytes.length);
    }

    Buf(byte[] bytes, int offset, int length) {
      a = bytes;
      pos = offset;
      limit = offset + length;
    }

    int position() {
      return pos;
    }

    boolean hasRemaining() {
      return pos < limit;
    }

    byte[] toByteArray() {
      return java.util.Arrays.copyOf(a, pos);
    }

    private void ensure(int n) {
      if (pos + n > a.length) {
        a = java.util.Arrays.copyOf(a, Math.max(a.length * 2, pos + n));
      }
    }

    void u8(int v) {
      ensure(1);
      a[pos++] = (byte) v;
    }

    int u8() {
      check(1);
      return a[pos++] & 0xff;
    }

    void varint(int v) {
      varlong(v & 0xffffffffL);
    }

    int varint() {
      return (int) varlong();
    }

    void varlong(long v) {
      ensure(10);
      while ((v & ~0x7fL) != 0) {
        a[pos++] = (byte) ((v & 0x7f) | 0x80);
        v >>>= 7;
      }
      a[pos++] = (byte) v;
    }

    long varlong() {
      long v = 0;
      for (int shift = 0; shift < 64; shift += 7) {
        int b = u8();
        v |= (long) (b & 0x7f) << shift;
        if ((b & 0x80) == 0) {
          return v;
        }
      }
      throw new IllegalStateException("engine-disk: malformed varint at byte " + pos);
    }

    void i64(long v) {
      ensure(8);
      for (int i = 7; i >= 0; i--) {
        a[pos++] = (byte) (v >>> (i * 8));
      }
    }

    long i64() {
      check(8);
      long v = 0;
      for (int i = 0; i < 8; i++) {
        v = (v << 8) | (a[pos++] & 0xff);
      }
      return v;
    }

    void bytes(byte[] b) {
      varint(b.length);
      ensure(b.length);
      System.arraycopy(b, 0, a, pos, b.length);
      pos += b.length;
    }

    byte[] bytes() {
      int n = varint();
      check(n);
      byte[] b = java.util.Arrays.copyOfRange(a, pos, pos + n);
      pos += n;
      return b;
    }

    void string(String s) {
      bytes(s.getBytes(StandardCharsets.UTF_8));
    }

    String string() {
      int n = varint();
      check(n);
      String s = new String(a, pos, n, StandardCharsets.UTF_8);
      pos += n;
      return s;
    }

    /** Writes a nullable string (a presence byte first). */
    void optString(String s) {
      u8(s == null ? 0 : 1);
      if (s != null) {
        string(s);
      }
    }

    String optString() {
      return u8() == 0 ? null : string();
    }

    private void check(int n) {
      if (n < 0 || pos + n > limit) {
        throw new IllegalStateException("engine-disk: record truncated at byte " + pos);
      }
    }
  }
}
