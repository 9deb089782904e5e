package io.dynamo4j.engine.op;

import io.dynamo4j.api.QueryRequest;
import io.dynamo4j.api.QueryResponse;
import io.dynamo4j.engine.expr.ExpressionInputs;
import io.dynamo4j.engine.expr.ExpressionSet;
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
    ExpressionSet expressions = ExpressionSet.compile(ExpressionInputs.of(request));
    PageReader.Page page = PageReader.read(QueryValidator.validate(context, request, table, definition, expressions));
    return new QueryResponse(page.items(), page.count(), page.scannedCount(), page.lastEvaluatedKey(),
        page.consumedCapacity(request.returnConsumedCapacity()));
  }
}
