package io.dynamo4j.engine.op;

import io.dynamo4j.api.GetItemRequest;
import io.dynamo4j.engine.expr.ExpressionInputs;
import io.dynamo4j.engine.expr.ExpressionSet;
import io.dynamo4j.engine.expr.Projection;

/**
 * GetItem's checks that need no table: ProjectionExpression or AttributesToGet (not both), and the
 * projection with its placeholders.
 *
 * <p>Stateless and thread-safe.
 */
final class GetItemValidator {

  private GetItemValidator() {}

  /** Checks {@code request}; returns its projection, or null for the whole item. */
  static Projection validate(GetItemRequest request) {
    if (request.projectionExpression() == null && request.attributesToGet() == null
        && request.expressionAttributeNames() == null) {
      return null;
    }
    return ExpressionSet.compile(ExpressionInputs.of(request)).projection();
  }
}
