package io.dynamo4j.engine.op;

import io.dynamo4j.api.RestoreSummary;
import io.dynamo4j.api.RestoreTableToPointInTimeRequest;
import io.dynamo4j.api.RestoreTableToPointInTimeResponse;
import io.dynamo4j.engine.backup.PointInTimeRecovery;
import io.dynamo4j.engine.backup.TableSnapshot;
import io.dynamo4j.engine.table.Table;
import java.time.Instant;
import java.util.regex.Pattern;

/**
 * DynamoDB's RestoreTableToPointInTime: a new table holding exactly the source's items as of
 * RestoreDateTime (every write committed at or before it, none after), or as of
 * LatestRestorableDateTime; with the source's current definition and the overrides DynamoDB
 * allows (see {@link TableRestorer}).
 *
 * <p>Checks in DynamoDB's order: the request's shape (exactly one source, exactly one time), the
 * source table, point-in-time recovery on, the time in the restorable window, the target name,
 * the overrides.
 *
 * <p>Thread-safe.
 */
final class RestoreTableToPointInTimeOperation {

  private static final Pattern TABLE_ARN = Pattern.compile("arn:aws[a-z-]*:dynamodb:[a-z0-9-]+:[0-9]{12}:table/[a-zA-Z0-9_.-]{3,255}");

  private final EngineContext context;

  RestoreTableToPointInTimeOperation(EngineContext context) {
    this.context = context;
  }

  RestoreTableToPointInTimeResponse execute(RestoreTableToPointInTimeRequest r) {
    RequestConstraints.check(r);
    if (r.sourceTableArn() != null && r.sourceTableName() != null) {
      throw Errors.restoreSourceBoth();
    }
    if (r.sourceTableArn() == null && r.sourceTableName() == null) {
      throw Errors.restoreSourceMissing();
    }
    if (r.sourceTableArn() != null && !TABLE_ARN.matcher(r.sourceTableArn()).matches()) {
      throw Errors.restoreSourceArnInvalid();
    }
    boolean latest = Boolean.TRUE.equals(r.useLatestRestorableTime());
    if (latest && r.restoreDateTime() != null) {
      throw Errors.restoreTimeBoth();
    }
    if (!latest && r.restoreDateTime() == null) {
      throw Errors.restoreTimeMissing();
    }
    if (r.vectorIndexOverride() != null) {
      throw Errors.validation("One or more parameter values were invalid: VectorIndexOverride is not supported by dynamo4j");
    }
    String source = r.sourceTableArn() != null ? r.sourceTableArn() : r.sourceTableName();
    Table table = BackupTables.find(context, source);
    PointInTimeRecovery pitr = context.pointInTimeRecovery();
    if (!pitr.isEnabled(table)) {
      throw Errors.pointInTimeRecoveryNotEnabled(table.definition().name());
    }
    Instant now = context.now();
    Instant earliest = pitr.earliest(table, now);
    Instant latestTime = pitr.latest(table, now);
    Instant at = latest ? latestTime : r.restoreDateTime();
    if (at.isBefore(earliest) || at.isAfter(latestTime)) {
      throw Errors.restoreTimeOutsideWindow(at, earliest, latestTime);
    }
    TableRestorer.checkTarget(context, r.targetTableName());
    TableRestorer.Plan plan = TableRestorer.plan(table.definition(), new TableRestorer.Overrides(r.billingModeOverride(),
        r.globalSecondaryIndexOverride(), r.localSecondaryIndexOverride(), r.provisionedThroughputOverride(),
        r.onDemandThroughputOverride(), r.sseSpecificationOverride()));
    TableSnapshot state = pitr.stateAt(table, at);
    RestoreSummary summary = new RestoreSummary(null, table.definition().arn(), at, true);
    Table restored = TableRestorer.restore(context, plan, state, r.targetTableName(), summary, now);
    return new RestoreTableToPointInTimeResponse(TableRestorer.described(context, restored));
  }
}
