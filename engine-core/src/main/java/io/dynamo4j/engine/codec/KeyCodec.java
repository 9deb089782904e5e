package io.dynamo4j.engine.codec;

import io.dynamo4j.model.AttributeValue;
import io.dynamo4j.model.Bytes;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The byte encodings behind every storage key.
 *
 * <h2>Design</h2>
 *
 * A storage key is {@code hash(8) | partition components | sort components [| table key
 * components]}. The first eight bytes are a 64-bit hash of the encoded partition components, so a
 * table's items spread evenly over the hash space and a scan walks it in hash order, as DynamoDB's
 * does; parallel-scan segment i of N is the i-th slice of that space. The items of one partition key
 * follow each other, sorted by their sort components. Index keys append the table's primary key, so
 * entries with equal index keys sort by table key and every entry is unique.
 *
 * <p>Every component is <em>self-delimiting</em> and <em>order-preserving</em>: comparing two keys
 * byte by byte, unsigned, orders them as DynamoDB orders the values, component after component.
 *
 * <ul>
 *   <li>S (as UTF-8) and B: the bytes, each {@code 0x00} escaped as {@code 0x00 0xFF}, then the
 *       terminator {@code 0x00 0x00}. A prefix of an encoding (without its terminator) is a byte
 *       prefix of every encoding that begins with it, so {@code begins_with} is a byte range.
 *   <li>N: {@code 0x80} for zero. Otherwise a sign byte ({@code 0x81} positive, {@code 0x7F}
 *       negative), the adjusted decimal exponent (-130..125) as a big-endian short offset by 0x8000,
 *       the significand's digits as base-100 pairs (leading digit first, one byte {@code pair + 2}
 *       each) and the terminator {@code 0x01}. For negative numbers every byte after the sign is
 *       inverted, which reverses their order. Equal numbers have equal encodings (1 and 1.0 alike).
 * </ul>
 *
 * <p>Stateless and thread-safe.
 */
public final class KeyCodec {

  /** Length of the partition hash prefix. */
  public static final int HASH_LENGTH = 8;

  private static final byte ZERO = (byte) 0x80;
  private static final byte POSITIVE = (byte) 0x81;
  private static final byte NEGATIVE = (byte) 0x7F;

  private KeyCodec() {}

  /** Appends the self-delimiting, order-preserving encoding of a key value (S, N or B). */
  public static void encode(AttributeValue value, ByteSink out) {
    switch (value.type()) {
      case S:
        encodeBytes(((AttributeValue.S) value).value().getBytes(StandardCharsets.UTF_8), out, true);
        break;
      case B:
        encodeBytes(((AttributeValue.B) value).value().toByteArray(), out, true);
        break;
      case N:
        encodeNumber(((AttributeValue.N) value).value(), out);
        break;
      default:
        throw new IllegalArgumentException("not a key type: " + value.type());
    }
  }

  /**
   * Appends the encoding of a string or binary <em>prefix</em>: escaped, without terminator. Every
   * encoded value that begins with the prefix has these bytes as a byte prefix.
   */
  public static void encodePrefix(AttributeValue prefix, ByteSink out) {
    switch (prefix.type()) {
      case S:
        encodeBytes(((AttributeValue.S) prefix).value().getBytes(StandardCharsets.UTF_8), out, false);
        break;
      case B:
        encodeBytes(((AttributeValue.B) prefix).value().toByteArray(), out, false);
        break;
      default:
        throw new IllegalArgumentException("begins_with prefix must be S or B: " + prefix.type());
    }
  }

  private static void encodeBytes(byte[] bytes, ByteSink out, boolean terminate) {
    for (byte b : bytes) {
      out.put(b);
      if (b == 0) {
        out.put((byte) 0xFF);
      }
    }
    if (terminate) {
      out.put((byte) 0);
      out.put((byte) 0);
    }
  }

  private static void encodeNumber(BigDecimal d, ByteSink out) {
    int signum = d.signum();
    if (signum == 0) {
      out.put(ZERO);
      return;
    }
    BigDecimal stripped = d.stripTrailingZeros();
    String digits = digits(stripped);
    int exponent = stripped.precision() - stripped.scale() - 1;
    int mask = signum < 0 ? 0xFF : 0;
    out.put(signum < 0 ? NEGATIVE : POSITIVE);
    int e = exponent + 0x8000;
    out.put((byte) (((e >>> 8) & 0xFF) ^ mask));
    out.put((byte) ((e & 0xFF) ^ mask));
    for (int i = 0; i < digits.length(); i += 2) {
      int hi = digits.charAt(i) - '0';
      int lo = i + 1 < digits.length() ? digits.charAt(i + 1) - '0' : 0;
      out.put((byte) ((hi * 10 + lo + 2) ^ mask));
    }
    out.put((byte) (0x01 ^ mask));
  }

