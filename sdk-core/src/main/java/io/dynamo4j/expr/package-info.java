/**
 * Typed builders for DynamoDB's expressions, so that no one writes {@code #n} or {@code :v} by
 * hand.
 *
 * <ul>
 *   <li>{@link io.dynamo4j.expr.AttributePath}: a document path, {@code AttributePath.parse("order.lines[0].sku")};
 *   <li>{@link io.dynamo4j.expr.ConditionExpression}: conditions and filters (comparisons,
 *       BETWEEN, IN, AND/OR/NOT and every function), over {@link io.dynamo4j.expr.Operand}s;
 *   <li>{@link io.dynamo4j.expr.UpdateExpression}: SET (with {@link io.dynamo4j.expr.SetValue}:
 *       {@code +}, {@code -}, {@code list_append}, {@code if_not_exists}), REMOVE, ADD, DELETE;
 *   <li>{@link io.dynamo4j.expr.KeyConditionExpression}: a Query's key condition, including
 *       multi-attribute keys;
 *   <li>{@link io.dynamo4j.expr.ProjectionExpression}: the attributes a read returns;
 *   <li>{@link io.dynamo4j.expr.Expressions}: renders the expressions of one request together,
 *       with one placeholder allocator, and applies them to request builders.
 * </ul>
 *
 * <pre>{@code
 * import static io.dynamo4j.expr.ConditionExpression.*;
 * import static io.dynamo4j.model.AttributeValue.*;
 *
 * AttributePath stock = AttributePath.of("stock");
 * Expressions e = Expressions.builder()
 *     .update(UpdateExpression.empty().set(stock, SetValue.minus(stock, n(1))))
 *     .condition(gt(stock, n(0)))
 *     .build();
 * // UpdateExpression "SET #n0 = #n0 - :v0", ConditionExpression "#n0 > :v1"
 * client.updateItem(e.applyTo(UpdateItemRequest.builder().tableName("Items").key(key)).build());
 * }</pre>
 *
 * <p>Builders are immutable ASTs, rendered late: nothing gets a placeholder until
 * {@link io.dynamo4j.expr.Expressions.Builder#build()}, so any builders combined in one request
 * share one set of placeholders and cannot collide. Hand-written fragments ({@code raw(...)}) mix
 * in; their placeholders are renamed where they clash. Every type here is immutable and
 * thread-safe except {@link io.dynamo4j.expr.Expressions.Builder}.
 */
package io.dynamo4j.expr;
