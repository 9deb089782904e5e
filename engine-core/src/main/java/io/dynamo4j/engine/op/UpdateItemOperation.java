package io.dynamo4j.engine.op;

import io.dynamo4j.api.ReturnValue;
import io.dynamo4j.api.ReturnValuesOnConditionCheckFailure;
import io.dynamo4j.api.UpdateItemRequest;
import io.dynamo4j.api.UpdateItemResponse;
import io.dynamo4j.engine.expr.Condition;
import io.dynamo4j.engine.expr.ExpressionSet;
import io.dynamo4j.engine.expr.Update;
import io.dynamo4j.engine.table.Table;
import io.dynamo4j.engine.table.TableDefinition;
import io.dynamo4j.model.Item;

/**
 * DynamoDB's UpdateItem. After the checks that need only the request and the table (the key; no
 * write to a key attribute; the declared types of index keys; no write inside an index key), the
 * pure step under the key's lock tests the condition against the current item, applies the update
 * to it (or to an item of just the key when there is none), and checks the result: its size and the
 * index keys the update wrote.
 *
 * <p>An update without actions creates the item from its key if it is absent. An update made only
 * of REMOVE and DELETE actions creates nothing. An update that leaves the item as it was writes
 * nothing but consumes capacity like any update.
 *
 * <p>Thread-safe.
 */
final class UpdateItemOperation {

  private final EngineContext context;

  UpdateItemOperation(EngineContext context) {
    this.context = context;
  }

  UpdateItemResponse execute(UpdateItemRequest request) {
    RequestConstraints.check(request);
    ExpressionSet expressions = UpdateItemValidator.validate(request);
    Table table = context.dataTable(request.tableName());
    TableDefinition definition = table.definition();
    Item keyItem = request.key();
    byte[] key = Keys.keyParameter(definition, keyItem);
    Update update = expressions == null ? null : expressions.update();
    if (update != null) {
      ItemValidator.checkUpdate(definition, update);
    }
    Condition condition = expressions == null ? null : expressions.condition();
    boolean oldOnFailure = request.returnValuesOnConditionCheckFailure() == ReturnValuesOnConditionCheckFailure.ALL_OLD;
    ItemWriter.Result result = context.writer().write(table, definition, key, current -> {
      if (condition != null && !condition.test(current)) {
        throw Errors.conditionalCheckFailed(oldOnFailure ? current : null);
      }
      if (update == null) {
        return current != null ? ItemWriter.UNCHANGED : keyItem;
      }
      if (current == null && update.onlyRemoves()) {
        return null;
      }
      Item next = update.apply(current != null ? current : keyItem);
      if (next.sizeInBytes() > ItemValidator.MAX_ITEM_BYTES) {
        throw Errors.updatedItemTooLarge();
      }
      ItemValidator.checkUpdatedIndexKeys(definition, update, next);
      return next.equals(current) ? ItemWriter.UNCHANGED : next;
    });
    Item attributes = attributes(request.returnValues(), update, result);
    return new UpdateItemResponse(attributes, ItemCapacity.ofWrite(request.returnConsumedCapacity(), definition.name(), result),
        CollectionMetrics.of(request.returnItemCollectionMetrics(), definition, keyItem, result.collectionBytes()));
  }

  /** What ReturnValues asks for; null (no Attributes) when that is nothing. */
  private static Item attributes(ReturnValue returnValues, Update update, ItemWriter.Result result) {
    if (returnValues == null) {
      return null;
    }
    Item attributes = switch (returnValues) {
      case NONE -> null;
      case ALL_OLD -> result.oldItem();
      case ALL_NEW -> result.newItem();
      case UPDATED_OLD -> update == null ? null : update.updatedAttributes(result.oldItem());
      case UPDATED_NEW -> update == null ? null : update.updatedAttributes(result.newItem());
    };
    return attributes == null || attributes.isEmpty() ? null : attributes;
  }
}
