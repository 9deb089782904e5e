package io.dynamo4j.engine.op;

import io.dynamo4j.api.TableStatus;
import io.dynamo4j.api.UpdateTimeToLiveRequest;
import io.dynamo4j.api.UpdateTimeToLiveResponse;
import io.dynamo4j.engine.table.Table;

/**
 * DynamoDB's UpdateTimeToLive: enables or disables TTL on one attribute of a table (see
 * {@link io.dynamo4j.engine.ttl.TimeToLive}); refused while the table is being created.
 *
 * <p>Thread-safe: changes of one table's setting are serialised on the table.
 */
final class UpdateTimeToLiveOperation {

  private final EngineContext context;

  UpdateTimeToLiveOperation(EngineContext context) {
    this.context = context;
  }

  UpdateTimeToLiveResponse execute(UpdateTimeToLiveRequest request) {
    RequestConstraints.check(request);
    Table table = TableLookup.find(context, request.tableName());
    TableStatus status = table.status(context.now());
    if (status == TableStatus.CREATING) {
      throw Errors.tableInUse(table.definition().name(), status);
    }
    return new UpdateTimeToLiveResponse(context.timeToLive().update(table, request.timeToLiveSpecification(), context.now()));
  }
}
