package io.dynamo4j.model;

import io.dynamo4j.error.ValidationException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * A DynamoDB attribute value: one record per DynamoDB data type.
 *
 * <p>Build values with the static factories, which read like DynamoDB JSON:
 *
 * <pre>{@code
 * import static io.dynamo4j.model.AttributeValue.*;
 *
 * AttributeValue order = m(Map.of(
 *     "id", s("o-1"),
 *     "total", n("12.50"),
 *     "tags", ss("new", "gift"),
 *     "lines", l(m(Map.of("sku", s("A"), "qty", n(2))))));
 * }</pre>
 *
 * <p>Every value is immutable and valid by construction, with DynamoDB's rules and messages:
 *
 * <ul>
 *   <li>Numbers ({@link N}) have at most 38 significant digits and a magnitude of zero or between
 *       1E-130 and 9.9999999999999999999999999999999999999E+125. They are held normalised, so
 *       {@code n("01.50")} equals {@code n("1.5")} and renders as {@code 1.5}, {@code n("1E+2")}
 *       renders as {@code 100} and {@code n("-0")} as {@code 0}.
 *   <li>Sets ({@link SS}, {@link NS}, {@link BS}) are never empty and never contain duplicates
 *       (numbers by value, binary by content). Their elements are kept in DynamoDB's order (strings
 *       by UTF-8 bytes, numbers by value, binary unsigned), so two sets with the same elements are
 *       equal whatever order they were given in.
 *   <li>Binary ({@link B}) is an immutable {@link Bytes}.
 * </ul>
 *
 * <p>Invalid input raises {@link ValidationException} with the text DynamoDB returns for it.
 *
 * <p>All implementations are immutable and thread-safe.
 */
