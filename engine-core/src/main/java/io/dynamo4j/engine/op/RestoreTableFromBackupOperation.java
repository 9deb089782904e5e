package io.dynamo4j.engine.op;

import io.dynamo4j.api.RestoreSummary;
import io.dynamo4j.api.RestoreTableFromBackupRequest;
import io.dynamo4j.api.RestoreTableFromBackupResponse;
import io.dynamo4j.engine.backup.Backup;
import io.dynamo4j.engine.table.Table;
import java.time.Instant;

/**
 * DynamoDB's RestoreTableFromBackup: a new table with the backup's items and definition, and the
 * overrides DynamoDB allows (see {@link TableRestorer}). Checks in order: the backup ARN and the
 * backup, the overrides against what the backup recorded, the target name, the backup not feeding
 * another restore.
 *
 * <p>Thread-safe: the catalog admits one table per name.
 */
final class RestoreTableFromBackupOperation {

  private final EngineContext context;

  RestoreTableFromBackupOperation(EngineContext context) {
    this.context = context;
  }

  RestoreTableFromBackupResponse execute(RestoreTableFromBackupRequest r) {
    RequestConstraints.check(r);
    if (r.vectorIndexOverride() != null) {
      throw Errors.validation("One or more parameter values were invalid: VectorIndexOverride is not supported by dynamo4j");
    }
    Backup backup = context.backups().find(r.backupArn());
    TableRestorer.Plan plan = TableRestorer.plan(backup.snapshot().definition(), new TableRestorer.Overrides(r.billingModeOverride(),
        r.globalSecondaryIndexOverride(), r.localSecondaryIndexOverride(), r.provisionedThroughputOverride(),
        r.onDemandThroughputOverride(), r.sseSpecificationOverride()));
    TableRestorer.checkTarget(context, r.targetTableName());
    if (context.backups().inUse(backup.arn())) {
      throw Errors.backupInUseByOtherRestore(backup.arn());
    }
    Instant now = context.now();
    RestoreSummary summary = new RestoreSummary(backup.arn(), backup.snapshot().definition().arn(), backup.created(), true);
    Table table = TableRestorer.restore(context, plan, backup.snapshot(), r.targetTableName(), summary, now);
    context.backups().restoring(backup.arn(), table);
    return new RestoreTableFromBackupResponse(TableRestorer.described(context, table));
  }
}
