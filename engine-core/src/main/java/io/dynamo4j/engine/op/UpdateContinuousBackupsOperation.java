package io.dynamo4j.engine.op;

import io.dynamo4j.api.PointInTimeRecoverySpecification;
import io.dynamo4j.api.UpdateContinuousBackupsRequest;
import io.dynamo4j.api.UpdateContinuousBackupsResponse;
import io.dynamo4j.engine.table.Table;
import java.time.Instant;

/**
 * DynamoDB's UpdateContinuousBackups: turns point-in-time recovery on (with a recovery period of
 * 1 to 35 days, 35 by default) or off. Turning it on again only changes the period; turning it off
 * forgets the history.
 *
 * <p>Thread-safe: changes of one table are serialised on the table.
 */
final class UpdateContinuousBackupsOperation {

  private final EngineContext context;

  UpdateContinuousBackupsOperation(EngineContext context) {
    this.context = context;
  }

  UpdateContinuousBackupsResponse execute(UpdateContinuousBackupsRequest r) {
    RequestConstraints.check(r);
    PointInTimeRecoverySpecification spec = r.pointInTimeRecoverySpecification();
    if (!spec.pointInTimeRecoveryEnabled() && spec.recoveryPeriodInDays() != null) {
      throw Errors.recoveryPeriodWhenDisabling();
    }
    Table table = BackupTables.find(context, r.tableName());
    Instant now = context.now();
    context.pointInTimeRecovery().update(table, spec.pointInTimeRecoveryEnabled(), spec.recoveryPeriodInDays(), now);
    return new UpdateContinuousBackupsResponse(context.pointInTimeRecovery().describe(table, now));
  }
}
