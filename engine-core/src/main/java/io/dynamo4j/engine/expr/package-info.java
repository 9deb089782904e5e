/**
 * DynamoDB's expression language: ConditionExpression, FilterExpression, KeyConditionExpression,
 * UpdateExpression and ProjectionExpression, and the legacy parameters that predate them (Expected,
 * AttributeUpdates, KeyConditions, QueryFilter, ScanFilter, AttributesToGet, ConditionalOperator),
 * parsed, checked and evaluated exactly as DynamoDB does.
 *
 * <p>Entry point: {@link io.dynamo4j.engine.expr.ExpressionSet#compile} takes everything
 * expression-related in one request ({@link io.dynamo4j.engine.expr.ExpressionInputs}) and returns
 * ready-to-run objects, or throws DynamoDB's {@link io.dynamo4j.error.ValidationException} for the
 * first problem in DynamoDB's order:
 *
 * <ul>
 *   <li>{@link io.dynamo4j.engine.expr.Condition}: a condition or filter, tested against an item;
 *   <li>{@link io.dynamo4j.engine.expr.Update}: computes the new item and what UPDATED_OLD and
 *       UPDATED_NEW return;
 *   <li>{@link io.dynamo4j.engine.expr.Projection}: the part of an item a read returns;
 *   <li>{@link io.dynamo4j.engine.expr.KeyCondition}: checked against a
 *       {@link io.dynamo4j.engine.expr.KeySchema}, gives the {@link io.dynamo4j.engine.expr.KeyQuery}
 *       (partition and sort key range) a Query reads.
 * </ul>
 *
 * <p>Inside, in three phases: a lexer and a hand-written recursive-descent parser produce an
 * immutable AST (sealed records, each node with its position), cached by expression text; a resolver
 * substitutes {@code #name} and {@code :value} placeholders per request and applies DynamoDB's
 * semantic rules; an evaluator, an update applier and a projector run the result. All messages are
 * built in one class, {@code Errors}; their texts were read from DynamoDB Local 2.6.1 and, where
 * public evidence shows the real service differs, follow the real service.
 */
package io.dynamo4j.engine.expr;
