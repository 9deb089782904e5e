package io.dynamo4j.engine.op;

import io.dynamo4j.api.BackupStatus;
import io.dynamo4j.api.DescribeBackupRequest;
import io.dynamo4j.api.DescribeBackupResponse;
import io.dynamo4j.engine.backup.Backups;

/**
 * DynamoDB's DescribeBackup: the backup's details and what it recorded of its table.
 *
 * <p>Thread-safe; takes no lock.
 */
final class DescribeBackupOperation {

  private final EngineContext context;

  DescribeBackupOperation(EngineContext context) {
    this.context = context;
  }

  DescribeBackupResponse execute(DescribeBackupRequest request) {
    RequestConstraints.check(request);
    return new DescribeBackupResponse(Backups.description(context.backups().find(request.backupArn()), BackupStatus.AVAILABLE));
  }
}
