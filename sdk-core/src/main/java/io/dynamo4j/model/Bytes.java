package io.dynamo4j.model;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * An immutable sequence of bytes: the value of a DynamoDB binary ({@code B}) attribute and the
 * elements of a binary set ({@code BS}).
 *
 * <p>Bytes compare as DynamoDB compares binary values: byte by byte, unsigned, a shorter prefix
 * first. Equality and hash code are by content. Arrays passed in are copied and arrays handed out
 * are copies, so no caller can change a stored value.
 *
 * <p>Immutable and thread-safe.
 */
public final class Bytes implements Comparable<Bytes> {

  private static final Bytes EMPTY = new Bytes(new byte[0]);

  private final byte[] bytes;
  private int hash;

  private Bytes(byte[] owned) {
    this.bytes = owned;
  }

  /** The empty byte sequence. */
  public static Bytes empty() {
    return EMPTY;
  }

  /** A copy of {@code bytes}. */
  public static Bytes of(byte[] bytes) {
    return bytes.length == 0 ? EMPTY : new Bytes(bytes.clone());
  }

  /** A copy of {@code length} bytes of {@code bytes} from {@code offset}. */
  public static Bytes of(byte[] bytes, int offset, int length) {
    return length == 0 ? EMPTY : new Bytes(Arrays.copyOfRange(bytes, offset, offset + length));
  }

  /** A copy of the remaining bytes of {@code buffer}; the buffer's position is not changed. */
  public static Bytes of(ByteBuffer buffer) {
    byte[] copy = new byte[buffer.remaining()];
    buffer.duplicate().get(copy);
    return copy.length == 0 ? EMPTY : new Bytes(copy);
  }

  /** The UTF-8 encoding of {@code text}. */
  public static Bytes utf8(String text) {
    return wrap(text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Decodes standard base64 (RFC 4648, with padding), the form DynamoDB JSON uses for binary.
   *
   * @throws IllegalArgumentException if {@code base64} is not valid base64
   */
  public static Bytes fromBase64(String base64) {
    return wrap(Base64.getDecoder().decode(base64));
  }

  /** Takes ownership of {@code owned}: the caller must not change it afterwards. */
  static Bytes wrap(byte[] owned) {
    return owned.length == 0 ? EMPTY : new Bytes(owned);
  }

  /** The number of bytes. */
  public int length() {
    return bytes.length;
  }

  /** The byte at {@code index}, as a signed Java byte. */
  public byte byteAt(int index) {
    return bytes[index];
  }

  /** A fresh copy of the bytes. */
  public byte[] toByteArray() {
    return bytes.clone();
  }

  /** A read-only view of the bytes. */
  public ByteBuffer asReadOnlyByteBuffer() {
    return ByteBuffer.wrap(bytes).asReadOnlyBuffer();
  }

  /** An input stream over the bytes. */
  public InputStream asInputStream() {
    return new ByteArrayInputStream(bytes);
  }

  /** Copies the bytes into {@code target} at {@code offset}. */
  public void copyTo(byte[] target, int offset) {
    System.arraycopy(bytes, 0, target, offset, bytes.length);
  }

  /** The bytes decoded as UTF-8. */
  public String asUtf8String() {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /** Standard base64 with padding, as DynamoDB JSON writes binary. */
  public String toBase64() {
    return Base64.getEncoder().encodeToString(bytes);
  }

  /** Whether these bytes start with {@code prefix}. */
  public boolean startsWith(Bytes prefix) {
    return prefix.bytes.length <= bytes.length
        && Arrays.equals(bytes, 0, prefix.bytes.length, prefix.bytes, 0, prefix.bytes.length);
  }

  /** Whether {@code other} occurs in these bytes as a contiguous subsequence. */
  public boolean contains(Bytes other) {
    byte[] needle = other.bytes;
    if (needle.length == 0) {
      return true;
    }
    outer:
    for (int i = 0, last = bytes.length - needle.length; i <= last; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (bytes[i + j] != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }

  /** Unsigned lexicographic order, as DynamoDB orders binary values. */
  @Override
  public int compareTo(Bytes other) {
    return Arrays.compareUnsigned(bytes, other.bytes);
  }

  @Override
  public boolean equals(Object o) {
    return o == this || (o instanceof Bytes b && Arrays.equals(bytes, b.bytes));
  }

  @Override
  public int hashCode() {
    int h = hash;
    if (h == 0 && bytes.length > 0) {
      h = Arrays.hashCode(bytes);
      hash = h;
    }
    return h;
  }

  /** The base64 form, which is how DynamoDB shows binary values. */
  @Override
  public String toString() {
    return toBase64();
  }
}
