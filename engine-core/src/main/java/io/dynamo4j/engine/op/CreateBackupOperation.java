package io.dynamo4j.engine.op;

import io.dynamo4j.api.BackupStatus;
import io.dynamo4j.api.CreateBackupRequest;
import io.dynamo4j.api.CreateBackupResponse;
import io.dynamo4j.engine.backup.Backup;
import io.dynamo4j.engine.backup.Backups;
import io.dynamo4j.engine.table.Table;

/**
 * DynamoDB's CreateBackup: a consistent copy of the table (items, key, indexes, stream, TTL and
 * encryption settings), taken without blocking writers. The response says CREATING, as
 * DynamoDB's does; DescribeBackup says AVAILABLE from then on.
 *
 * <p>Thread-safe.
 */
final class CreateBackupOperation {

  private final EngineContext context;

  CreateBackupOperation(EngineContext context) {
    this.context = context;
  }

  CreateBackupResponse execute(CreateBackupRequest request) {
    RequestConstraints.check(request);
    Table table = BackupTables.find(context, request.tableName());
    Backup b = context.backups().create(table, request.backupName(), context.now());
    return new CreateBackupResponse(Backups.details(b, BackupStatus.CREATING));
  }
}
