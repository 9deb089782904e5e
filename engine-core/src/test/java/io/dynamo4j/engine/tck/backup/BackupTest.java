package io.dynamo4j.engine.tck.backup;

import static io.dynamo4j.model.AttributeValue.n;
import static io.dynamo4j.model.AttributeValue.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dynamo4j.api.AttributeDefinition;
import io.dynamo4j.api.BackupDescription;
import io.dynamo4j.api.BackupDetails;
import io.dynamo4j.api.BackupStatus;
import io.dynamo4j.api.BackupSummary;
import io.dynamo4j.api.BackupType;
import io.dynamo4j.api.BackupTypeFilter;
import io.dynamo4j.api.BillingMode;
import io.dynamo4j.api.GlobalSecondaryIndex;
import io.dynamo4j.api.GlobalSecondaryIndexDescription;
import io.dynamo4j.api.GlobalSecondaryIndexInfo;
import io.dynamo4j.api.KeySchemaElement;
import io.dynamo4j.api.ListBackupsResponse;
import io.dynamo4j.api.LocalSecondaryIndex;
import io.dynamo4j.api.LocalSecondaryIndexInfo;
import io.dynamo4j.api.PointInTimeRecoverySpecification;
import io.dynamo4j.api.Projection;
import io.dynamo4j.api.ProvisionedThroughput;
import io.dynamo4j.api.RestoreSummary;
import io.dynamo4j.api.SSESpecification;
import io.dynamo4j.api.SourceTableDetails;
import io.dynamo4j.api.StreamSpecification;
import io.dynamo4j.api.StreamViewType;
import io.dynamo4j.api.TableDescription;
import io.dynamo4j.api.TableStatus;
import io.dynamo4j.api.Tag;
import io.dynamo4j.api.TimeToLiveDescription;
import io.dynamo4j.api.TimeToLiveSpecification;
import io.dynamo4j.api.TimeToLiveStatus;
import io.dynamo4j.engine.EngineConfig;
import io.dynamo4j.engine.LocalEngine;
import io.dynamo4j.engine.TestClock;
import io.dynamo4j.engine.tck.EngineTest;
import io.dynamo4j.engine.tck.Tck;
import io.dynamo4j.error.BackupInUseException;
import io.dynamo4j.error.BackupNotFoundException;
import io.dynamo4j.error.TableInUseException;
import io.dynamo4j.error.ValidationException;
import io.dynamo4j.model.Item;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * CreateBackup, DescribeBackup, ListBackups, DeleteBackup and RestoreTableFromBackup: what a backup
 * records, how backups are listed, deleted and restored (with the overrides DynamoDB allows), and
 * what a restored table keeps and drops.
 *
 * <p>Fixture: {@code Orders}, provisioned 5/5, key pk S + sk N, GSI {@code byStatus} (3/3, keys
 * only) and LSI {@code byTotal}, a stream, TTL on {@code exp}, KMS encryption, tags, deletion
 * protection, three items.
 */
class BackupTest extends EngineTest {

  private static final List<Item> ITEMS = List.of(
      Item.of("pk", s("a"), "sk", n(1), "status", s("open"), "total", n(10)),
      Item.of("pk", s("a"), "sk", n(2), "status", s("done"), "total", n(20)),
      Item.of("pk", s("b"), "sk", n(1), "total", n(5)));

