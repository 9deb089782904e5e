package io.dynamo4j.engine.tck.backup;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dynamo4j.api.BillingMode;
import io.dynamo4j.api.GlobalSecondaryIndex;
import io.dynamo4j.api.KeySchemaElement;
import io.dynamo4j.api.OnDemandThroughput;
import io.dynamo4j.api.Projection;
import io.dynamo4j.api.ProvisionedThroughput;
import io.dynamo4j.engine.LocalEngine;
import io.dynamo4j.engine.tck.EngineTest;
import io.dynamo4j.error.BackupNotFoundException;
import io.dynamo4j.error.DynamoException;
import io.dynamo4j.error.TableAlreadyExistsException;
import io.dynamo4j.error.TableNotFoundException;
import io.dynamo4j.error.ValidationException;
import java.time.Instant;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Invalid backup requests, one per row: the exception type and DynamoDB's exact message. Fixture:
 * on-demand table {@code Plain} (pk S) with a backup.
 */
class BackupErrorsTest extends EngineTest {

  private static final String MISSING = "arn:aws:dynamodb:us-east-1:000000000000:table/Plain/backup/01767225600000-0badcafe";

  private String backupArn;

  @BeforeEach
  void createFixture() {
    createSimpleTable("Plain", false);
    backupArn = engine.createBackup(c -> c.tableName("Plain").backupName("fixture")).backupDetails().backupArn();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void request_invalid_failsWithDynamoDbsErrorAndMessage(String name, BiConsumer<LocalEngine, String> call,
      Class<? extends DynamoException> type, String message) {
    assertThatThrownBy(() -> call.accept(engine, backupArn)).isInstanceOf(type).hasMessage(message);
  }

  private static Arguments row(String name, BiConsumer<LocalEngine, String> call, Class<? extends DynamoException> type, String message) {
    return Arguments.of(name, call, type, message);
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        row("CreateBackup missing table", (e, b) -> e.createBackup(c -> c.tableName("Missing").backupName("x1x")),
            TableNotFoundException.class, "Table not found: Missing"),
        row("CreateBackup name too short", (e, b) -> e.createBackup(c -> c.tableName("Plain").backupName("ab")),
            ValidationException.class, "1 validation error detected: Value 'ab' at 'backupName' failed to satisfy constraint: "
                + "Member must have length greater than or equal to 3"),
        row("CreateBackup name with bad characters", (e, b) -> e.createBackup(c -> c.tableName("Plain").backupName("a b")),
            ValidationException.class, "1 validation error detected: Value 'a b' at 'backupName' failed to satisfy constraint: "
                + "Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+"),
        row("CreateBackup without name", (e, b) -> e.createBackup(c -> c.tableName("Plain")),
            ValidationException.class, "1 validation error detected: Value null at 'backupName' failed to satisfy constraint: "
                + "Member must not be null"),
        row("DescribeBackup table ARN", (e, b) -> e.describeBackup(d -> d.backupArn("arn:aws:dynamodb:us-east-1:000000000000:table/Plain")),
            ValidationException.class, "Invalid Backup ARN"),
        row("DescribeBackup unknown backup", (e, b) -> e.describeBackup(d -> d.backupArn(MISSING)),
            BackupNotFoundException.class, "Backup not found: " + MISSING),
        row("DescribeBackup ARN too short", (e, b) -> e.describeBackup(d -> d.backupArn("arn:aws:dynamodb")),
            ValidationException.class, "1 validation error detected: Value 'arn:aws:dynamodb' at 'backupArn' failed to satisfy "
                + "constraint: Member must have length greater than or equal to 37"),
        row("DeleteBackup unknown backup", (e, b) -> e.deleteBackup(d -> d.backupArn(MISSING)),
            BackupNotFoundException.class, "Backup not found: " + MISSING),
        row("ListBackups Limit 101", (e, b) -> e.listBackups(l -> l.limit(101)),
            ValidationException.class, "1 validation error detected: Value '101' at 'limit' failed to satisfy constraint: "
                + "Member must have value less than or equal to 100"),
        row("ListBackups inverted time range", (e, b) -> e.listBackups(l -> l.timeRangeLowerBound(Instant.ofEpochSecond(10))
            .timeRangeUpperBound(Instant.ofEpochSecond(5))),
            ValidationException.class, "Time range lower bound must be less than or equal to upper bound"),
        row("RestoreTableFromBackup target exists", (e, b) -> e.restoreTableFromBackup(r -> r.backupArn(b).targetTableName("Plain")),
            TableAlreadyExistsException.class, "Table already exists: Plain"),
        row("RestoreTableFromBackup unknown backup", (e, b) -> e.restoreTableFromBackup(r -> r.backupArn(MISSING).targetTableName("New")),
            BackupNotFoundException.class, "Backup not found: " + MISSING),
        row("RestoreTableFromBackup bad target name", (e, b) -> e.restoreTableFromBackup(r -> r.backupArn(b).targetTableName("bad name")),
            ValidationException.class, "1 validation error detected: Value 'bad name' at 'targetTableName' failed to satisfy "
                + "constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+"),
        row("RestoreTableFromBackup PROVISIONED without throughput",
            (e, b) -> e.restoreTableFromBackup(r -> r.backupArn(b).targetTableName("New").billingModeOverride(BillingMode.PROVISIONED)),
            ValidationException.class, "Must override ProvisionedThroughput if BillingMode is overridden to PROVISIONED"),
        row("RestoreTableFromBackup throughput on demand",
            (e, b) -> e.restoreTableFromBackup(r -> r.backupArn(b).targetTableName("New")
                .provisionedThroughputOverride(ProvisionedThroughput.of(1, 1))),
            ValidationException.class, "Cannot override ProvisionedThroughput unless BillingMode is PROVISIONED"),
        row("RestoreTableFromBackup on-demand limits on provisioned",
            (e, b) -> e.restoreTableFromBackup(r -> r.backupArn(b).targetTableName("New").billingModeOverride(BillingMode.PROVISIONED)
                .provisionedThroughputOverride(ProvisionedThroughput.of(1, 1)).onDemandThroughputOverride(new OnDemandThroughput(5L, 5L))),
            ValidationException.class, "Cannot override OnDemandThroughput unless BillingMode is PAY_PER_REQUEST"),
        row("RestoreTableFromBackup new index",
            (e, b) -> e.restoreTableFromBackup(r -> r.backupArn(b).targetTableName("New").globalSecondaryIndexOverride(List.of(
                GlobalSecondaryIndex.builder().indexName("idx").keySchema(KeySchemaElement.hash("pk")).projection(Projection.all()).build()))),
            ValidationException.class, "Index idx does not match a secondary index that existed in the source table and cannot be "
                + "created during the restore operation"));
  }
}
