package io.dynamo4j.engine.op;

import io.dynamo4j.api.BackupSummary;
import io.dynamo4j.api.BackupType;
import io.dynamo4j.api.BackupTypeFilter;
import io.dynamo4j.api.ListBackupsRequest;
import io.dynamo4j.api.ListBackupsResponse;
import io.dynamo4j.engine.backup.Backup;
import io.dynamo4j.engine.backup.Backups;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * DynamoDB's ListBackups: the backups of one table (by name, also of deleted tables) or all, of a
 * type (USER by default; SYSTEM, AWS_BACKUP or ALL), created in [TimeRangeLowerBound,
 * TimeRangeUpperBound), oldest first, at most Limit (100), after ExclusiveStartBackupArn (a pure
 * cursor: the position its creation time and ARN name, whether or not that backup still exists).
 *
 * <p>Thread-safe; takes no lock.
 */
final class ListBackupsOperation {

  private static final Comparator<Backup> ORDER = Comparator.comparing(Backup::created).thenComparing(Backup::arn);

  private final EngineContext context;

  ListBackupsOperation(EngineContext context) {
    this.context = context;
  }

  ListBackupsResponse execute(ListBackupsRequest r) {
    RequestConstraints.check(r);
    if (r.timeRangeLowerBound() != null && r.timeRangeUpperBound() != null
        && r.timeRangeLowerBound().isAfter(r.timeRangeUpperBound())) {
      throw Errors.backupTimeRange();
    }
    if (r.exclusiveStartBackupArn() != null && !Backups.isBackupArn(r.exclusiveStartBackupArn())) {
      throw Errors.invalidExclusiveStartBackupArn();
    }
    BackupTypeFilter type = r.backupType() == null ? BackupTypeFilter.USER : r.backupType();
    List<Backup> matching = new ArrayList<>();
    for (Backup b : context.backups().all()) {
      if (r.tableName() != null && !b.tableName().equals(r.tableName()) && !b.snapshot().definition().arn().equals(r.tableName())) {
        continue;
      }
      if (!(type == BackupTypeFilter.ALL || (type == BackupTypeFilter.USER && b.type() == BackupType.USER)
          || (type == BackupTypeFilter.SYSTEM && b.type() == BackupType.SYSTEM))) {
        continue;
      }
      if (r.timeRangeLowerBound() != null && b.created().isBefore(r.timeRangeLowerBound())) {
        continue;
      }
      if (r.timeRangeUpperBound() != null && !b.created().isBefore(r.timeRangeUpperBound())) {
        continue;
      }
      matching.add(b);
    }
    matching.sort(ORDER);
    int limit = r.limit() == null ? 100 : r.limit();
    List<BackupSummary> page = new ArrayList<>();
    String last = null;
    boolean more = false;
    for (Backup b : matching) {
      if (r.exclusiveStartBackupArn() != null && !after(b, r.exclusiveStartBackupArn())) {
        continue;
      }
      if (page.size() == limit) {
        more = true;
        break;
      }
      page.add(Backups.summary(b));
      last = b.arn();
    }
    return new ListBackupsResponse(page, more ? last : null);
  }

  /** Whether {@code b} comes after the backup (existing or not) that {@code arn} names. */
  private static boolean after(Backup b, String arn) {
    long millis = Backups.createdMillis(arn);
    int c = Long.compare(b.created().toEpochMilli(), millis);
    return c > 0 || (c == 0 && b.arn().compareTo(arn) > 0);
  }
}