  @BeforeEach
  void createTable() {
    engine.createTable(t -> t.tableName("Orders")
        .keySchema(KeySchemaElement.hash("pk"), KeySchemaElement.range("sk"))
        .attributeDefinitions(AttributeDefinition.string("pk"), AttributeDefinition.number("sk"),
            AttributeDefinition.string("status"), AttributeDefinition.number("total"))
        .provisionedThroughput(ProvisionedThroughput.of(5, 5))
        .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("byStatus").keySchema(KeySchemaElement.hash("status"))
            .projection(Projection.keysOnly()).provisionedThroughput(ProvisionedThroughput.of(3, 3)).build())
        .localSecondaryIndexes(LocalSecondaryIndex.builder().indexName("byTotal")
            .keySchema(KeySchemaElement.hash("pk"), KeySchemaElement.range("total")).projection(Projection.all()).build())
        .streamSpecification(new StreamSpecification(true, StreamViewType.NEW_IMAGE))
        .sseSpecification(SSESpecification.builder().enabled(true).build())
        .tags(new Tag("team", "billing"))
        .deletionProtectionEnabled(true));
    engine.updateTimeToLive(u -> u.tableName("Orders").timeToLiveSpecification(new TimeToLiveSpecification(true, "exp")));
    for (Item i : ITEMS) {
      engine.putItem(p -> p.tableName("Orders").item(i));
    }
  }

  private BackupDetails backup(String table, String name) {
    return engine.createBackup(c -> c.tableName(table).backupName(name)).backupDetails();
  }

  private List<Item> items(String table) {
    return engine.scan(sc -> sc.tableName(table).consistentRead(true)).items();
  }

  @Test
  void createBackup_recordsTheTableAndItsSettings_describeBackupShowsThem() {
    TableDescription source = engine.describeTable(d -> d.tableName("Orders")).table();
    BackupDetails created = backup("Orders", "nightly");
    assertThat(created.backupArn()).matches(source.tableArn().replace(".", "\\.") + "/backup/[0-9]{14}-[0-9a-f]{8}");
    assertThat(created.backupArn()).contains("/backup/0" + clock.instant().toEpochMilli() + "-");
    assertThat(created.backupName()).isEqualTo("nightly");
    assertThat(created.backupStatus()).isEqualTo(BackupStatus.CREATING);
    assertThat(created.backupType()).isEqualTo(BackupType.USER);
    assertThat(created.backupCreationDateTime()).isEqualTo(clock.instant());
    assertThat(created.backupExpiryDateTime()).isNull();
    assertThat(created.backupSizeBytes()).isEqualTo(source.tableSizeBytes());

    BackupDescription d = engine.describeBackup(b -> b.backupArn(created.backupArn())).backupDescription();
    assertThat(d.backupDetails()).isEqualTo(created.toBuilder().backupStatus(BackupStatus.AVAILABLE).build());
    SourceTableDetails table = d.sourceTableDetails();
    assertThat(table.tableName()).isEqualTo("Orders");
    assertThat(table.tableId()).isEqualTo(source.tableId());
    assertThat(table.tableArn()).isEqualTo(source.tableArn());
    assertThat(table.itemCount()).isEqualTo(3);
    assertThat(table.tableSizeBytes()).isEqualTo(source.tableSizeBytes());
    assertThat(table.keySchema()).isEqualTo(source.keySchema());
    assertThat(table.tableCreationDateTime()).isEqualTo(source.creationDateTime());
    assertThat(table.provisionedThroughput()).isEqualTo(ProvisionedThroughput.of(5, 5));
    assertThat(table.billingMode()).isEqualTo(BillingMode.PROVISIONED);
    assertThat(d.sourceTableFeatureDetails().globalSecondaryIndexes()).containsExactly(new GlobalSecondaryIndexInfo(
        "byStatus", List.of(KeySchemaElement.hash("status")), Projection.keysOnly(), ProvisionedThroughput.of(3, 3), null));
    assertThat(d.sourceTableFeatureDetails().localSecondaryIndexes()).containsExactly(new LocalSecondaryIndexInfo(
        "byTotal", List.of(KeySchemaElement.hash("pk"), KeySchemaElement.range("total")), Projection.all()));
    assertThat(d.sourceTableFeatureDetails().streamDescription())
        .isEqualTo(new StreamSpecification(true, StreamViewType.NEW_IMAGE));
    assertThat(d.sourceTableFeatureDetails().timeToLiveDescription())
        .isEqualTo(new TimeToLiveDescription(TimeToLiveStatus.ENABLED, "exp"));
    assertThat(d.sourceTableFeatureDetails().sseDescription()).isEqualTo(source.sseDescription());
  }

  @Test
  void restoreTableFromBackup_restoresTheItemsAndIndexes_dropsStreamTtlTagsAndProtection() {
    BackupDetails b = backup("Orders", "full");
    engine.putItem(p -> p.tableName("Orders").item(Item.of("pk", s("c"), "sk", n(1)))); // after the backup: not restored
    clock.advance(Duration.ofSeconds(3));
    TableDescription restored = engine.restoreTableFromBackup(r -> r.backupArn(b.backupArn()).targetTableName("Restored"))
        .tableDescription();
    assertThat(restored.tableStatus()).isEqualTo(TableStatus.ACTIVE);
    assertThat(restored.restoreSummary()).isEqualTo(new RestoreSummary(b.backupArn(),
        engine.describeTable(d -> d.tableName("Orders")).table().tableArn(), b.backupCreationDateTime(), false));
    assertThat(restored.itemCount()).isEqualTo(3);
    assertThat(restored.creationDateTime()).isEqualTo(clock.instant());
    assertThat(restored.streamSpecification()).isNull();
    assertThat(restored.latestStreamArn()).isNull();
    assertThat(restored.deletionProtectionEnabled()).isFalse();
    assertThat(restored.provisionedThroughput().readCapacityUnits()).isEqualTo(5);
    assertThat(restored.sseDescription()).isEqualTo(engine.describeTable(d -> d.tableName("Orders")).table().sseDescription());
    assertThat(restored.globalSecondaryIndexes()).extracting(GlobalSecondaryIndexDescription::indexName).containsExactly("byStatus");
    assertThat(restored.globalSecondaryIndexes().get(0).provisionedThroughput().readCapacityUnits()).isEqualTo(3);
    assertThat(restored.localSecondaryIndexes()).hasSize(1);

    assertThat(items("Restored")).containsExactlyInAnyOrderElementsOf(ITEMS);
    assertThat(engine.query(q -> q.tableName("Restored").indexName("byStatus").keyConditionExpression("#s = :s")
        .expressionAttributeNames(Map.of("#s", "status")).expressionAttributeValues(Map.of(":s", s("open")))).items())
        .containsExactly(Item.of("pk", s("a"), "sk", n(1), "status", s("open")));
    assertThat(engine.describeTimeToLive(d -> d.tableName("Restored")).timeToLiveDescription().timeToLiveStatus())
        .isEqualTo(TimeToLiveStatus.DISABLED);
    TableDescription arnOf = engine.describeTable(d -> d.tableName("Restored")).table();
    assertThat(engine.listTagsOfResource(l -> l.resourceArn(arnOf.tableArn())).tags()).isEmpty();
    assertThat(arnOf.restoreSummary()).as("DescribeTable shows RestoreSummary only while restoring").isNull();
    engine.deleteTable(d -> d.tableName("Restored")); // no deletion protection
  }

  @Test
  void restoreTableFromBackup_overrides_billingModeAndIndexes() {
    BackupDetails b = backup("Orders", "full");
    TableDescription onDemand = engine.restoreTableFromBackup(r -> r.backupArn(b.backupArn()).targetTableName("OnDemand")
        .billingModeOverride(BillingMode.PAY_PER_REQUEST).localSecondaryIndexOverride(List.of())
        .globalSecondaryIndexOverride(List.of(GlobalSecondaryIndex.builder().indexName("renamed")
            .keySchema(KeySchemaElement.hash("status")).projection(Projection.keysOnly()).build()))).tableDescription();
    assertThat(onDemand.billingModeSummary().billingMode()).isEqualTo(BillingMode.PAY_PER_REQUEST);
    assertThat(onDemand.provisionedThroughput().readCapacityUnits()).isZero();
    assertThat(onDemand.localSecondaryIndexes()).isNull();
    assertThat(onDemand.globalSecondaryIndexes()).extracting(GlobalSecondaryIndexDescription::indexName).containsExactly("renamed");
    assertThat(onDemand.globalSecondaryIndexes().get(0).provisionedThroughput().readCapacityUnits()).isZero();
    assertThat(onDemand.attributeDefinitions()).extracting(AttributeDefinition::attributeName).containsExactly("pk", "sk", "status");
    assertThat(items("OnDemand")).hasSize(3);

    TableDescription bigger = engine.restoreTableFromBackup(r -> r.backupArn(b.backupArn()).targetTableName("Bigger")
        .provisionedThroughputOverride(ProvisionedThroughput.of(50, 40))).tableDescription();
    assertThat(bigger.provisionedThroughput().readCapacityUnits()).isEqualTo(50);
    assertThat(bigger.provisionedThroughput().writeCapacityUnits()).isEqualTo(40);

    assertThatThrownBy(() -> engine.restoreTableFromBackup(r -> r.backupArn(b.backupArn()).targetTableName("NewIndex")
        .globalSecondaryIndexOverride(List.of(GlobalSecondaryIndex.builder().indexName("byTotal2")
            .keySchema(KeySchemaElement.hash("total")).projection(Projection.all()).provisionedThroughput(ProvisionedThroughput.of(1, 1))
            .build()))))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Index byTotal2 does not match a secondary index that existed in the source table and cannot be created during the "
            + "restore operation");
    assertThatThrownBy(() -> engine.restoreTableFromBackup(r -> r.backupArn(b.backupArn()).targetTableName("Mixed")
        .billingModeOverride(BillingMode.PAY_PER_REQUEST).provisionedThroughputOverride(ProvisionedThroughput.of(1, 1))))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Cannot override ProvisionedThroughput unless BillingMode is PROVISIONED");
  }

  @Test
  void restore_withStatusDelay_tableIsCreatingWithRestoreSummary_andTheBackupIsInUse() {
    TestClock slowClock = new TestClock();
    try (LocalEngine slow = Tck.provider().create(EngineConfig.builder().clock(slowClock).statusDelay(Duration.ofSeconds(10)).build())) {
      slow.createTable(t -> t.tableName("Src").billingMode(BillingMode.PAY_PER_REQUEST)
          .keySchema(KeySchemaElement.hash("pk")).attributeDefinitions(AttributeDefinition.string("pk")));
      slowClock.advance(Duration.ofSeconds(10));
      slow.putItem(p -> p.tableName("Src").item(Item.of("pk", s("x"))));
      String arn = slow.createBackup(c -> c.tableName("Src").backupName("bkp")).backupDetails().backupArn();
      TableDescription r = slow.restoreTableFromBackup(x -> x.backupArn(arn).targetTableName("Dst")).tableDescription();
      assertThat(r.tableStatus()).isEqualTo(TableStatus.CREATING);
      assertThat(r.restoreSummary().restoreInProgress()).isTrue();
      assertThat(slow.describeTable(d -> d.tableName("Dst")).table().restoreSummary().restoreInProgress()).isTrue();
      assertThatThrownBy(() -> slow.deleteBackup(d -> d.backupArn(arn))).isInstanceOf(BackupInUseException.class)
          .hasMessage("Backup is being used to restore table: " + arn);
      assertThatThrownBy(() -> slow.restoreTableFromBackup(x -> x.backupArn(arn).targetTableName("Dst2")))
          .isInstanceOf(BackupInUseException.class).hasMessage("Backup is being used to restore another table: " + arn);
      assertThatThrownBy(() -> slow.restoreTableFromBackup(x -> x.backupArn(arn).targetTableName("Dst")))
          .isInstanceOf(TableInUseException.class).hasMessage("Table: Dst is already being restored from backup: " + arn);
      slowClock.advance(Duration.ofSeconds(10));
      TableDescription active = slow.describeTable(d -> d.tableName("Dst")).table();
      assertThat(active.tableStatus()).isEqualTo(TableStatus.ACTIVE);
      assertThat(active.restoreSummary()).isNull();
      assertThat(slow.scan(sc -> sc.tableName("Dst")).items()).containsExactly(Item.of("pk", s("x")));
      slow.deleteBackup(d -> d.backupArn(arn));
    }
  }

  @Test
  void listBackups_filtersAndPages() {
    engine.updateTable(u -> u.tableName("Orders").deletionProtectionEnabled(false));
    createSimpleTable("Other", false);
    List<String> arns = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      arns.add(backup(i % 2 == 0 ? "Orders" : "Other", "bk" + i).backupArn());
      clock.advance(Duration.ofSeconds(1));
    }
    assertThat(engine.listBackups(l -> {}).backupSummaries()).extracting(BackupSummary::backupArn).containsExactlyElementsOf(arns);
    assertThat(engine.listBackups(l -> l.tableName("Other")).backupSummaries()).extracting(BackupSummary::backupName)
        .containsExactly("bk1", "bk3");
    Instant second = Instant.parse("2026-01-01T00:00:01Z");
    Instant fourth = Instant.parse("2026-01-01T00:00:03Z");
    assertThat(engine.listBackups(l -> l.timeRangeLowerBound(second).timeRangeUpperBound(fourth)).backupSummaries())
        .extracting(BackupSummary::backupName).as("[lower, upper)").containsExactly("bk1", "bk2");

    ListBackupsResponse page1 = engine.listBackups(l -> l.limit(2));
    assertThat(page1.backupSummaries()).extracting(BackupSummary::backupName).containsExactly("bk0", "bk1");
    assertThat(page1.lastEvaluatedBackupArn()).isEqualTo(arns.get(1));
    engine.deleteBackup(d -> d.backupArn(arns.get(1))); // a deleted backup's ARN is still a cursor
    ListBackupsResponse page2 = engine.listBackups(l -> l.limit(2).exclusiveStartBackupArn(page1.lastEvaluatedBackupArn()));
    assertThat(page2.backupSummaries()).extracting(BackupSummary::backupName).containsExactly("bk2", "bk3");
    ListBackupsResponse page3 = engine.listBackups(l -> l.limit(2).exclusiveStartBackupArn(page2.lastEvaluatedBackupArn()));
    assertThat(page3.backupSummaries()).extracting(BackupSummary::backupName).containsExactly("bk4");
    assertThat(page3.lastEvaluatedBackupArn()).isNull();

    // Deleting a table with point-in-time recovery leaves a SYSTEM backup, listed only when asked for.
    engine.updateContinuousBackups(u -> u.tableName("Orders")
        .pointInTimeRecoverySpecification(new PointInTimeRecoverySpecification(true, null)));
    engine.deleteTable(d -> d.tableName("Orders"));
    assertThat(engine.listBackups(l -> l.tableName("Orders")).backupSummaries()).extracting(BackupSummary::backupName)
        .containsExactly("bk0", "bk2", "bk4");
    List<BackupSummary> system = engine.listBackups(l -> l.backupType(BackupTypeFilter.SYSTEM)).backupSummaries();
    assertThat(system).hasSize(1);
    BackupSummary s = system.get(0);
    assertThat(s.backupName()).isEqualTo("Orders$DeletedTableBackup");
    assertThat(s.backupType()).isEqualTo(BackupType.SYSTEM);
    assertThat(s.backupArn()).endsWith("-00000000");
    assertThat(s.backupExpiryDateTime()).isEqualTo(s.backupCreationDateTime().plus(Duration.ofDays(35)));
    assertThat(engine.listBackups(l -> l.backupType(BackupTypeFilter.ALL)).backupSummaries()).hasSize(5);
    assertThatThrownBy(() -> engine.deleteBackup(d -> d.backupArn(s.backupArn()))).isInstanceOf(ValidationException.class)
        .hasMessage("User is not allowed to delete the system backup with arn " + s.backupArn()
            + ". It will automatically expire on " + s.backupExpiryDateTime());
    assertThat(engine.restoreTableFromBackup(r -> r.backupArn(s.backupArn()).targetTableName("Undeleted")).tableDescription().itemCount())
        .isEqualTo(3);
    clock.advance(Duration.ofDays(35));
    assertThat(engine.listBackups(l -> l.backupType(BackupTypeFilter.SYSTEM)).backupSummaries()).isEmpty();
  }

  @Test
  void deleteBackup_describesItDeleted_thenItIsGone() {
    BackupDetails b = backup("Orders", "tmp");
    BackupDescription deleted = engine.deleteBackup(d -> d.backupArn(b.backupArn())).backupDescription();
    assertThat(deleted.backupDetails().backupStatus()).isEqualTo(BackupStatus.DELETED);
    assertThat(deleted.sourceTableDetails().tableName()).isEqualTo("Orders");
    assertThatThrownBy(() -> engine.describeBackup(d -> d.backupArn(b.backupArn()))).isInstanceOf(BackupNotFoundException.class)
        .hasMessage("Backup not found: " + b.backupArn());
    assertThatThrownBy(() -> engine.deleteBackup(d -> d.backupArn(b.backupArn()))).isInstanceOf(BackupNotFoundException.class)
        .hasMessage("Backup not found: " + b.backupArn());
    assertThat(engine.listBackups(l -> {}).backupSummaries()).isEmpty();
  }

  @Test
  void backup_outlivesItsTable_andRestores() {
    BackupDetails b = backup("Orders", "keep");
    engine.updateTable(u -> u.tableName("Orders").deletionProtectionEnabled(false));
    engine.deleteTable(d -> d.tableName("Orders"));
    assertThat(engine.describeBackup(d -> d.backupArn(b.backupArn())).backupDescription().sourceTableDetails().tableName())
        .isEqualTo("Orders");
    assertThat(engine.listBackups(l -> l.tableName("Orders")).backupSummaries()).hasSize(1);
    engine.restoreTableFromBackup(r -> r.backupArn(b.backupArn()).targetTableName("Orders"));
    assertThat(items("Orders")).containsExactlyInAnyOrderElementsOf(ITEMS);
  }
}
