package io.dynamo4j.expr;

import io.dynamo4j.model.AttributeValue;

/**
 * One side of a comparison in a {@link ConditionExpression}: a {@link AttributePath}, a value, or
 * {@code size(path)}.
 *
 * <pre>{@code
 * import static io.dynamo4j.expr.ConditionExpression.*;
 * import static io.dynamo4j.expr.Operand.size;
 *
 * gt(size(AttributePath.of("tags")), n(3))                       // size(#n0) > :v0
 * lt(Operand.value(n(10)), AttributePath.of("price"))           // :v0 < #n0
 * }</pre>
 *
 * <p>Implementations are immutable and thread-safe.
 */
public sealed interface Operand permits AttributePath, ValueOperand, SizeOperand {

  /**
   * A value operand, for the places where a value stands on the left or where every operand must
   * be an {@code Operand}.
   */
  static Operand value(AttributeValue value) {
    return new ValueOperand(Require.nonNull(value, "value"));
  }

  /**
   * DynamoDB's {@code size(path)}: the length of a string or binary, the number of elements of a
   * set, list or map.
   */
  static Operand size(AttributePath path) {
    return new SizeOperand(Require.nonNull(path, "path"));
  }
}
