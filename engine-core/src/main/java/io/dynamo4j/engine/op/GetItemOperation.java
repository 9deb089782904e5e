package io.dynamo4j.engine.op;

import io.dynamo4j.api.GetItemRequest;
import io.dynamo4j.api.GetItemResponse;
import io.dynamo4j.engine.table.Table;
import io.dynamo4j.engine.table.TableDefinition;
import io.dynamo4j.model.Item;

/** DynamoDB's GetItem. Thread-safe; takes no lock. */
final class GetItemOperation {

  private final EngineContext context;

  GetItemOperation(EngineContext context) {
    this.context = context;
  }

  GetItemResponse execute(GetItemRequest request) {
    RequestConstraints.check(request);
    Table table = context.dataTable(request.tableName());
    TableDefinition definition = table.definition();
    byte[] key = Keys.keyParameter(definition, request.key());
    Item item = table.base().get(key);
    return GetItemResponse.builder().item(item).build();
  }
}
