package io.dynamo4j.engine.op;

import io.dynamo4j.api.DescribeContinuousBackupsRequest;
import io.dynamo4j.api.DescribeContinuousBackupsResponse;
import io.dynamo4j.engine.table.Table;

/**
 * DynamoDB's DescribeContinuousBackups: continuous backups are ENABLED for every table (as the
 * service settles to); point-in-time recovery's status, period and restorable window.
 *
 * <p>Thread-safe; takes no lock.
 */
final class DescribeContinuousBackupsOperation {

  private final EngineContext context;

  DescribeContinuousBackupsOperation(EngineContext context) {
    this.context = context;
  }

  DescribeContinuousBackupsResponse execute(DescribeContinuousBackupsRequest r) {
    RequestConstraints.check(r);
    Table table = BackupTables.find(context, r.tableName());
    return new DescribeContinuousBackupsResponse(context.pointInTimeRecovery().describe(table, context.now()));
  }
}
