package io.dynamo4j.expr;

import io.dynamo4j.model.AttributeValue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A Query's key condition: DynamoDB's {@code KeyConditionExpression}. An equality on the partition
 * key and, optionally, one condition on the sort key.
 *
 * <pre>{@code
 * KeyConditionExpression k = KeyConditionExpression.partition("customer", s("c-7"))
 *     .sortBeginsWith("orderId", s("2024-"));
 * // #n0 = :v0 AND begins_with(#n1, :v1)
 * }</pre>
 *
 * <p>Global secondary indexes may have multi-attribute keys (up to four partition key attributes
 * and four sort key attributes). A query names every partition key attribute with an equality
 * ({@link #andPartition}), then sort key attributes from the left: equalities ({@link #sortEq}),
 * and at most one range condition, on the last sort key attribute it names:
 *
 * <pre>{@code
 * KeyConditionExpression.partition("tournament", s("WINTER2024")).andPartition("region", s("NA-EAST"))
 *     .sortEq("round", s("SEMIFINALS")).sortBetween("match", n(1), n(9));
 * // #n0 = :v0 AND #n1 = :v1 AND #n2 = :v2 AND #n3 BETWEEN :v3 AND :v4
 * }</pre>
 *
 * <p>The builder enforces that order (partition equalities, then sort equalities, then one range)
 * and the limit of four each with {@link IllegalStateException}; whether the names are the key of
 * the table or index queried is for the service to check. Key attribute names are top-level names,
 * taken literally. Terms render joined by {@code " AND "}, without parentheses. Immutable and
 * thread-safe.
 */
public final class KeyConditionExpression {

  /** DynamoDB's limit on the partition key attributes, and on the sort key attributes, of a key. */
  static final int MAX_KEY_ATTRIBUTES = 4;

  /** One term; {@code operator} is "=", "<", "<=", ">", ">=", "BETWEEN" or "begins_with". */
  record Term(String name, String operator, List<AttributeValue> values) {}

  private final List<Term> terms;
  private final int partitionCount;
  private final int sortCount;
  private final boolean ranged;
  private final Fragment raw;

  private KeyConditionExpression(List<Term> terms, int partitionCount, int sortCount, boolean ranged, Fragment raw) {
    this.terms = terms;
    this.partitionCount = partitionCount;
    this.sortCount = sortCount;
    this.ranged = ranged;
    this.raw = raw;
  }

  /** {@code name = value} on the (first) partition key attribute. */
  public static KeyConditionExpression partition(String name, AttributeValue value) {
    return new KeyConditionExpression(List.of(), 0, 0, false, null).andPartition(name, value);
  }

  /**
   * Adds {@code name = value} on a further partition key attribute of a multi-attribute key.
   *
   * @throws IllegalStateException after a sort key condition, or beyond four partition key attributes
   */
  public KeyConditionExpression andPartition(String name, AttributeValue value) {
    checkExtensible("andPartition", name);
    if (sortCount > 0) {
      throw new IllegalStateException(
          "andPartition(\"" + name + "\") after a sort key condition: name every partition key"
              + " attribute before the sort key conditions");
    }
    if (partitionCount == MAX_KEY_ATTRIBUTES) {
      throw new IllegalStateException(
          "andPartition(\"" + name + "\"): a key has at most " + MAX_KEY_ATTRIBUTES + " partition key attributes");
    }
    return with(new Term(checkName(name), "=", values(value)), 1, 0, false);
  }

  /** Adds {@code name = value} on a sort key attribute. */
  public KeyConditionExpression sortEq(String name, AttributeValue value) {
    return sort("sortEq", name, "=", false, value);
  }

  /** Adds {@code name < value} on the sort key attribute. */
  public KeyConditionExpression sortLt(String name, AttributeValue value) {
    return sort("sortLt", name, "<", true, value);
  }

  /** Adds {@code name <= value} on the sort key attribute. */
  public KeyConditionExpression sortLe(String name, AttributeValue value) {
    return sort("sortLe", name, "<=", true, value);
  }

  /** Adds {@code name > value} on the sort key attribute. */
  public KeyConditionExpression sortGt(String name, AttributeValue value) {
    return sort("sortGt", name, ">", true, value);
  }

  /** Adds {@code name >= value} on the sort key attribute. */
  public KeyConditionExpression sortGe(String name, AttributeValue value) {
    return sort("sortGe", name, ">=", true, value);
  }

  /** Adds {@code name BETWEEN low AND high} (inclusive) on the sort key attribute. */
  public KeyConditionExpression sortBetween(String name, AttributeValue low, AttributeValue high) {
    return sort("sortBetween", name, "BETWEEN", true, low, high);
  }

  /** Adds {@code begins_with(name, prefix)} on the (string or binary) sort key attribute. */
  public KeyConditionExpression sortBeginsWith(String name, AttributeValue prefix) {
    return sort("sortBeginsWith", name, "begins_with", true, prefix);
  }

  private KeyConditionExpression sort(String method, String name, String operator, boolean range, AttributeValue... values) {
    checkExtensible(method, name);
    if (ranged) {
      throw new IllegalStateException(
          method + "(\"" + name + "\") after a range condition: a key condition has at most one range"
              + " condition (<, <=, >, >=, BETWEEN, begins_with), on the last sort key attribute it names");
    }
    if (sortCount == MAX_KEY_ATTRIBUTES) {
      throw new IllegalStateException(
          method + "(\"" + name + "\"): a key has at most " + MAX_KEY_ATTRIBUTES + " sort key attributes");
    }
    return with(new Term(checkName(name), operator, values(values)), 0, 1, range);
  }

  /**
   * A key condition written by hand with its own placeholders. It is rendered as it is, with its
   * placeholders renamed where they clash with other expressions of the request.
   *
   * @throws IllegalArgumentException if the text is empty, uses a placeholder it does not define,
   *     defines one it does not use, or a key is not a placeholder
   */
  public static KeyConditionExpression raw(
      String expression, Map<String, String> names, Map<String, ? extends AttributeValue> values) {
    Fragment f = Fragment.strict("KeyConditionExpression.raw", expression, names, values);
    return new KeyConditionExpression(List.of(), 0, 0, true, f);
  }

  private void checkExtensible(String method, String name) {
    if (raw != null) {
      throw new IllegalStateException(
          method + "(\"" + name + "\") on a raw key condition: write the whole condition in raw(...)");
    }
  }

  private static String checkName(String name) {
    Require.nonNull(name, "key attribute name");
    if (name.isEmpty()) {
      throw new IllegalArgumentException("key attribute name must not be empty");
    }
    return name;
  }

  private static List<AttributeValue> values(AttributeValue... values) {
    for (AttributeValue v : values) {
      Require.nonNull(v, "key condition value");
    }
    return List.of(values);
  }

  private KeyConditionExpression with(Term term, int partitions, int sorts, boolean range) {
    List<Term> all = new ArrayList<>(terms.size() + 1);
    all.addAll(terms);
    all.add(term);
    return new KeyConditionExpression(
        Collections.unmodifiableList(all), partitionCount + partitions, sortCount + sorts, range, null);
  }

  /** Renders this key condition through {@code placeholders}. */
  String render(Placeholders p) {
    if (raw != null) {
      return p.bind(raw);
    }
    StringBuilder out = new StringBuilder();
    for (Term t : terms) {
      if (out.length() > 0) {
        out.append(" AND ");
      }
      switch (t.operator()) {
        case "BETWEEN" -> out.append(p.name(t.name())).append(" BETWEEN ").append(p.value(t.values().get(0)))
            .append(" AND ").append(p.value(t.values().get(1)));
        case "begins_with" -> out.append("begins_with(").append(p.name(t.name())).append(", ")
            .append(p.value(t.values().get(0))).append(')');
        default -> out.append(p.name(t.name())).append(' ').append(t.operator()).append(' ')
            .append(p.value(t.values().get(0)));
      }
    }
    return out.toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof KeyConditionExpression other
        && terms.equals(other.terms)
        && Objects.equals(raw, other.raw);
  }

  @Override
  public int hashCode() {
    return terms.hashCode() * 31 + Objects.hashCode(raw);
  }

  /** The key condition with names and values in place of placeholders, for reading. */
  @Override
  public String toString() {
    return render(Placeholders.literal());
  }
}
