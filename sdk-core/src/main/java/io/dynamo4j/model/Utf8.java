package io.dynamo4j.model;

/**
 * UTF-8 length and order of Java strings without encoding them. DynamoDB measures strings in UTF-8
 * bytes and orders them by those bytes, which is Unicode code point order; Java's
 * {@link String#compareTo} orders by UTF-16 units, which differs for characters above U+FFFF.
 *
 * <p>Stateless and thread-safe.
 */
public final class Utf8 {

  private Utf8() {}

  /** The number of bytes of {@code s} in UTF-8; an unpaired surrogate counts as 3, like Java's encoder's replacement. */
  public static int length(String s) {
    int n = s.length();
    int bytes = n;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c >= 0x80) {
        if (c < 0x800) {
          bytes += 1;
        } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
          bytes += 2; // 4 bytes for 2 chars
          i++;
        } else {
          bytes += 2;
        }
      }
    }
    return bytes;
  }

  /** Compares by UTF-8 bytes (code point order), as DynamoDB orders strings. */
  public static int compare(String a, String b) {
    int n = Math.min(a.length(), b.length());
    for (int i = 0; i < n; i++) {
      char x = a.charAt(i);
      char y = b.charAt(i);
      if (x != y) {
        return fixup(x) - fixup(y);
      }
    }
    return a.length() - b.length();
  }

  /** Moves surrogates above the BMP characters U+E000..U+FFFF so UTF-16 units sort in code point order. */
  private static int fixup(char c) {
    if (c >= 0xD800) {
      return c >= 0xE000 ? c - 0x800 : c + 0x2000;
    }
    return c;
  }
}
