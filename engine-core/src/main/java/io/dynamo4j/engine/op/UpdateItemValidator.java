package io.dynamo4j.engine.op;

import io.dynamo4j.api.UpdateItemRequest;
import io.dynamo4j.engine.expr.ExpressionInputs;
import io.dynamo4j.engine.expr.ExpressionSet;

/**
 * UpdateItem's checks that need no table: expression and legacy parameters not mixed, then the
 * update (UpdateExpression or AttributeUpdates) and the condition (ConditionExpression or
 * Expected) with their placeholders, in DynamoDB's order (see {@link ExpressionSet#compile}).
 * Every ReturnValues value is allowed.
 *
 * <p>Stateless and thread-safe.
 */
final class UpdateItemValidator {

  private UpdateItemValidator() {}

  /** Checks {@code request}; returns its compiled expressions, or null when it has none. */
  static ExpressionSet validate(UpdateItemRequest request) {
    if (request.updateExpression() == null && request.attributeUpdates() == null && request.conditionExpression() == null
        && request.expected() == null && request.conditionalOperator() == null
        && request.expressionAttributeNames() == null && request.expressionAttributeValues() == null) {
      return null;
    }
    return ExpressionSet.compile(ExpressionInputs.of(request));
  }
}
