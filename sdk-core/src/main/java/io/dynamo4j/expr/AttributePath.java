package io.dynamo4j.expr;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A document path: a top-level attribute name followed by any number of map keys and list
 * indexes, such as {@code order.lines[0].sku}.
 *
 * <pre>{@code
 * AttributePath sku = AttributePath.of("order").field("lines").index(0).field("sku");
 * AttributePath same = AttributePath.parse("order.lines[0].sku");
 * }</pre>
 *
 * <p>Every name in a path is a literal attribute name. It is always rendered as an expression
 * attribute name ({@code #n0}), so reserved words ({@code status}, {@code name}), spaces, dots and
 * any other characters never need escaping: {@code AttributePath.of("a.b")} is the one top-level attribute
 * called {@code a.b}, while {@code AttributePath.parse("a.b")} is the key {@code b} inside the map {@code a}.
 *
 * <p>A path is an {@link Operand} of a condition and a {@link SetValue} of an update. Equality is by
 * elements. (Named {@code AttributePath} rather than {@code Path} so that it never clashes with
 * {@code java.nio.file.Path}, which programs that open a disk engine import too.) Immutable and
 * thread-safe.
 */
public final class AttributePath implements Operand, SetValue {

  /** Names are {@link String}s, list indexes are {@link Integer}s; the first element is a name. */
  private final Object[] elements;

  private AttributePath(Object[] elements) {
    this.elements = elements;
  }

  /**
   * The top-level attribute {@code attributeName}, taken literally.
   *
   * @throws IllegalArgumentException if the name is null or empty
   */
  public static AttributePath of(String attributeName) {
    return new AttributePath(new Object[] {checkName(attributeName)});
  }

  /**
   * Parses a dotted path with list indexes, such as {@code "a.b[0][2].c"}. Each dotted segment is
   * a literal attribute name (no {@code #} or {@code :} placeholders, no quoting), followed by
   * zero or more indexes in brackets. For names that contain {@code .}, {@code [} or {@code ]},
   * build the path with {@link #of} and {@link #field} instead.
   *
   * @throws IllegalArgumentException if the text is empty, has an empty segment, or has a
   *     malformed index; the message gives the position
   */
  public static AttributePath parse(String path) {
    Require.nonNull(path, "path");
    List<Object> parts = new ArrayList<>();
    int i = 0;
    int n = path.length();
    while (true) {
      int start = i;
      while (i < n && path.charAt(i) != '.' && path.charAt(i) != '[' && path.charAt(i) != ']') {
        i++;
      }
      if (i == start) {
        throw parseError(path, start, "an attribute name");
      }
      parts.add(path.substring(start, i));
      while (i < n && path.charAt(i) == '[') {
        int digits = ++i;
        while (i < n && path.charAt(i) >= '0' && path.charAt(i) <= '9') {
          i++;
        }
        if (i == digits || i >= n || path.charAt(i) != ']') {
          throw parseError(path, i == digits ? digits : i, "a list index (digits) closed by ']'");
        }
        String index = path.substring(digits, i);
        i++;
        try {
          parts.add(Integer.parseInt(index));
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException(
              "AttributePath \"" + path + "\": list index " + index + " at position " + digits + " is too large");
        }
      }
      if (i == n) {
        return new AttributePath(parts.toArray());
      }
      if (path.charAt(i) != '.') {
        throw parseError(path, i, "'.', '[' or the end");
      }
      i++;
    }
  }

  private static IllegalArgumentException parseError(String path, int position, String expected) {
    return new IllegalArgumentException(
        "AttributePath \"" + path + "\": expected " + expected + " at position " + position
            + "; names containing '.', '[' or ']' need AttributePath.of(...).field(...)");
  }

  /**
   * The key {@code name} inside the map at this path, taken literally.
   *
   * @throws IllegalArgumentException if the name is null or empty
   */
  public AttributePath field(String name) {
    return append(checkName(name));
  }

  /**
   * The element at {@code index} of the list at this path.
   *
   * @throws IllegalArgumentException if the index is negative
   */
  public AttributePath index(int index) {
    if (index < 0) {
      throw new IllegalArgumentException("list index must be 0 or more; got " + index + " after " + this);
    }
    return append(index);
  }

  private AttributePath append(Object element) {
    Object[] copy = new Object[elements.length + 1];
    System.arraycopy(elements, 0, copy, 0, elements.length);
    copy[elements.length] = element;
    return new AttributePath(copy);
  }

  private static String checkName(String name) {
    Require.nonNull(name, "attribute name");
    if (name.isEmpty()) {
      throw new IllegalArgumentException("attribute name must not be empty");
    }
    return name;
  }

  /** Whether {@code prefix} is this path or an ancestor of it (so the two paths overlap). */
  boolean startsWith(AttributePath prefix) {
    if (prefix.elements.length > elements.length) {
      return false;
    }
    for (int i = 0; i < prefix.elements.length; i++) {
      if (!prefix.elements[i].equals(elements[i])) {
        return false;
      }
    }
    return true;
  }

  /** Renders the path with every name replaced by its placeholder. */
  void render(StringBuilder out, Placeholders placeholders) {
    for (int i = 0; i < elements.length; i++) {
      Object e = elements[i];
      if (e instanceof String name) {
        if (i > 0) {
          out.append('.');
        }
        out.append(placeholders.name(name));
      } else {
        out.append('[').append(e).append(']');
      }
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AttributePath other && Arrays.equals(elements, other.elements);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(elements);
  }

  /**
   * The path in {@link #parse} form, such as {@code a.b[0]}. For display: a name that contains
   * {@code .}, {@code [} or {@code ]} is shown as it is, so the text may not parse back.
   */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    render(sb, Placeholders.literal());
    return sb.toString();
  }
}
