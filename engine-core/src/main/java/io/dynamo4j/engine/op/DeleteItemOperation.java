package io.dynamo4j.engine.op;

import io.dynamo4j.api.DeleteItemRequest;
import io.dynamo4j.api.DeleteItemResponse;
import io.dynamo4j.api.ReturnValue;
import io.dynamo4j.api.ReturnValuesOnConditionCheckFailure;
import io.dynamo4j.engine.expr.Condition;
import io.dynamo4j.engine.expr.ExpressionSet;
import io.dynamo4j.engine.table.Table;
import io.dynamo4j.engine.table.TableDefinition;
import io.dynamo4j.model.Item;

/**
 * DynamoDB's DeleteItem: under the key's lock the condition is tested against the current item,
 * which is then removed with its index entries. Deleting an absent item succeeds, changes nothing
 * and consumes one write unit.
 *
 * <p>Thread-safe.
 */
final class DeleteItemOperation {

  private final EngineContext context;

  DeleteItemOperation(EngineContext context) {
    this.context = context;
  }

  DeleteItemResponse execute(DeleteItemRequest request) {
    RequestConstraints.check(request);
    ExpressionSet expressions = DeleteItemValidator.validate(request);
    Table table = context.dataTable(request.tableName());
    TableDefinition definition = table.definition();
    byte[] key = Keys.keyParameter(definition, request.key());
    Condition condition = expressions == null ? null : expressions.condition();
    boolean oldOnFailure = request.returnValuesOnConditionCheckFailure() == ReturnValuesOnConditionCheckFailure.ALL_OLD;
    ItemWriter.Result result = context.writer().write(table, definition, key, current -> {
      if (condition != null && !condition.test(current)) {
        throw Errors.conditionalCheckFailed(oldOnFailure ? current : null);
      }
      return null;
    });
    Item attributes = request.returnValues() == ReturnValue.ALL_OLD ? result.oldItem() : null;
    return new DeleteItemResponse(attributes, ItemCapacity.ofWrite(request.returnConsumedCapacity(), definition.name(), result),
        CollectionMetrics.of(request.returnItemCollectionMetrics(), definition, request.key(), result.collectionBytes()));
  }
}
