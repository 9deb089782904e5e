package io.dynamo4j.engine.op;

import io.dynamo4j.api.PutItemRequest;
import io.dynamo4j.api.PutItemResponse;
import io.dynamo4j.engine.table.Table;
import io.dynamo4j.engine.table.TableDefinition;

/** DynamoDB's PutItem. Thread-safe. */
final class PutItemOperation {

  private final EngineContext context;

  PutItemOperation(EngineContext context) {
    this.context = context;
  }

  PutItemResponse execute(PutItemRequest request) {
    RequestConstraints.check(request);
    Table table = context.dataTable(request.tableName());
    TableDefinition definition = table.definition();
    byte[] key = Keys.itemKey(definition, request.item());
    context.writer().write(table, definition, key, current -> request.item());
    return PutItemResponse.builder().build();
  }
}
