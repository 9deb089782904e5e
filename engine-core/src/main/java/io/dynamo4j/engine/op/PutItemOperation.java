package io.dynamo4j.engine.op;

import io.dynamo4j.api.PutItemRequest;
import io.dynamo4j.api.PutItemResponse;
import io.dynamo4j.api.ReturnValue;
import io.dynamo4j.api.ReturnValuesOnConditionCheckFailure;
import io.dynamo4j.engine.expr.Condition;
import io.dynamo4j.engine.expr.ExpressionSet;
import io.dynamo4j.engine.table.Table;
import io.dynamo4j.engine.table.TableDefinition;
import io.dynamo4j.model.Item;

/**
 * DynamoDB's PutItem: validate ({@link PutItemValidator}, then the key and index keys against the
 * table), then write through {@link ItemWriter}: under the key's lock the condition is tested
 * against the current item and the item replaces it. Putting an item equal to the stored one
 * writes nothing (no index entry is touched) but consumes capacity like any put.
 *
 * <p>Thread-safe.
 */
final class PutItemOperation {

  private final EngineContext context;

  PutItemOperation(EngineContext context) {
    this.context = context;
  }

  PutItemResponse execute(PutItemRequest request) {
    RequestConstraints.check(request);
    ExpressionSet expressions = PutItemValidator.validate(request);
    Table table = context.dataTable(request.tableName());
    TableDefinition definition = table.definition();
    Item item = request.item();
    byte[] key = Keys.itemKey(definition, item);
    ItemValidator.checkIndexKeys(definition, item);
    Condition condition = expressions == null ? null : expressions.condition();
    boolean oldOnFailure = request.returnValuesOnConditionCheckFailure() == ReturnValuesOnConditionCheckFailure.ALL_OLD;
    ItemWriter.Result result = context.writer().write(table, definition, key, current -> {
      if (condition != null && !condition.test(current)) {
        throw Errors.conditionalCheckFailed(oldOnFailure ? current : null);
      }
      return item.equals(current) ? ItemWriter.UNCHANGED : item;
    });
    Item attributes = request.returnValues() == ReturnValue.ALL_OLD ? result.oldItem() : null;
    return new PutItemResponse(attributes, ItemCapacity.ofWrite(request.returnConsumedCapacity(), definition.name(), result),
        CollectionMetrics.of(request.returnItemCollectionMetrics(), definition, request.item(), result.collectionBytes()));
  }
}
