package io.dynamo4j.expr;

import io.dynamo4j.model.AttributeValue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * A condition: DynamoDB's {@code ConditionExpression} of a write, or the {@code FilterExpression}
 * of a Query or Scan. Built from static factories, so no one writes {@code #n} or {@code :v} by
 * hand; render it with {@link Expressions}.
 *
 * <pre>{@code
 * import static io.dynamo4j.expr.ConditionExpression.*;
 * import static io.dynamo4j.model.AttributeValue.*;
 *
 * AttributePath status = AttributePath.of("status");
 * ConditionExpression c = and(
 *     attributeExists(AttributePath.of("id")),
 *     or(eq(status, s("OPEN")), eq(status, s("HELD"))),
 *     not(contains(AttributePath.parse("tags"), s("frozen"))));
 * // attribute_exists(#n0) AND (#n1 = :v0 OR #n1 = :v1) AND NOT contains(#n2, :v2)
 * // names  {#n0=id, #n1=status, #n2=tags}
 * // values {:v0={S: OPEN}, :v1={S: HELD}, :v2={S: frozen}}
 * }</pre>
 *
 * <h2>Rendering</h2>
 *
 * <ul>
 *   <li>Comparisons render as {@code a = b}, {@code a <> b}, {@code a < b}, {@code a <= b},
 *       {@code a > b}, {@code a >= b}; then {@code a BETWEEN b AND c}, {@code a IN (b, c)} and
 *       the functions {@code attribute_exists(p)}, {@code attribute_not_exists(p)},
 *       {@code attribute_type(p, :t)}, {@code begins_with(p, x)}, {@code contains(p, x)}.
 *   <li>{@code and}/{@code or} of an {@code and}/{@code or} of the same kind is flattened:
 *       {@code and(and(a, b), c)} renders as {@code a AND b AND c}.
 *   <li>Parentheses: an operand of AND or OR is parenthesised when it is itself an AND, an OR, a
 *       BETWEEN (whose own {@code AND} would otherwise read ambiguously) or a {@link #raw raw}
 *       fragment; the operand of NOT is parenthesised unless it is a function call. Nothing else
 *       is. DynamoDB's precedence (NOT over AND over OR) makes this both correct and minimal
 *       enough to read.
 *   <li>Placeholders are assigned left to right ({@link Expressions} describes the rules).
 * </ul>
 *
 * <p>Builder misuse (a null argument, IN with no or more than 100 candidates, a malformed raw
 * fragment) raises {@link IllegalArgumentException} at the call that made it. Immutable and
 * thread-safe; equal conditions are {@link #equals equal}.
 */
public final class ConditionExpression {

  /** DynamoDB's limit on the candidates of one IN. */
  static final int MAX_IN_CANDIDATES = 100;

  /** The AST, a sealed family of records. */
  sealed interface Node permits Comparison, Between, In, Function, And, Or, Not, Raw {}

  record Comparison(Operand left, String operator, Operand right) implements Node {}

  record Between(Operand subject, Operand low, Operand high) implements Node {}

  record In(Operand subject, List<Operand> candidates) implements Node {}

  /** A function call: attribute_exists, attribute_not_exists, attribute_type, begins_with, contains. */
  record Function(String name, List<Operand> arguments) implements Node {}

  record And(List<Node> operands) implements Node {}

  record Or(List<Node> operands) implements Node {}

  record Not(Node operand) implements Node {}

  record Raw(Fragment fragment) implements Node {}

  private final Node node;

  private ConditionExpression(Node node) {
    this.node = node;
  }

  // ---------------------------------------------------------------- comparisons

  /** {@code left = right}. */
  public static ConditionExpression eq(Operand left, AttributeValue right) {
    return compare(left, "=", Operand.value(right));
  }

  /** {@code left = right}, for example two paths. */
  public static ConditionExpression eq(Operand left, Operand right) {
    return compare(left, "=", right);
  }

  /** {@code left <> right}. */
  public static ConditionExpression ne(Operand left, AttributeValue right) {
    return compare(left, "<>", Operand.value(right));
  }

  /** {@code left <> right}. */
  public static ConditionExpression ne(Operand left, Operand right) {
    return compare(left, "<>", right);
  }

  /** {@code left < right}. */
  public static ConditionExpression lt(Operand left, AttributeValue right) {
    return compare(left, "<", Operand.value(right));
  }

  /** {@code left < right}. */
  public static ConditionExpression lt(Operand left, Operand right) {
    return compare(left, "<", right);
  }

  /** {@code left <= right}. */
  public static ConditionExpression le(Operand left, AttributeValue right) {
    return compare(left, "<=", Operand.value(right));
  }

  /** {@code left <= right}. */
  public static ConditionExpression le(Operand left, Operand right) {
    return compare(left, "<=", right);
  }

  /** {@code left > right}. */
  public static ConditionExpression gt(Operand left, AttributeValue right) {
    return compare(left, ">", Operand.value(right));
  }

  /** {@code left > right}. */
  public static ConditionExpression gt(Operand left, Operand right) {
    return compare(left, ">", right);
  }

  /** {@code left >= right}. */
  public static ConditionExpression ge(Operand left, AttributeValue right) {
    return compare(left, ">=", Operand.value(right));
  }

  /** {@code left >= right}. */
  public static ConditionExpression ge(Operand left, Operand right) {
    return compare(left, ">=", right);
  }

  private static ConditionExpression compare(Operand left, String operator, Operand right) {
    Require.nonNull(left, "left operand of " + operator);
    Require.nonNull(right, "right operand of " + operator);
    return new ConditionExpression(new Comparison(left, operator, right));
  }

  /** {@code subject BETWEEN low AND high} (both bounds inclusive). */
  public static ConditionExpression between(Operand subject, AttributeValue low, AttributeValue high) {
    return between(subject, Operand.value(low), Operand.value(high));
  }

  /** {@code subject BETWEEN low AND high} with any operands as bounds. */
  public static ConditionExpression between(Operand subject, Operand low, Operand high) {
    Require.nonNull(subject, "subject of BETWEEN");
    Require.nonNull(low, "low bound of BETWEEN");
    Require.nonNull(high, "high bound of BETWEEN");
    return new ConditionExpression(new Between(subject, low, high));
  }

  /**
   * {@code subject IN (c1, c2, ...)}.
   *
   * @throws IllegalArgumentException if there are no candidates or more than 100 (DynamoDB's limit)
   */
  public static ConditionExpression in(Operand subject, AttributeValue... candidates) {
    Require.nonNull(candidates, "candidates of IN");
    return in(subject, Arrays.asList(candidates));
  }

  /**
   * {@code subject IN (c1, c2, ...)} with the values of a collection, in its iteration order.
   *
   * @throws IllegalArgumentException if there are no candidates or more than 100 (DynamoDB's limit)
   */
  public static ConditionExpression in(Operand subject, Collection<? extends AttributeValue> candidates) {
    Require.nonNull(candidates, "candidates of IN");
    List<Operand> operands = new ArrayList<>(candidates.size());
    for (AttributeValue v : candidates) {
      operands.add(Operand.value(Require.nonNull(v, "candidate of IN")));
    }
    return inOperands(subject, operands);
  }

  /**
   * {@code subject IN (c1, c2, ...)} with any operands as candidates.
   *
   * @throws IllegalArgumentException if there are no candidates or more than 100 (DynamoDB's limit)
   */
  public static ConditionExpression in(Operand subject, Operand... candidates) {
    Require.nonNull(candidates, "candidates of IN");
    for (Operand o : candidates) {
      Require.nonNull(o, "candidate of IN");
    }
    return inOperands(subject, Arrays.asList(candidates));
  }

  private static ConditionExpression inOperands(Operand subject, List<Operand> candidates) {
    Require.nonNull(subject, "subject of IN");
    if (candidates.isEmpty() || candidates.size() > MAX_IN_CANDIDATES) {
      throw new IllegalArgumentException(
          "IN takes 1 to " + MAX_IN_CANDIDATES + " candidates; got " + candidates.size() + " for "
              + subject + " (split a longer list into an or(...) of several IN conditions)");
    }
    return new ConditionExpression(new In(subject, List.copyOf(candidates)));
  }

  // ---------------------------------------------------------------- functions

  /** {@code attribute_exists(path)}: the item has an attribute at {@code path}. */
  public static ConditionExpression attributeExists(AttributePath path) {
    return function("attribute_exists", Require.nonNull(path, "path of attribute_exists"));
  }

  /** {@code attribute_not_exists(path)}: the item has no attribute at {@code path}. */
  public static ConditionExpression attributeNotExists(AttributePath path) {
    return function("attribute_not_exists", Require.nonNull(path, "path of attribute_not_exists"));
  }

  /**
   * {@code attribute_type(path, :t)}: the attribute at {@code path} has DynamoDB type {@code type};
   * {@code :t} is the type descriptor as a string value ({@code {S: "SS"}} for a string set).
   */
  public static ConditionExpression attributeType(AttributePath path, AttributeValue.Type type) {
    Require.nonNull(path, "path of attribute_type");
    Require.nonNull(type, "type of attribute_type");
    return function("attribute_type", path, Operand.value(AttributeValue.s(type.descriptor())));
  }

  /** {@code begins_with(path, prefix)}: the string or binary at {@code path} starts with {@code prefix}. */
  public static ConditionExpression beginsWith(AttributePath path, AttributeValue prefix) {
    return beginsWith(path, Operand.value(prefix));
  }

  /** {@code begins_with(path, prefix)} with any operand (such as another path) as the prefix. */
  public static ConditionExpression beginsWith(AttributePath path, Operand prefix) {
    return function("begins_with", Require.nonNull(path, "path of begins_with"), Require.nonNull(prefix, "prefix of begins_with"));
  }

  /**
   * {@code contains(path, operand)}: the string at {@code path} contains the substring, or the set
   * or list at {@code path} contains the element.
   */
  public static ConditionExpression contains(AttributePath path, AttributeValue operand) {
    return contains(path, Operand.value(operand));
  }

  /** {@code contains(path, operand)} with any operand (such as another path). */
  public static ConditionExpression contains(AttributePath path, Operand operand) {
    return function("contains", Require.nonNull(path, "path of contains"), Require.nonNull(operand, "operand of contains"));
  }

  private static ConditionExpression function(String name, Operand... arguments) {
    return new ConditionExpression(new Function(name, List.of(arguments)));
  }

  // ---------------------------------------------------------------- logic

  /** {@code first AND more...}; the single condition itself when {@code more} is empty. */
  public static ConditionExpression and(ConditionExpression first, ConditionExpression... more) {
    return and(list(first, more, "and"));
  }

  /**
   * The conjunction of {@code conditions}, in order.
   *
   * @throws IllegalArgumentException if the list is empty or has a null
   */
  public static ConditionExpression and(List<ConditionExpression> conditions) {
    return new ConditionExpression(junction(conditions, true));
  }

  /** {@code first OR more...}; the single condition itself when {@code more} is empty. */
  public static ConditionExpression or(ConditionExpression first, ConditionExpression... more) {
    return or(list(first, more, "or"));
  }

  /**
   * The disjunction of {@code conditions}, in order.
   *
   * @throws IllegalArgumentException if the list is empty or has a null
   */
  public static ConditionExpression or(List<ConditionExpression> conditions) {
    return new ConditionExpression(junction(conditions, false));
  }

  /** {@code NOT condition}. */
  public static ConditionExpression not(ConditionExpression condition) {
    return new ConditionExpression(new Not(Require.nonNull(condition, "operand of not").node));
  }

  private static List<ConditionExpression> list(
      ConditionExpression first, ConditionExpression[] more, String what) {
    Require.nonNull(more, "operands of " + what);
    List<ConditionExpression> all = new ArrayList<>(more.length + 1);
    all.add(first);
    all.addAll(Arrays.asList(more));
    return all;
  }

  private static Node junction(List<ConditionExpression> conditions, boolean and) {
    String what = and ? "and" : "or";
    Require.nonNull(conditions, "operands of " + what);
    if (conditions.isEmpty()) {
      throw new IllegalArgumentException(what + "(...) needs at least one condition");
    }
    List<Node> operands = new ArrayList<>();
    for (ConditionExpression c : conditions) {
      Node n = Require.nonNull(c, "operand of " + what).node;
      if (and && n instanceof And inner) {
        operands.addAll(inner.operands());
      } else if (!and && n instanceof Or inner) {
        operands.addAll(inner.operands());
      } else {
        operands.add(n);
      }
    }
    if (operands.size() == 1) {
      return operands.get(0);
    }
    return and ? new And(List.copyOf(operands)) : new Or(List.copyOf(operands));
  }

  // ---------------------------------------------------------------- raw

  /**
   * A condition written by hand with its own placeholders, for what the factories do not cover.
   * When it is combined with other conditions it is parenthesised, and where its placeholders
   * clash with others they are renamed (the text too, token by token); a placeholder that means
   * the same name or value as another is merged with it.
   *
   * <pre>{@code
   * ConditionExpression.raw("#s = :open", Map.of("#s", "status"), Map.of(":open", s("OPEN")))
   * }</pre>
   *
   * @throws IllegalArgumentException if the text is empty, uses a placeholder it does not define,
   *     defines one it does not use, or a key is not a placeholder
   */
  public static ConditionExpression raw(
      String expression, Map<String, String> names, Map<String, ? extends AttributeValue> values) {
    return new ConditionExpression(new Raw(Fragment.strict("ConditionExpression.raw", expression, names, values)));
  }

  /** A condition written by hand that uses no placeholders, such as {@code "attribute_exists(id)"}. */
  public static ConditionExpression raw(String expression) {
    return raw(expression, Map.of(), Map.of());
  }

  // ---------------------------------------------------------------- rendering

  /** Renders this condition through {@code placeholders}. */
  String render(Placeholders placeholders) {
    StringBuilder out = new StringBuilder();
    render(out, node, placeholders);
    return out.toString();
  }

  private static void render(StringBuilder out, Node node, Placeholders p) {
    if (node instanceof Comparison c) {
      p.operand(out, c.left());
      out.append(' ').append(c.operator()).append(' ');
      p.operand(out, c.right());
    } else if (node instanceof Between b) {
      p.operand(out, b.subject());
      out.append(" BETWEEN ");
      p.operand(out, b.low());
      out.append(" AND ");
      p.operand(out, b.high());
    } else if (node instanceof In in) {
      p.operand(out, in.subject());
      out.append(" IN (");
      for (int i = 0; i < in.candidates().size(); i++) {
        if (i > 0) {
          out.append(", ");
        }
        p.operand(out, in.candidates().get(i));
      }
      out.append(')');
    } else if (node instanceof Function f) {
      out.append(f.name()).append('(');
      for (int i = 0; i < f.arguments().size(); i++) {
        if (i > 0) {
          out.append(", ");
        }
        p.operand(out, f.arguments().get(i));
      }
      out.append(')');
    } else if (node instanceof And and) {
      junction(out, and.operands(), " AND ", p);
    } else if (node instanceof Or or) {
      junction(out, or.operands(), " OR ", p);
    } else if (node instanceof Not not) {
      out.append("NOT ");
      child(out, not.operand(), !(not.operand() instanceof Function), p);
    } else {
      out.append(p.bind(((Raw) node).fragment()));
    }
  }

  private static void junction(StringBuilder out, List<Node> operands, String separator, Placeholders p) {
    for (int i = 0; i < operands.size(); i++) {
      if (i > 0) {
        out.append(separator);
      }
      Node o = operands.get(i);
      child(out, o, o instanceof And || o instanceof Or || o instanceof Between || o instanceof Raw, p);
    }
  }

  private static void child(StringBuilder out, Node node, boolean parenthesise, Placeholders p) {
    if (parenthesise) {
      out.append('(');
    }
    render(out, node, p);
    if (parenthesise) {
      out.append(')');
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ConditionExpression other && node.equals(other.node);
  }

  @Override
  public int hashCode() {
    return node.hashCode();
  }

  /**
   * The condition with names and values written in place of placeholders, for reading:
   * {@code status = {S: OPEN}}. Not an expression DynamoDB accepts; render with {@link Expressions}.
   */
  @Override
  public String toString() {
    return render(Placeholders.literal());
  }
}
