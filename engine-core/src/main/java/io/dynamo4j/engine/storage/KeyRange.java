package io.dynamo4j.engine.storage;

import java.util.Arrays;

/**
 * A range of byte-string keys with optional, inclusive or exclusive bounds. Bounds compare as
 * unsigned bytes.
 *
 * <p>Immutable and thread-safe (callers must not modify the arrays after construction).
 *
 * @param from the lower bound, or null for unbounded
 * @param fromInclusive whether {@code from} itself is in the range
 * @param to the upper bound, or null for unbounded
 * @param toInclusive whether {@code to} itself is in the range
 */
public record KeyRange(byte[] from, boolean fromInclusive, byte[] to, boolean toInclusive) {

  private static final KeyRange ALL = new KeyRange(null, true, null, true);

  /** Every key. */
  public static KeyRange all() {
    return ALL;
  }

  /** Keys {@code >= from} and {@code < to}; either may be null. */
  public static KeyRange halfOpen(byte[] from, byte[] to) {
    return new KeyRange(from, true, to, false);
  }

  /** Whether {@code key} lies in this range. */
  public boolean contains(byte[] key) {
    if (from != null) {
      int c = Arrays.compareUnsigned(key, from);
      if (c < 0 || (c == 0 && !fromInclusive)) {
        return false;
      }
    }
    if (to != null) {
      int c = Arrays.compareUnsigned(key, to);
      if (c > 0 || (c == 0 && !toInclusive)) {
        return false;
      }
    }
    return true;
  }

  /** Whether no key can lie in this range. */
  public boolean isEmpty() {
    if (from == null || to == null) {
      return false;
    }
    int c = Arrays.compareUnsigned(from, to);
    return c > 0 || (c == 0 && !(fromInclusive && toInclusive));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof KeyRange r && fromInclusive == r.fromInclusive && toInclusive == r.toInclusive
        && Arrays.equals(from, r.from) && Arrays.equals(to, r.to);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(from) + Arrays.hashCode(to) + (fromInclusive ? 1 : 0) + (toInclusive ? 2 : 0);
  }

  @Override
  public String toString() {
    return (fromInclusive ? "[" : "(") + hex(from) + ", " + hex(to) + (toInclusive ? "]" : ")");
  }

  private static String hex(byte[] b) {
    if (b == null) {
      return "*";
    }
    StringBuilder sb = new StringBuilder();
    for (byte x : b) {
      sb.append(String.format("%02x", x));
    }
    return sb.toString();
  }
}
