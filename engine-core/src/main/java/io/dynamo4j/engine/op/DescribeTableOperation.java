package io.dynamo4j.engine.op;

import io.dynamo4j.api.DescribeTableRequest;
import io.dynamo4j.api.DescribeTableResponse;
import io.dynamo4j.engine.table.Table;

/** DynamoDB's DescribeTable. Thread-safe. */
final class DescribeTableOperation {

  private final EngineContext context;

  DescribeTableOperation(EngineContext context) {
    this.context = context;
  }

  DescribeTableResponse execute(DescribeTableRequest request) {
    RequestConstraints.check(request);
    Table table = context.catalog().get(request.tableName());
    if (table == null) {
      throw Errors.tableNotFound(request.tableName());
    }
    return new DescribeTableResponse(table.describe(context.now()));
  }
}
