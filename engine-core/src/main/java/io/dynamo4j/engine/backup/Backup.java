package io.dynamo4j.engine.backup;

import io.dynamo4j.api.BackupType;
import java.time.Instant;

/**
 * One on-demand (USER) or SYSTEM backup: what DescribeBackup and ListBackups show about it, and the
 * {@link TableSnapshot} a restore reads.
 *
 * <p>Immutable and thread-safe.
 *
 * @param arn the backup's ARN: {@code <table ARN>/backup/<14-digit epoch millis>-<8 hex digits>}
 * @param name the name it was created with (not unique)
 * @param type USER, or SYSTEM for the backup DynamoDB takes of a deleted table with point-in-time recovery
 * @param created when it was created
 * @param expires when a SYSTEM backup goes away, or null
 * @param snapshot the table's copy
 */
public record Backup(String arn, String name, BackupType type, Instant created, Instant expires, TableSnapshot snapshot) {

  /** The backed-up table's name. */
  public String tableName() {
    return snapshot.definition().name();
  }
}
