package io.dynamo4j.expr;

import io.dynamo4j.model.AttributeValue;

/**
 * The right-hand side of a SET action in an {@link UpdateExpression}: a path, a value,
 * {@code if_not_exists(path, fallback)}, {@code list_append(a, b)}, or {@code a + b} /
 * {@code a - b}.
 *
 * <pre>{@code
 * import static io.dynamo4j.expr.SetValue.*;
 *
 * AttributePath views = AttributePath.of("views");
 * AttributePath tags = AttributePath.of("tags");
 * UpdateExpression.empty()
 *     .set(views, plus(ifNotExists(views, n(0)), n(1)))     // #n0 = if_not_exists(#n0, :v0) + :v1
 *     .set(tags, listAppend(ifNotExists(tags, l()), l(s("new")))); // #n1 = list_append(if_not_exists(#n1, :v2), :v3)
 * }</pre>
 *
 * <p>DynamoDB's grammar decides what may nest, and the factories check it when called, with an
 * {@link IllegalArgumentException}: {@code +}, {@code -} and {@code list_append} take paths,
 * values and {@code if_not_exists(...)}, and each may only be the whole right-hand side (no
 * {@code a + b + c}, no {@code list_append} inside another function or sum); the fallback of
 * {@code if_not_exists} is a path, a value or another {@code if_not_exists}.
 *
 * <p>Implementations are immutable and thread-safe.
 */
public sealed interface SetValue permits AttributePath, ValueOperand, IfNotExists, ListAppend, Arithmetic {

  /** A value. */
  static SetValue value(AttributeValue value) {
    return new ValueOperand(Require.nonNull(value, "value"));
  }

  /** {@code if_not_exists(path, fallback)}: the value at {@code path}, or {@code fallback} if absent. */
  static SetValue ifNotExists(AttributePath path, AttributeValue fallback) {
    return ifNotExists(path, value(fallback));
  }

  /**
   * {@code if_not_exists(path, fallback)} with a path or another {@code if_not_exists} as the
   * fallback.
   */
  static SetValue ifNotExists(AttributePath path, SetValue fallback) {
    Require.nonNull(path, "path");
    return new IfNotExists(path, operand(fallback, "if_not_exists"));
  }

  /** {@code list_append(first, second)}: the elements of {@code first} followed by those of {@code second}. */
  static SetValue listAppend(SetValue first, SetValue second) {
    return new ListAppend(operand(first, "list_append"), operand(second, "list_append"));
  }

  /** {@code list_append(list, elements)}: appends the elements of the list value to the list at {@code list}. */
  static SetValue listAppend(SetValue list, AttributeValue elements) {
    return listAppend(list, value(elements));
  }

  /** {@code list_append(elements, list)}: prepends the elements of the list value to the list at {@code list}. */
  static SetValue listAppend(AttributeValue elements, SetValue list) {
    return listAppend(value(elements), list);
  }

  /** {@code left + right}: the sum of two numbers. */
  static SetValue plus(SetValue left, SetValue right) {
    return new Arithmetic(operand(left, "+"), '+', operand(right, "+"));
  }

  /** {@code left + right}. */
  static SetValue plus(SetValue left, AttributeValue right) {
    return plus(left, value(right));
  }

  /** {@code left + right}. */
  static SetValue plus(AttributeValue left, SetValue right) {
    return plus(value(left), right);
  }

  /** {@code left - right}: the difference of two numbers. */
  static SetValue minus(SetValue left, SetValue right) {
    return new Arithmetic(operand(left, "-"), '-', operand(right, "-"));
  }

  /** {@code left - right}. */
  static SetValue minus(SetValue left, AttributeValue right) {
    return minus(left, value(right));
  }

  /** {@code left - right}. */
  static SetValue minus(AttributeValue left, SetValue right) {
    return minus(value(left), right);
  }

  /** Checks that {@code v} may appear inside {@code where}: a path, a value or an if_not_exists. */
  private static SetValue operand(SetValue v, String where) {
    Require.nonNull(v, "operand of " + where);
    if (v instanceof Arithmetic || v instanceof ListAppend) {
      throw new IllegalArgumentException(
          "DynamoDB's SET does not allow " + v + " inside " + where
              + ": '+', '-' and list_append may only be the whole right-hand side of a SET action,"
              + " and their operands are paths, values or if_not_exists(...)");
    }
    return v;
  }
}
