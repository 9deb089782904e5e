package io.dynamo4j.engine.expr;

/**
 * The five expression parameters of DynamoDB's API. Three of them share the condition grammar;
 * each kind names itself in error messages ({@code Invalid FilterExpression: ...}).
 */
enum ExpressionKind {
  CONDITION("ConditionExpression"),
  FILTER("FilterExpression"),
  KEY_CONDITION("KeyConditionExpression"),
  UPDATE("UpdateExpression"),
  PROJECTION("ProjectionExpression");

  private final String parameter;

  ExpressionKind(String parameter) {
    this.parameter = parameter;
  }

  /** The request parameter's name, as DynamoDB writes it in messages. */
  String parameter() {
    return parameter;
  }

  /** Whether this kind is parsed with the condition grammar. */
  boolean isCondition() {
    return this == CONDITION || this == FILTER || this == KEY_CONDITION;
  }

  /** Whether DynamoDB's "expression size" message for this kind states the size. */
  boolean reportsSize() {
    return isCondition();
  }
}
