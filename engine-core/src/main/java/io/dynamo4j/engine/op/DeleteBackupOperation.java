package io.dynamo4j.engine.op;

import io.dynamo4j.api.BackupStatus;
import io.dynamo4j.api.DeleteBackupRequest;
import io.dynamo4j.api.DeleteBackupResponse;
import io.dynamo4j.engine.backup.Backups;

/**
 * DynamoDB's DeleteBackup: removes a USER backup (not one a restore is reading, not a SYSTEM
 * backup) and describes it as DELETED.
 *
 * <p>Thread-safe.
 */
final class DeleteBackupOperation {

  private final EngineContext context;

  DeleteBackupOperation(EngineContext context) {
    this.context = context;
  }

  DeleteBackupResponse execute(DeleteBackupRequest request) {
    RequestConstraints.check(request);
    return new DeleteBackupResponse(Backups.description(context.backups().delete(request.backupArn()), BackupStatus.DELETED));
  }
}