public sealed interface AttributeValue
    permits AttributeValue.S,
        AttributeValue.N,
        AttributeValue.B,
        AttributeValue.Bool,
        AttributeValue.Null,
        AttributeValue.M,
        AttributeValue.L,
        AttributeValue.SS,
        AttributeValue.NS,
        AttributeValue.BS {

  /** DynamoDB's data types, named by their type descriptors. */
  enum Type {
    S, N, B, BOOL, NULL, M, L, SS, NS, BS;

    /** The type descriptor as DynamoDB writes it: {@code "S"}, {@code "BOOL"}, ... */
    public String descriptor() {
      return name();
    }
  }

  /** This value's DynamoDB type. */
  Type type();

  /**
   * The number of bytes this value counts for in DynamoDB's item-size rule, without any
   * attribute name. See {@link Item#sizeInBytes()} for the rule.
   */
  int sizeInBytes();

  // ---------------------------------------------------------------- factories

  /** A string value. */
  static S s(String value) {
    return new S(value);
  }

  /** A number parsed from DynamoDB's number syntax (for example {@code "42"}, {@code "-1.5E3"}). */
  static N n(String value) {
    return N.parse(value);
  }

  /** A number. */
  static N n(long value) {
    return new N(BigDecimal.valueOf(value));
  }

  /**
   * A number from a double, by its shortest decimal form ({@link Double#toString(double)}).
   *
   * @throws ValidationException if {@code value} is NaN or infinite
   */
  static N n(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      throw new ValidationException(Messages.NOT_A_NUMBER);
    }
    return new N(BigDecimal.valueOf(value));
  }

  /** A number. */
  static N n(BigDecimal value) {
    return new N(value);
  }

  /** A number. */
  static N n(BigInteger value) {
    return new N(new BigDecimal(value));
  }

  /** A binary value (the array is copied). */
  static B b(byte[] value) {
    return new B(Bytes.of(value));
  }

  /** A binary value. */
  static B b(Bytes value) {
    return new B(value);
  }

  /** A boolean value. */
  static Bool bool(boolean value) {
    return value ? Bool.TRUE : Bool.FALSE;
  }

  /** The null value ({@code {"NULL": true}}). */
  static Null nul() {
    return Null.INSTANCE;
  }

  /** A list value. */
  static L l(AttributeValue... values) {
    return new L(Arrays.asList(values));
  }

  /** A list value. */
  static L l(List<? extends AttributeValue> values) {
    return new L(values == null ? null : new ArrayList<>(values));
  }

  /** A map value. */
  static M m(Map<String, ? extends AttributeValue> value) {
    return new M(Item.copyOf(value));
  }

  /** A string set. */
  static SS ss(String... values) {
    return new SS(Arrays.asList(values));
  }

  /** A string set. */
  static SS ss(Collection<String> values) {
    return new SS(values == null ? null : new ArrayList<>(values));
  }

  /** A number set, each element in DynamoDB's number syntax. */
  static NS ns(String... values) {
    return ns(Arrays.asList(values));
  }

  /** A number set, each element in DynamoDB's number syntax. */
  static NS ns(Collection<String> values) {
    List<BigDecimal> numbers = new ArrayList<>(values.size());
    for (String v : values) {
      numbers.add(N.parse(v).value());
    }
    return new NS(numbers);
  }

  /** A number set. */
  static NS ns(long... values) {
    List<BigDecimal> numbers = new ArrayList<>(values.length);
    for (long v : values) {
      numbers.add(BigDecimal.valueOf(v));
    }
    return new NS(numbers);
  }

  /** A number set. */
  static NS nsOf(Collection<? extends BigDecimal> values) {
    return new NS(values == null ? null : new ArrayList<>(values));
  }

  /** A binary set (the arrays are copied). */
  static BS bs(byte[]... values) {
    List<Bytes> list = new ArrayList<>(values.length);
    for (byte[] v : values) {
      list.add(Bytes.of(v));
    }
    return new BS(list);
  }

  /** A binary set. */
  static BS bs(Collection<Bytes> values) {
    return new BS(values == null ? null : new ArrayList<>(values));
  }

  // ---------------------------------------------------------------- types

  /** A string ({@code S}): any Unicode text, compared by its UTF-8 bytes. */
  record S(String value) implements AttributeValue {
    public S {
      if (value == null) {
        throw new ValidationException(Messages.EMPTY_ATTRIBUTE_VALUE);
      }
    }

    @Override
    public Type type() {
      return Type.S;
    }

    @Override
    public int sizeInBytes() {
      return Utf8.length(value);
    }

    @Override
    public String toString() {
      return "{S: " + value + "}";
    }
  }

  /**
   * A number ({@code N}), held as a normalised {@link BigDecimal}: trailing zeros stripped, so
   * numerically equal numbers are equal records.
   */
  record N(BigDecimal value) implements AttributeValue, Comparable<N> {
    public N {
      if (value == null) {
        throw new ValidationException(Messages.EMPTY_ATTRIBUTE_VALUE);
      }
      value = Numbers.normalize(value);
    }

    /** Parses DynamoDB's number syntax, with DynamoDB's errors for invalid, too precise or out-of-range numbers. */
    public static N parse(String text) {
      if (text == null) {
        throw new ValidationException(Messages.EMPTY_ATTRIBUTE_VALUE);
      }
      return new N(Numbers.parse(text));
    }

    /** The number as DynamoDB renders it: plain notation, no exponent, no trailing zeros. */
    public String text() {
      return value.toPlainString();
    }

    @Override
    public Type type() {
      return Type.N;
    }

    @Override
    public int sizeInBytes() {
      return Numbers.sizeInBytes(value);
    }

    @Override
    public int compareTo(N other) {
      return value.compareTo(other.value);
    }

    @Override
    public String toString() {
      return "{N: " + text() + "}";
    }
  }

  /** A binary value ({@code B}), compared as unsigned bytes. */
  record B(Bytes value) implements AttributeValue {
    public B {
      if (value == null) {
        throw new ValidationException(Messages.EMPTY_ATTRIBUTE_VALUE);
      }
    }

    @Override
    public Type type() {
      return Type.B;
    }

    @Override
    public int sizeInBytes() {
      return value.length();
    }

    @Override
    public String toString() {
      return "{B: " + value + "}";
    }
  }

  /** A boolean ({@code BOOL}). */
  record Bool(boolean value) implements AttributeValue {
    static final Bool TRUE = new Bool(true);
    static final Bool FALSE = new Bool(false);

    @Override
    public Type type() {
      return Type.BOOL;
    }

    @Override
    public int sizeInBytes() {
      return 1;
    }

    @Override
    public String toString() {
      return "{BOOL: " + value + "}";
    }
  }

  /** The null value ({@code NULL}); there is one. */
  record Null() implements AttributeValue {
    /** The null value. */
    public static final Null INSTANCE = new Null();

    @Override
    public Type type() {
      return Type.NULL;
    }

    @Override
    public int sizeInBytes() {
      return 1;
    }

    @Override
    public String toString() {
      return "{NULL: true}";
    }
  }

  /** A map ({@code M}) of attribute names to values, held as an immutable {@link Item}. */
  record M(Item value) implements AttributeValue {
    public M {
      if (value == null) {
        throw new ValidationException(Messages.EMPTY_ATTRIBUTE_VALUE);
      }
    }

    @Override
    public Type type() {
      return Type.M;
    }

    @Override
    public int sizeInBytes() {
      return 3 + value.elementsSizeInBytes();
    }

    @Override
    public String toString() {
      return "{M: " + value + "}";
    }
  }

  /** A list ({@code L}) of values of any types. */
  record L(List<AttributeValue> value) implements AttributeValue {
    @SuppressWarnings("unchecked")
    public L {
      value = (List<AttributeValue>) immutableNonNull(value);
    }

    @Override
    public Type type() {
      return Type.L;
    }

    @Override
    public int sizeInBytes() {
      int size = 3;
      for (AttributeValue v : value) {
        size += 1 + v.sizeInBytes();
      }
      return size;
    }

    @Override
    public String toString() {
      return "{L: " + value + "}";
    }
  }

  /** A string set ({@code SS}): never empty, no duplicates, ordered by UTF-8 bytes. */
  record SS(List<String> value) implements AttributeValue {
    public SS {
      value = Sets.strings(value);
    }

    @Override
    public Type type() {
      return Type.SS;
    }

    @Override
    public int sizeInBytes() {
      int size = 0;
      for (String s : value) {
        size += Utf8.length(s);
      }
      return size;
    }

    @Override
    public String toString() {
      return "{SS: " + value + "}";
    }
  }

  /** A number set ({@code NS}): never empty, no two numerically equal elements, ordered by value. */
  record NS(List<BigDecimal> value) implements AttributeValue {
    public NS {
      value = Sets.numbers(value);
    }

    /** The elements as DynamoDB renders them. */
    public List<String> texts() {
      List<String> texts = new ArrayList<>(value.size());
      for (BigDecimal d : value) {
        texts.add(d.toPlainString());
      }
      return Collections.unmodifiableList(texts);
    }

    @Override
    public Type type() {
      return Type.NS;
    }

    @Override
    public int sizeInBytes() {
      int size = 0;
      for (BigDecimal d : value) {
        size += Numbers.sizeInBytes(d);
      }
      return size;
    }

    @Override
    public String toString() {
      return "{NS: " + texts() + "}";
    }
  }

  /** A binary set ({@code BS}): never empty, no two equal elements, ordered unsigned. */
  record BS(List<Bytes> value) implements AttributeValue {
    public BS {
      value = Sets.binaries(value);
    }

    @Override
    public Type type() {
      return Type.BS;
    }

    @Override
    public int sizeInBytes() {
      int size = 0;
      for (Bytes b : value) {
        size += b.length();
      }
      return size;
    }

    @Override
    public String toString() {
      return "{BS: " + value + "}";
    }
  }

  private static List<? extends AttributeValue> immutableNonNull(List<? extends AttributeValue> list) {
    if (list == null) {
      throw new ValidationException(Messages.EMPTY_ATTRIBUTE_VALUE);
    }
    try {
      return List.copyOf(list);
    } catch (NullPointerException e) {
      throw new ValidationException(Messages.EMPTY_ATTRIBUTE_VALUE);
    }
  }
}
