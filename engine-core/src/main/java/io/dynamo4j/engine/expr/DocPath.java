package io.dynamo4j.engine.expr;

import io.dynamo4j.model.AttributeValue;
import io.dynamo4j.model.Item;
import java.util.Arrays;
import java.util.List;

/**
 * A resolved document path: top-level attribute name, then map keys and list indexes, with every
 * {@code #name} placeholder substituted. It reads a value out of an item without allocating.
 *
 * <p>It prints as DynamoDB prints paths in messages: {@code [a, [1], b]} (a map key that looks like
 * an index prints the same as the index, as in DynamoDB).
 *
 * <p>Immutable and thread-safe.
 */
final class DocPath {

  /** The map key at each step, or null where the step is a list index. */
  private final String[] names;
  /** The list index at each step where {@link #names} is null. */
  private final int[] indexes;

  private DocPath(String[] names, int[] indexes) {
    this.names = names;
    this.indexes = indexes;
  }

  /** A path from its steps: each a {@link String} map key or an {@link Integer} list index. */
  static DocPath of(List<?> steps) {
    String[] names = new String[steps.size()];
    int[] indexes = new int[steps.size()];
    for (int i = 0; i < names.length; i++) {
      Object step = steps.get(i);
      if (step instanceof Integer index) {
        indexes[i] = index;
      } else {
        names[i] = (String) step;
      }
    }
    return new DocPath(names, indexes);
  }

  /** A path of one top-level attribute. */
  static DocPath attribute(String name) {
    return new DocPath(new String[] {name}, new int[1]);
  }

  int size() {
    return names.length;
  }

  boolean isIndex(int step) {
    return names[step] == null;
  }

  String name(int step) {
    return names[step];
  }

  int index(int step) {
    return indexes[step];
  }

  /** The top-level attribute name. */
  String top() {
    return names[0];
  }

  /** The step as a key: a {@link String} or an {@link Integer}. */
  Object key(int step) {
    return names[step] != null ? names[step] : Integer.valueOf(indexes[step]);
  }

  /** The value at this path in {@code item}, or null if any step is missing or of the wrong type. */
  AttributeValue get(Item item) {
    if (item == null) {
      return null;
    }
    AttributeValue value = item.get(names[0]);
    for (int i = 1; i < names.length && value != null; i++) {
      value = step(value, i);
    }
    return value;
  }

  /** The value one step below {@code value}, or null. */
  AttributeValue step(AttributeValue value, int step) {
    if (names[step] == null) {
      if (value instanceof AttributeValue.L list) {
        int index = indexes[step];
        List<AttributeValue> elements = list.value();
        return index < elements.size() ? elements.get(index) : null;
      }
      return null;
    }
    return value instanceof AttributeValue.M map ? map.value().get(names[step]) : null;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DocPath other && Arrays.equals(names, other.names) && Arrays.equals(indexes, other.indexes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(names) * 31 + Arrays.hashCode(indexes);
  }

  /** DynamoDB's rendering: {@code [a, [1], b]}. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < names.length; i++) {
      if (i > 0) {
        sb.append(", ");
      }
      if (names[i] == null) {
        sb.append('[').append(indexes[i]).append(']');
      } else {
        sb.append(names[i]);
      }
    }
    return sb.append(']').toString();
  }
}
