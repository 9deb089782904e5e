package io.dynamo4j.model;

import io.dynamo4j.error.ValidationException;
import java.math.BigDecimal;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * An immutable map of attribute names to {@link AttributeValue}s: a DynamoDB item, a key, or the
 * contents of a map ({@code M}) value.
 *
 * <p>An item keeps its attributes in the order they were given and stores them in two arrays, so
 * it costs far less memory than a {@code HashMap}; lookups scan small items and use a hash index
 * for large ones. Methods that would change the map throw {@link UnsupportedOperationException};
 * {@link #with} and {@link #without} return changed copies.
 *
 * <h2>Item size</h2>
 *
 * {@link #sizeInBytes()} is DynamoDB's item size, the figure behind the 400 KB item limit and
 * capacity units: for each attribute, the UTF-8 length of its name plus the size of its value:
 *
 * <ul>
 *   <li>S: UTF-8 bytes; B: raw bytes; BOOL and NULL: 1 byte;
 *   <li>N: 1 byte, plus 1 per pair of digits (pairs aligned at the decimal point, from the first
 *       non-zero pair to the last), plus 1 if negative;
 *   <li>SS, NS, BS: the sum of their elements' sizes;
 *   <li>L: 3 bytes, plus for each element 1 byte and the element's size;
 *   <li>M: 3 bytes, plus for each entry 1 byte, the UTF-8 length of its name and the value's size.
 * </ul>
 *
 * <p>A worked example: {@code {"id": S "a1", "qty": N "-12.5", "ok": BOOL true, "tags": SS ["x",
 * "yz"], "dims": M {"w": N "3"}}} is {@code (2+2) + (3+4) + (2+1) + (4+3) + (4+3+1+1+2) = 32}
 * bytes: {@code -12.5} is one byte plus the pairs {@code 12} and {@code 50} plus one for the sign.
 *
 * <p>Immutable and thread-safe.
 */
public final class Item extends AbstractMap<String, AttributeValue> {

  private static final Item EMPTY = new Item(new String[0], new AttributeValue[0]);
  /** Items up to this many attributes find names by scanning, which beats hashing at this size. */
  private static final int LINEAR_SCAN_MAX = 24;

  private final String[] names;
  private final AttributeValue[] values;
  /** Open-addressing index (slot -> position + 1) for items larger than {@link #LINEAR_SCAN_MAX}. */
  private final int[] index;
  private int sizeInBytes; // cached; 0 means not computed (or an empty item)
  private int hash; // cached; 0 means not computed

  private Item(String[] names, AttributeValue[] values) {
    this.names = names;
    this.values = values;
    this.index = names.length > LINEAR_SCAN_MAX ? buildIndex(names) : null;
  }

  // ---------------------------------------------------------------- factories

  /** The empty item. */
  public static Item empty() {
    return EMPTY;
  }

  /** An item with one attribute. */
  public static Item of(String name, AttributeValue value) {
    return builder(1).put(name, value).build();
  }

  /** An item with two attributes. */
  public static Item of(String n1, AttributeValue v1, String n2, AttributeValue v2) {
    return builder(2).put(n1, v1).put(n2, v2).build();
  }

  /** An item with three attributes. */
  public static Item of(String n1, AttributeValue v1, String n2, AttributeValue v2, String n3, AttributeValue v3) {
    return builder(3).put(n1, v1).put(n2, v2).put(n3, v3).build();
  }

  /** An item with four attributes. */
  public static Item of(
      String n1, AttributeValue v1, String n2, AttributeValue v2, String n3, AttributeValue v3, String n4,
      AttributeValue v4) {
    return builder(4).put(n1, v1).put(n2, v2).put(n3, v3).put(n4, v4).build();
  }

  /**
   * An item with the entries of {@code map}, in its iteration order; returns {@code map} itself if
   * it is already an item.
   *
   * @throws ValidationException if a name or value is null
   */
  public static Item copyOf(Map<String, ? extends AttributeValue> map) {
    if (map instanceof Item item) {
      return item;
    }
    if (map == null) {
      throw new ValidationException(Messages.EMPTY_ATTRIBUTE_VALUE);
    }
    Builder b = builder(map.size());
    for (Map.Entry<String, ? extends AttributeValue> e : map.entrySet()) {
      b.put(e.getKey(), e.getValue());
    }
    return b.build();
  }

  /** A builder for an item. */
  public static Builder builder() {
    return new Builder(8);
  }

  /** A builder for an item of about {@code expectedSize} attributes. */
  public static Builder builder(int expectedSize) {
    return new Builder(expectedSize);
  }

  /** A builder that starts with this item's attributes. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** A copy of this item with {@code name} set to {@code value} (replaced in place if present). */
  public Item with(String name, AttributeValue value) {
    return toBuilder().put(name, value).build();
  }

  /** A copy of this item without {@code name}; this item if it has no such attribute. */
  public Item without(String name) {
    int i = indexOf(name);
    if (i < 0) {
      return this;
    }
    String[] n = new String[names.length - 1];
    AttributeValue[] v = new AttributeValue[values.length - 1];
    System.arraycopy(names, 0, n, 0, i);
    System.arraycopy(names, i + 1, n, i, names.length - i - 1);
    System.arraycopy(values, 0, v, 0, i);
    System.arraycopy(values, i + 1, v, i, values.length - i - 1);
    return n.length == 0 ? EMPTY : new Item(n, v);
  }

  // ---------------------------------------------------------------- map

  @Override
  public int size() {
    return names.length;
  }

  @Override
  public boolean isEmpty() {
    return names.length == 0;
  }

  @Override
  public AttributeValue get(Object name) {
    if (!(name instanceof String s)) {
      return null;
    }
    int i = indexOf(s);
    return i < 0 ? null : values[i];
  }

  @Override
  public boolean containsKey(Object name) {
    return name instanceof String s && indexOf(s) >= 0;
  }

  @Override
  public void forEach(BiConsumer<? super String, ? super AttributeValue> action) {
    for (int i = 0; i < names.length; i++) {
      action.accept(names[i], values[i]);
    }
  }

  /** The attribute name at {@code position} (0 .. size-1), in insertion order. */
  public String nameAt(int position) {
    return names[position];
  }

  /** The attribute value at {@code position} (0 .. size-1), in insertion order. */
  public AttributeValue valueAt(int position) {
    return values[position];
  }

  @Override
  public Set<Map.Entry<String, AttributeValue>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public Iterator<Map.Entry<String, AttributeValue>> iterator() {
        return new Iterator<>() {
          int i;

          @Override
          public boolean hasNext() {
            return i < names.length;
          }

          @Override
          public Map.Entry<String, AttributeValue> next() {
            if (i >= names.length) {
              throw new NoSuchElementException();
            }
            Map.Entry<String, AttributeValue> e = new SimpleImmutableEntry<>(names[i], values[i]);
            i++;
            return e;
          }
        };
      }

      @Override
      public int size() {
        return names.length;
      }
    };
  }

  @Override
  public int hashCode() {
    int h = hash;
    if (h == 0) {
      for (int i = 0; i < names.length; i++) {
        h += names[i].hashCode() ^ values[i].hashCode();
      }
      hash = h;
    }
    return h;
  }

  @Override
  public boolean equals(Object o) {
    if (o == this) {
      return true;
    }
    if (o instanceof Item other) {
      if (other.names.length != names.length || (hash != 0 && other.hash != 0 && hash != other.hash)) {
        return false;
      }
      for (int i = 0; i < names.length; i++) {
        AttributeValue v = other.get(names[i]);
        if (!values[i].equals(v)) {
          return false;
        }
      }
      return true;
    }
    return super.equals(o);
  }

  // ---------------------------------------------------------------- typed access

  /** The string value of {@code name}, or null if absent or not a string. */
  public String getS(String name) {
    return get(name) instanceof AttributeValue.S s ? s.value() : null;
  }

  /** The number value of {@code name}, or null if absent or not a number. */
  public BigDecimal getN(String name) {
    return get(name) instanceof AttributeValue.N n ? n.value() : null;
  }

  /** The boolean value of {@code name}, or null if absent or not a boolean. */
  public Boolean getBool(String name) {
    return get(name) instanceof AttributeValue.Bool b ? b.value() : null;
  }

  /** The map value of {@code name}, or null if absent or not a map. */
  public Item getM(String name) {
    return get(name) instanceof AttributeValue.M m ? m.value() : null;
  }

  // ---------------------------------------------------------------- size

  /** DynamoDB's size of this item in bytes; see the class documentation for the rule. */
  public int sizeInBytes() {
    int s = sizeInBytes;
    if (s == 0 && names.length > 0) {
      for (int i = 0; i < names.length; i++) {
        s += Utf8.length(names[i]) + values[i].sizeInBytes();
      }
      sizeInBytes = s;
    }
    return s;
  }

  /** The size of this item's entries as the contents of a map value: each entry costs one more byte. */
  int elementsSizeInBytes() {
    return sizeInBytes() + names.length;
  }

  // ---------------------------------------------------------------- internals

  private int indexOf(String name) {
    if (index == null) {
      for (int i = 0; i < names.length; i++) {
        String n = names[i];
        if (n == name || n.equals(name)) {
          return i;
        }
      }
      return -1;
    }
    int mask = index.length - 1;
    for (int slot = spread(name.hashCode()) & mask; ; slot = (slot + 1) & mask) {
      int p = index[slot];
      if (p == 0) {
        return -1;
      }
      if (names[p - 1].equals(name)) {
        return p - 1;
      }
    }
  }

  private static int[] buildIndex(String[] names) {
    int capacity = Integer.highestOneBit(names.length * 2 - 1) << 1;
    int[] index = new int[capacity];
    int mask = capacity - 1;
    for (int i = 0; i < names.length; i++) {
      int slot = spread(names[i].hashCode()) & mask;
      while (index[slot] != 0) {
        slot = (slot + 1) & mask;
      }
      index[slot] = i + 1;
    }
    return index;
  }

  private static int spread(int h) {
    return h ^ (h >>> 16);
  }

  /**
   * Builds an {@link Item}. Putting a name twice keeps its first position and the last value.
   * Not thread-safe; use one builder per thread.
   */
  public static final class Builder {
    private String[] names;
    private AttributeValue[] values;
    private int size;
    private Map<String, Integer> positions; // only once the builder grows past a few entries
    /** The built item's size, kept up to date from a source item's size; -1 when not tracked. */
    private int knownSize = -1;

    private Builder(int expected) {
      int capacity = Math.max(expected, 1);
      names = new String[capacity];
      values = new AttributeValue[capacity];
    }

    /** Starts with {@code source}'s attributes, whose names are known to be distinct. */
    private Builder(Item source) {
      int n = source.names.length;
      names = Arrays.copyOf(source.names, n + 4);
      values = Arrays.copyOf(source.values, n + 4);
      size = n;
      // Track only a size already counted: counting here would cost a full pass nobody may need.
      knownSize = source.sizeInBytes != 0 || n == 0 ? source.sizeInBytes : -1;
    }

    /**
     * Sets {@code name} to {@code value}.
     *
     * @throws ValidationException if {@code name} or {@code value} is null
     */
    public Builder put(String name, AttributeValue value) {
      if (name == null || value == null) {
        throw new ValidationException(Messages.EMPTY_ATTRIBUTE_VALUE);
      }
      int existing = find(name);
      if (existing >= 0) {
        if (knownSize >= 0) {
          knownSize += value.sizeInBytes() - values[existing].sizeInBytes();
        }
        values[existing] = value;
        return this;
      }
      return append(name, value);
    }

    /**
     * Adds {@code name} with {@code value}, for callers that know the name is not in the builder
     * yet (an object mapper whose schema has distinct attribute names): no duplicate check, so
     * large items are assembled without a lookup per attribute. Putting a name that is already
     * there makes an invalid item; use {@link #put} when in doubt.
     *
     * @throws ValidationException if {@code name} or {@code value} is null
     */
    public Builder putNew(String name, AttributeValue value) {
      if (name == null || value == null) {
        throw new ValidationException(Messages.EMPTY_ATTRIBUTE_VALUE);
      }
      return append(name, value);
    }

    /** Adds a name known to be absent at the end. */
    private Builder append(String name, AttributeValue value) {
      if (size == names.length) {
        int capacity = Math.max(4, size * 2);
        names = Arrays.copyOf(names, capacity);
        values = Arrays.copyOf(values, capacity);
      }
      names[size] = name;
      values[size] = value;
      if (knownSize >= 0) {
        knownSize += Utf8.length(name) + value.sizeInBytes();
      }
      if (positions != null) {
        positions.put(name, size);
      }
      size++;
      return this;
    }

    /** Sets every entry of {@code map}. */
    public Builder putAll(Map<String, ? extends AttributeValue> map) {
      map.forEach(this::put);
      return this;
    }

    /** Removes {@code name} if present. */
    public Builder remove(String name) {
      int i = find(name);
      if (i >= 0) {
        if (knownSize >= 0) {
          knownSize -= Utf8.length(names[i]) + values[i].sizeInBytes();
        }
        System.arraycopy(names, i + 1, names, i, size - i - 1);
        System.arraycopy(values, i + 1, values, i, size - i - 1);
        size--;
        names[size] = null;
        values[size] = null;
        positions = null;
      }
      return this;
    }

    /** The value set for {@code name}, or null. */
    public AttributeValue get(String name) {
      int i = find(name);
      return i < 0 ? null : values[i];
    }

    /** The number of attributes set so far. */
    public int size() {
      return size;
    }

    private int find(String name) {
      if (size <= LINEAR_SCAN_MAX) {
        for (int i = 0; i < size; i++) {
          String n = names[i];
          if (n == name || n.equals(name)) {
            return i;
          }
        }
        return -1;
      }
      if (positions == null) {
        positions = new LinkedHashMap<>(size * 2);
        for (int i = 0; i < size; i++) {
          positions.put(names[i], i);
        }
      }
      Integer p = positions.get(name);
      return p == null ? -1 : p;
    }

    /** The item. The builder may be used again afterwards. */
    public Item build() {
      if (size == 0) {
        return EMPTY;
      }
      Item item = new Item(Arrays.copyOf(names, size), Arrays.copyOf(values, size));
      if (knownSize > 0) {
        item.sizeInBytes = knownSize; // the size of the source item, adjusted by every change since
      }
      return item;
    }
  }
}
