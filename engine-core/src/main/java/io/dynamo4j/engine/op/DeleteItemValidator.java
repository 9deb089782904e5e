package io.dynamo4j.engine.op;

import io.dynamo4j.api.DeleteItemRequest;
import io.dynamo4j.api.ReturnValue;
import io.dynamo4j.engine.expr.ExpressionInputs;
import io.dynamo4j.engine.expr.ExpressionSet;

/**
 * DeleteItem's checks that need no table, in DynamoDB's order: expression and legacy parameters
 * not mixed; ReturnValues NONE or ALL_OLD; then the condition and its placeholders.
 *
 * <p>Stateless and thread-safe.
 */
final class DeleteItemValidator {

  private DeleteItemValidator() {}

  /** Checks {@code request}; returns its compiled condition set, or null when it has none. */
  static ExpressionSet validate(DeleteItemRequest request) {
    ExpressionInputs inputs = hasExpressionMembers(request) ? ExpressionInputs.of(request) : null;
    if (inputs != null) {
      ExpressionSet.checkMixing(inputs);
    }
    ReturnValue returnValues = request.returnValues();
    if (returnValues != null && returnValues != ReturnValue.NONE && returnValues != ReturnValue.ALL_OLD) {
      throw Errors.returnValuesAllOldOrNone();
    }
    return inputs == null ? null : ExpressionSet.compile(inputs);
  }

  private static boolean hasExpressionMembers(DeleteItemRequest r) {
    return r.conditionExpression() != null || r.expected() != null || r.conditionalOperator() != null
        || r.expressionAttributeNames() != null || r.expressionAttributeValues() != null;
  }
}
