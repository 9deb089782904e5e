package io.dynamo4j.engine.op;

import io.dynamo4j.api.DescribeTableRequest;
import io.dynamo4j.api.DescribeTableResponse;
import io.dynamo4j.api.RestoreSummary;
import io.dynamo4j.api.TableDescription;
import io.dynamo4j.api.TableStatus;
import io.dynamo4j.engine.table.Table;

/**
 * DynamoDB's DescribeTable, by table name or ARN: the stored description with live item counts,
 * sizes and statuses computed at the engine clock's now; a restored table's RestoreSummary while
 * it is being created.
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
    TableDescription d = table.describe(context.now());
    if (d.restoreSummary() != null && d.tableStatus() != TableStatus.CREATING) {
      // DynamoDB shows a restored table's RestoreSummary only while the restore is in progress.
      d = d.toBuilder().restoreSummary((RestoreSummary) null).build();
    }
    return new DescribeTableResponse(d);
  }
}
