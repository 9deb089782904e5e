package io.dynamo4j.engine.op;

import io.dynamo4j.api.ConsumedCapacity;
import io.dynamo4j.api.GetItemRequest;
import io.dynamo4j.api.GetItemResponse;
import io.dynamo4j.engine.expr.Projection;
import io.dynamo4j.engine.table.Table;
import io.dynamo4j.engine.table.TableDefinition;
import io.dynamo4j.model.Item;

/**
 * DynamoDB's GetItem: one read of the stored item, projected when asked. Every read here sees the
 * latest committed item, so ConsistentRead changes only the capacity consumed.
 *
 * <p>Thread-safe; takes no lock.
 */
final class GetItemOperation {

  private final EngineContext context;

  GetItemOperation(EngineContext context) {
    this.context = context;
  }

  GetItemResponse execute(GetItemRequest request) {
    RequestConstraints.check(request);
    Projection projection = GetItemValidator.validate(request);
    Table table = context.dataTable(request.tableName());
    TableDefinition definition = table.definition();
    byte[] key = Keys.keyParameter(definition, request.key());
    Item item = table.base().get(key);
    ConsumedCapacity consumed = ItemCapacity.ofRead(request.returnConsumedCapacity(), definition.name(), item,
        Boolean.TRUE.equals(request.consistentRead()));
    return new GetItemResponse(projection == null || item == null ? item : projection.apply(item), consumed);
  }
}
