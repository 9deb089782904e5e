package io.dynamo4j.engine.op;

import io.dynamo4j.api.PutItemRequest;
import io.dynamo4j.api.ReturnValue;
import io.dynamo4j.engine.expr.ExpressionInputs;
import io.dynamo4j.engine.expr.ExpressionSet;

/**
 * PutItem's checks that need no table, in DynamoDB's order: expression and legacy parameters not
 * mixed; the item's attribute names and nesting; ReturnValues NONE or ALL_OLD; the item's size;
 * then the condition (ConditionExpression or Expected) and its placeholders.
 *
 * <p>Stateless and thread-safe.
 */
final class PutItemValidator {

  private PutItemValidator() {}

  /** Checks {@code request}; returns its compiled condition set, or null when it has none. */
  static ExpressionSet validate(PutItemRequest request) {
    ExpressionInputs inputs = hasExpressionMembers(request) ? ExpressionInputs.of(request) : null;
    if (inputs != null) {
      ExpressionSet.checkMixing(inputs);
    }
    ItemValidator.checkAttributes(request.item());
    ReturnValue returnValues = request.returnValues();
    if (returnValues != null && returnValues != ReturnValue.NONE && returnValues != ReturnValue.ALL_OLD) {
      throw Errors.returnValuesAllOldOrNone();
    }
    ItemValidator.checkSize(request.item());
    return inputs == null ? null : ExpressionSet.compile(inputs);
  }

  private static boolean hasExpressionMembers(PutItemRequest r) {
    return r.conditionExpression() != null || r.expected() != null || r.conditionalOperator() != null
        || r.expressionAttributeNames() != null || r.expressionAttributeValues() != null;
  }
}
