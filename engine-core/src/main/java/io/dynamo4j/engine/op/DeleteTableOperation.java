package io.dynamo4j.engine.op;

import io.dynamo4j.api.DeleteTableRequest;
import io.dynamo4j.api.DeleteTableResponse;
import io.dynamo4j.api.TableDescription;
import io.dynamo4j.api.TableStatus;
import io.dynamo4j.engine.table.Table;
import java.time.Duration;
import java.time.Instant;

/**
 * DynamoDB's DeleteTable: refused while deletion protection is on or the table is being created or
 * deleted; otherwise the table turns DELETING (data-plane requests no longer find it) and is gone,
 * its keyspaces dropped, at once or after {@link io.dynamo4j.engine.EngineConfig#statusDelay()}.
 *
 * <p>The response describes the table as DynamoDB's does: status DELETING, without key schema,
 * attribute definitions, creation time or indexes.
 *
 * <p>A table being created or updated cannot be deleted (ResourceInUseException); deleting a table
 * that is already DELETING succeeds and changes nothing.
 *
 * <p>Thread-safe: control-plane changes of one table are serialised on the table.
 */
final class DeleteTableOperation {

  private final EngineContext context;

  DeleteTableOperation(EngineContext context) {
    this.context = context;
  }

  DeleteTableResponse execute(DeleteTableRequest request) {
    RequestConstraints.check(request);
    Table table = TableLookup.find(context, request.tableName());
    TableDescription before;
    synchronized (table) {
      Instant now = context.now();
      if (table.isGone(now) || context.catalog().get(table.definition().name()) != table) {
        throw Errors.tableNotFound(request.tableName());
      }
      TableStatus status = table.status(now);
      if (status == TableStatus.CREATING || status == TableStatus.UPDATING) {
        throw Errors.tableInUse(table.definition().name(), status);
      }
      before = table.describe(now);
      if (status == TableStatus.DELETING) {
        return response(before); // DynamoDB: deleting a DELETING table is no error
      }
      if (Boolean.TRUE.equals(table.definition().description().deletionProtectionEnabled())) {
        throw Errors.deletionProtected();
      }
      Duration delay = context.config().statusDelay();
      deleted(table, now);
      table.define(table.definition().withStatus(TableStatus.DELETING, delay.isZero() ? null : now.plus(delay)));
      if (delay.isZero()) {
        TableLookup.forget(context, table);
      }
    }
    return response(before);
  }

  /**
   * What the table's time-driven features do when it is deleted: its stream closes and stays
   * readable for 24 hours; with point-in-time recovery on, DynamoDB keeps a SYSTEM backup of it for
   * 35 days; TTL and the journal forget it.
   */
  private void deleted(Table table, Instant now) {
    context.streams().disable(table, now);
    if (context.pointInTimeRecovery().isEnabled(table)) {
      context.backups().createSystem(table, now);
    }
    context.pointInTimeRecovery().forget(table);
    context.timeToLive().forget(table);
    context.feed().forget(table);
  }

  private static DeleteTableResponse response(TableDescription before) {
    return new DeleteTableResponse(TableDescription.builder()
        .tableName(before.tableName())
        .tableStatus(TableStatus.DELETING)
        .provisionedThroughput(before.provisionedThroughput())
        .tableSizeBytes(before.tableSizeBytes())
        .itemCount(before.itemCount())
        .tableArn(before.tableArn())
        .tableId(before.tableId())
        .billingModeSummary(before.billingModeSummary())
        .sseDescription(before.sseDescription())
        .tableClassSummary(before.tableClassSummary())
        .deletionProtectionEnabled(before.deletionProtectionEnabled())
        .onDemandThroughput(before.onDemandThroughput())
        .build());
  }
}
