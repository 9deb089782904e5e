package io.dynamo4j.engine.op;

import io.dynamo4j.api.DescribeTableRequest;
import io.dynamo4j.api.DescribeTableResponse;
import io.dynamo4j.engine.table.Table;

/**
 * DynamoDB's DescribeTable, by table name or ARN: the stored description with live item counts,
 * sizes and statuses computed at the engine clock's now.
 *
 * <p>Thread-safe; takes no lock.
 */
final class DescribeTableOperation {

  private final EngineContext context;

  DescribeTableOperation(EngineContext context) {
    this.context = context;
  }

  DescribeTableResponse execute(DescribeTableRequest request) {
    RequestConstraints.check(request);
    Table table = TableLookup.find(context, request.tableName());
    return new DescribeTableResponse(table.describe(context.now()));
  }
}
