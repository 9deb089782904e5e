package io.dynamo4j.engine.op;

import io.dynamo4j.api.TableStatus;
import io.dynamo4j.engine.table.Table;
import io.dynamo4j.error.ResourceNotFoundException;

/**
 * How the backup and point-in-time recovery operations find a table: by name or ARN, with their
 * TableNotFoundException (also for a table still being created, as DynamoDB answers).
 *
 * <p>Stateless and thread-safe.
 */
final class BackupTables {

  private BackupTables() {}

  static Table find(EngineContext context, String nameOrArn) {
    Table table;
    try {
      table = TableLookup.find(context, nameOrArn);
    } catch (ResourceNotFoundException e) {
      throw Errors.tableNotFoundForBackup(nameOrArn);
    }
    if (table.status(context.now()) == TableStatus.CREATING) {
      throw Errors.tableNotFoundForBackup(nameOrArn);
    }
    return table;
  }
}
