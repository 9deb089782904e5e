package io.dynamo4j.engine.op;

import io.dynamo4j.api.DescribeTimeToLiveRequest;
import io.dynamo4j.api.DescribeTimeToLiveResponse;
import io.dynamo4j.api.TableStatus;
import io.dynamo4j.engine.table.Table;
import java.time.Instant;

/**
 * DynamoDB's DescribeTimeToLive: the table's TTL status and attribute (no attribute once disabled).
 *
 * <p>Thread-safe; takes no lock.
 */
final class DescribeTimeToLiveOperation {

  private final EngineContext context;

  DescribeTimeToLiveOperation(EngineContext context) {
    this.context = context;
  }

  DescribeTimeToLiveResponse execute(DescribeTimeToLiveRequest request) {
    RequestConstraints.check(request);
    Table table = TableLookup.find(context, request.tableName());
    Instant now = context.now();
    TableStatus status = table.status(now);
    if (status == TableStatus.CREATING || status == TableStatus.DELETING) {
      throw Errors.timeToLiveTableState(status);
    }
    return new DescribeTimeToLiveResponse(context.timeToLive().describe(table, now));
  }
}
