package io.dynamo4j.engine.tck.pitr;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dynamo4j.api.PointInTimeRecoverySpecification;
import io.dynamo4j.engine.LocalEngine;
import io.dynamo4j.engine.tck.EngineTest;
import io.dynamo4j.error.DynamoException;
import io.dynamo4j.error.PointInTimeRecoveryUnavailableException;
import io.dynamo4j.error.TableAlreadyExistsException;
import io.dynamo4j.error.TableNotFoundException;
import io.dynamo4j.error.ValidationException;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Invalid point-in-time recovery requests, one per row: the exception type and DynamoDB's exact
 * message, in DynamoDB's order (request shape, source table, recovery on, time, target). Fixture:
 * {@code WithPitr} (recovery on) and {@code NoPitr}.
 */
class PointInTimeRecoveryErrorsTest extends EngineTest {

  private static final Instant AT = Instant.parse("2026-01-01T00:00:00Z");

  @BeforeEach
  void createFixtures() {
    createSimpleTable("WithPitr", false);
    createSimpleTable("NoPitr", false);
    engine.updateContinuousBackups(u -> u.tableName("WithPitr")
        .pointInTimeRecoverySpecification(new PointInTimeRecoverySpecification(true, null)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void request_invalid_failsWithDynamoDbsErrorAndMessage(String name, Consumer<LocalEngine> call,
      Class<? extends DynamoException> type, String message) {
    assertThatThrownBy(() -> call.accept(engine)).isInstanceOf(type).hasMessage(message);
  }

  private static Arguments row(String name, Consumer<LocalEngine> call, Class<? extends DynamoException> type, String message) {
    return Arguments.of(name, call, type, message);
  }

  static Stream<Arguments> cases() {
    String arn = "arn:aws:dynamodb:us-east-1:000000000000:table/WithPitr";
    return Stream.of(
        row("both sources", e -> e.restoreTableToPointInTime(r -> r.sourceTableName("WithPitr").sourceTableArn(arn)
            .targetTableName("New").useLatestRestorableTime(true)),
            ValidationException.class, "Must provide exactly one of: sourceTableArn, sourceTableName"),
        row("no source", e -> e.restoreTableToPointInTime(r -> r.targetTableName("New").useLatestRestorableTime(true)),
            ValidationException.class, "The parameter 'TableName' is required"),
        row("source ARN not an ARN", e -> e.restoreTableToPointInTime(r -> r.sourceTableArn("WithPitr").targetTableName("New")
            .useLatestRestorableTime(true)),
            ValidationException.class, "sourceTableArn is not a valid ARN"),
        row("both times", e -> e.restoreTableToPointInTime(r -> r.sourceTableName("WithPitr").targetTableName("New")
            .useLatestRestorableTime(true).restoreDateTime(AT)),
            ValidationException.class, "Invalid Request: Both RestoreDateTime and UseLatestRestorableTime cannot be set for "
                + "point-in-time restore request. Please specify either RestoreDateTime time or UseLatestRestorableTime"),
        row("no time", e -> e.restoreTableToPointInTime(r -> r.sourceTableName("WithPitr").targetTableName("New")),
            ValidationException.class, "Invalid Request: Either one of RestoreDateTime or UseLatestRestorableTime must be "
                + "specified, but not both"),
        row("UseLatestRestorableTime false", e -> e.restoreTableToPointInTime(r -> r.sourceTableName("WithPitr").targetTableName("New")
            .useLatestRestorableTime(false)),
            ValidationException.class, "Invalid Request: Either one of RestoreDateTime or UseLatestRestorableTime must be "
                + "specified, but not both"),
        row("missing source, existing target", e -> e.restoreTableToPointInTime(r -> r.sourceTableName("Missing")
            .targetTableName("NoPitr").useLatestRestorableTime(true)),
            TableNotFoundException.class, "Table not found: Missing"),
        row("recovery off, existing target", e -> e.restoreTableToPointInTime(r -> r.sourceTableName("NoPitr")
            .targetTableName("WithPitr").useLatestRestorableTime(true)),
            PointInTimeRecoveryUnavailableException.class, "Point in time recovery is not enabled for table 'NoPitr'"),
        row("target exists", e -> e.restoreTableToPointInTime(r -> r.sourceTableName("WithPitr").targetTableName("NoPitr")
            .useLatestRestorableTime(true)),
            TableAlreadyExistsException.class, "Table already exists: NoPitr"),
        row("target is the source", e -> e.restoreTableToPointInTime(r -> r.sourceTableName("WithPitr").targetTableName("WithPitr")
            .useLatestRestorableTime(true)),
            TableAlreadyExistsException.class, "Table already exists: WithPitr"),
        row("bad target name", e -> e.restoreTableToPointInTime(r -> r.sourceTableName("WithPitr").targetTableName("no way")
            .useLatestRestorableTime(true)),
            ValidationException.class, "1 validation error detected: Value 'no way' at 'targetTableName' failed to satisfy "
                + "constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+"),
        row("disable with a period", e -> e.updateContinuousBackups(u -> u.tableName("WithPitr")
            .pointInTimeRecoverySpecification(new PointInTimeRecoverySpecification(false, 7))),
            ValidationException.class, "Invalid Request: Cannot specify RecoveryPeriodInDays when disabling point-in-time recovery."),
        row("period 36", e -> e.updateContinuousBackups(u -> u.tableName("WithPitr")
            .pointInTimeRecoverySpecification(new PointInTimeRecoverySpecification(true, 36))),
            ValidationException.class, "1 validation error detected: Value '36' at 'pointInTimeRecoverySpecification.recoveryPeriodInDays' "
                + "failed to satisfy constraint: Member must have value less than or equal to 35"),
        row("period 0", e -> e.updateContinuousBackups(u -> u.tableName("WithPitr")
            .pointInTimeRecoverySpecification(new PointInTimeRecoverySpecification(true, 0))),
            ValidationException.class, "1 validation error detected: Value '0' at 'pointInTimeRecoverySpecification.recoveryPeriodInDays' "
                + "failed to satisfy constraint: Member must have value greater than or equal to 1"),
        row("update missing table", e -> e.updateContinuousBackups(u -> u.tableName("Missing")
            .pointInTimeRecoverySpecification(new PointInTimeRecoverySpecification(true, null))),
            TableNotFoundException.class, "Table not found: Missing"),
        row("describe missing table", e -> e.describeContinuousBackups(d -> d.tableName("Missing")),
            TableNotFoundException.class, "Table not found: Missing"),
        row("update without specification", e -> e.updateContinuousBackups(u -> u.tableName("WithPitr")),
            ValidationException.class, "1 validation error detected: Value null at 'pointInTimeRecoverySpecification' failed to "
                + "satisfy constraint: Member must not be null"));
  }
}