  /** The decimal digits of the unscaled value, without sign; avoids BigInteger for small values. */
  private static String digits(BigDecimal stripped) {
    if (stripped.precision() <= 18) {
      return Long.toString(Math.abs(stripped.unscaledValue().longValue()));
    }
    return stripped.unscaledValue().abs().toString();
  }

  /**
   * DynamoDB's partition placement hash of already encoded partition components: 64 well-mixed
   * bits (FNV-1a over the bytes, then a 64-bit finaliser), compared unsigned.
   */
  public static long hash(byte[] bytes, int offset, int length) {
    long h = 0xcbf29ce484222325L;
    for (int i = offset, end = offset + length; i < end; i++) {
      h ^= bytes[i] & 0xFF;
      h *= 0x100000001b3L;
    }
    // finaliser (the mixing step of SplitMix64) so that nearby keys land far apart
    h ^= h >>> 30;
    h *= 0xbf58476d1ce4e5b9L;
    h ^= h >>> 27;
    h *= 0x94d049bb133111ebL;
    h ^= h >>> 31;
    return h;
  }

  /** Writes {@code hash} big-endian into the first eight bytes of {@code key}. */
  public static void putHash(byte[] key, long hash) {
    for (int i = 0; i < HASH_LENGTH; i++) {
      key[i] = (byte) (hash >>> (56 - 8 * i));
    }
  }

  /** Reads the big-endian hash from the first eight bytes of {@code key}. */
  public static long getHash(byte[] key) {
    long h = 0;
    for (int i = 0; i < HASH_LENGTH; i++) {
      h = (h << 8) | (key[i] & 0xFF);
    }
    return h;
  }

  /** The eight-byte key prefix of {@code hash}: the smallest storage key with that hash. */
  public static byte[] hashPrefix(long hash) {
    byte[] key = new byte[HASH_LENGTH];
    putHash(key, hash);
    return key;
  }

  /**
   * The smallest byte string greater than every string with {@code prefix} as prefix, or null if
   * there is none (the prefix is all {@code 0xFF}).
   */
  public static byte[] prefixEnd(byte[] prefix) {
    byte[] end = Arrays.copyOf(prefix, prefix.length);
    for (int i = end.length - 1; i >= 0; i--) {
      if (end[i] != (byte) 0xFF) {
        end[i]++;
        return Arrays.copyOf(end, i + 1);
      }
    }
    return null;
  }

  /** Decodes a string component starting at {@code offset}; returns the value and its end via {@code end[0]}. */
  public static String decodeString(byte[] key, int offset, int[] end) {
    return new String(decodeRaw(key, offset, end), StandardCharsets.UTF_8);
  }

  /** Decodes a binary component starting at {@code offset}; returns the value and its end via {@code end[0]}. */
  public static Bytes decodeBinary(byte[] key, int offset, int[] end) {
    return Bytes.of(decodeRaw(key, offset, end));
  }

  private static byte[] decodeRaw(byte[] key, int offset, int[] end) {
    ByteSink raw = new ByteSink(16);
    int i = offset;
    while (true) {
      byte b = key[i++];
      if (b == 0) {
        byte next = key[i++];
        if (next == 0) {
          break;
        }
        raw.put((byte) 0);
      } else {
        raw.put(b);
      }
    }
    end[0] = i;
    return raw.toByteArray();
  }

  /** Decodes a number component starting at {@code offset}; returns the value and its end via {@code end[0]}. */
  public static BigDecimal decodeNumber(byte[] key, int offset, int[] end) {
    byte sign = key[offset];
    if (sign == ZERO) {
      end[0] = offset + 1;
      return BigDecimal.ZERO;
    }
    int mask = sign == NEGATIVE ? 0xFF : 0;
    int e = (((key[offset + 1] & 0xFF) ^ mask) << 8) | ((key[offset + 2] & 0xFF) ^ mask);
    int exponent = e - 0x8000;
    StringBuilder digits = new StringBuilder(40);
    int i = offset + 3;
    while (true) {
      int b = (key[i++] & 0xFF) ^ mask;
      if (b == 0x01) {
        break;
      }
      int pair = b - 2;
      digits.append((char) ('0' + pair / 10)).append((char) ('0' + pair % 10));
    }
    end[0] = i;
    BigDecimal unscaled = new BigDecimal(new java.math.BigInteger(digits.toString()));
    // digits represent d0.d1d2... * 10^exponent
    BigDecimal value = unscaled.scaleByPowerOfTen(exponent - (digits.length() - 1));
    return sign == NEGATIVE ? value.negate() : value;
  }
}
