package io.dynamo4j.engine.op;

import io.dynamo4j.api.QueryRequest;
import io.dynamo4j.api.QueryResponse;
import io.dynamo4j.engine.table.Table;
import io.dynamo4j.engine.table.TableDefinition;

/**
 * DynamoDB's Query: one partition of a table or index, in sort key order (or reversed), one page
 * at a time (see {@link PageReader}). Thread-safe; takes no lock.
 */
final class QueryOperation {

  private final EngineContext context;

  QueryOperation(EngineContext context) {
    this.context = context;
  }

  QueryResponse execute(QueryRequest request) {
    RequestConstraints.check(request);
    Table table = context.dataTable(request.tableName());
    TableDefinition definition = table.definition();
    PageReader.Page page = ReadThrottle.read(context, QueryValidator.validate(context, request, table, definition), true);
    return new QueryResponse(page.items(), page.count(), page.scannedCount(), page.lastEvaluatedKey(),
        page.consumedCapacity(request.returnConsumedCapacity()));
  }
}
