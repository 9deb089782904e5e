package io.dynamo4j.engine.tck.control;

import static io.dynamo4j.model.AttributeValue.n;
import static io.dynamo4j.model.AttributeValue.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dynamo4j.api.AttributeDefinition;
import io.dynamo4j.api.BillingMode;
import io.dynamo4j.api.GlobalSecondaryIndexDescription;
import io.dynamo4j.api.GlobalSecondaryIndexUpdate;
import io.dynamo4j.api.IndexStatus;
import io.dynamo4j.api.KeySchemaElement;
import io.dynamo4j.api.ProvisionedThroughput;
import io.dynamo4j.api.StreamSpecification;
import io.dynamo4j.api.StreamViewType;
import io.dynamo4j.api.TableClass;
import io.dynamo4j.api.TableDescription;
import io.dynamo4j.api.UpdateGlobalSecondaryIndexAction;
import io.dynamo4j.engine.tck.EngineTest;
import io.dynamo4j.error.ValidationException;
import io.dynamo4j.model.Item;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** UpdateTable: throughput, billing mode, stream, settings, and adding and deleting a global index. */
class UpdateTableTest extends EngineTest {

  @BeforeEach
  void createTable() {
    engine.createTable(t -> t.tableName("Items")
        .keySchema(KeySchemaElement.hash("pk"))
        .attributeDefinitions(AttributeDefinition.string("pk"))
        .provisionedThroughput(ProvisionedThroughput.of(5, 5)));
  }

  @Test
  void updateTable_throughput_recordsIncreasesAndDecreasesOfTheDay() {
    clock.advance(Duration.ofHours(1));
    TableDescription up = engine.updateTable(u -> u.tableName("Items").provisionedThroughput(ProvisionedThroughput.of(10, 5))).tableDescription();
    assertThat(up.provisionedThroughput().readCapacityUnits()).isEqualTo(10);
    assertThat(up.provisionedThroughput().lastIncreaseDateTime()).isEqualTo(clock.instant());
    assertThat(up.provisionedThroughput().lastDecreaseDateTime()).isNull();

    clock.advance(Duration.ofMinutes(1));
    engine.updateTable(u -> u.tableName("Items").provisionedThroughput(ProvisionedThroughput.of(4, 5)));
    clock.advance(Duration.ofMinutes(1));
    engine.updateTable(u -> u.tableName("Items").provisionedThroughput(ProvisionedThroughput.of(3, 5)));
    TableDescription d = engine.describeTable(r -> r.tableName("Items")).table();
    assertThat(d.provisionedThroughput().numberOfDecreasesToday()).isEqualTo(2);
    assertThat(d.provisionedThroughput().lastDecreaseDateTime()).isEqualTo(clock.instant());

    clock.advance(Duration.ofDays(1));
    assertThat(engine.describeTable(r -> r.tableName("Items")).table().provisionedThroughput().numberOfDecreasesToday())
        .as("a new UTC day").isZero();
  }

  @Test
  void updateTable_billingModeSwitches_changeSummaryAndThroughput() {
    TableDescription ppr = engine.updateTable(u -> u.tableName("Items").billingMode(BillingMode.PAY_PER_REQUEST)).tableDescription();
    assertThat(ppr.billingModeSummary().billingMode()).isEqualTo(BillingMode.PAY_PER_REQUEST);
    assertThat(ppr.billingModeSummary().lastUpdateToPayPerRequestDateTime()).isEqualTo(clock.instant());
    assertThat(ppr.provisionedThroughput().readCapacityUnits()).isZero();

    TableDescription prov = engine.updateTable(u -> u.tableName("Items").billingMode(BillingMode.PROVISIONED)
        .provisionedThroughput(ProvisionedThroughput.of(2, 3))).tableDescription();
    assertThat(prov.billingModeSummary().billingMode()).isEqualTo(BillingMode.PROVISIONED);
    assertThat(prov.provisionedThroughput().readCapacityUnits()).isEqualTo(2);
    assertThat(prov.provisionedThroughput().writeCapacityUnits()).isEqualTo(3);
  }

  @Test
  void updateTable_stream_enablesWithANewLabelAndDisablesKeepingIt() {
    clock.advance(Duration.ofMillis(1234));
    TableDescription on = engine.updateTable(u -> u.tableName("Items")
        .streamSpecification(new StreamSpecification(true, StreamViewType.KEYS_ONLY))).tableDescription();
    assertThat(on.latestStreamLabel()).isEqualTo("2026-01-01T00:00:01.234");
    assertThat(on.latestStreamArn()).isEqualTo(on.tableArn() + "/stream/2026-01-01T00:00:01.234");
    TableDescription off = engine.updateTable(u -> u.tableName("Items").streamSpecification(new StreamSpecification(false, null))).tableDescription();
    assertThat(off.streamSpecification()).isNull();
    assertThat(off.latestStreamLabel()).isEqualTo("2026-01-01T00:00:01.234");
  }

  @Test
  void updateTable_settings_changeDeletionProtectionAndTableClass() {
    engine.updateTable(u -> u.tableName("Items").deletionProtectionEnabled(true).tableClass(TableClass.STANDARD_INFREQUENT_ACCESS));
    TableDescription d = engine.describeTable(r -> r.tableName("Items")).table();
    assertThat(d.deletionProtectionEnabled()).isTrue();
    assertThat(d.tableClassSummary().tableClass()).isEqualTo(TableClass.STANDARD_INFREQUENT_ACCESS);
    assertThat(d.tableClassSummary().lastUpdateDateTime()).isEqualTo(clock.instant());
    assertThatThrownBy(() -> engine.deleteTable(r -> r.tableName("Items"))).isInstanceOf(ValidationException.class);
    engine.updateTable(u -> u.tableName("Items").deletionProtectionEnabled(false));
    engine.deleteTable(r -> r.tableName("Items"));
  }

  @Test
  void updateTable_createIndex_backfillsExistingItemsThenMaintainsNewOnes() {
    for (int i = 0; i < 50; i++) {
      Item item = i % 5 == 0 ? Item.of("pk", s("k" + i)) : Item.of("pk", s("k" + i), "g", s("v" + (i % 3)), "x", n(i));
      engine.putItem(p -> p.tableName("Items").item(item));
    }
    TableDescription response = engine.updateTable(u -> u.tableName("Items")
        .attributeDefinitions(AttributeDefinition.string("g"))
        .globalSecondaryIndexUpdates(ControlPlaneErrorsTest.createGsiUpdate("byG", "g"))).tableDescription();
    GlobalSecondaryIndexDescription created = response.globalSecondaryIndexes().get(0);
    assertThat(created.indexStatus()).isEqualTo(IndexStatus.CREATING);
    assertThat(response.attributeDefinitions()).containsExactly(AttributeDefinition.string("pk"), AttributeDefinition.string("g"));

    GlobalSecondaryIndexDescription g = engine.describeTable(r -> r.tableName("Items")).table().globalSecondaryIndexes().get(0);
    assertThat(g.indexStatus()).isEqualTo(IndexStatus.ACTIVE);
    assertThat(g.itemCount()).as("40 of 50 items have g").isEqualTo(40);

    engine.putItem(p -> p.tableName("Items").item(Item.of("pk", s("new"), "g", s("v9"))));
    engine.putItem(p -> p.tableName("Items").item(Item.of("pk", s("k1"))));
    assertThat(engine.describeTable(r -> r.tableName("Items")).table().globalSecondaryIndexes().get(0).itemCount()).isEqualTo(40);
    // Invariants (after the test) check every entry against the items.
  }

  @Test
  void updateTable_createIndexDuringConcurrentWrites_missesAndCorruptsNothing() throws Exception {
    for (int i = 0; i < 2000; i++) {
      Item item = Item.of("pk", s("k" + i), "g", s("v" + (i % 7)));
      engine.putItem(p -> p.tableName("Items").item(item));
    }
    AtomicBoolean stop = new AtomicBoolean();
    List<Thread> writers = new ArrayList<>();
    List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
    for (int w = 0; w < 2; w++) {
      Thread t = new Thread(() -> {
        try {
          ThreadLocalRandom random = ThreadLocalRandom.current();
          while (!stop.get()) {
            int k = random.nextInt(2200);
            Item item = random.nextBoolean() ? Item.of("pk", s("k" + k), "g", s("w" + random.nextInt(5)), "n", n(k))
                : Item.of("pk", s("k" + k));
            engine.putItem(p -> p.tableName("Items").item(item));
          }
        } catch (Throwable e) {
          failures.add(e);
        }
      });
      writers.add(t);
      t.start();
    }
    try {
      engine.updateTable(u -> u.tableName("Items").attributeDefinitions(AttributeDefinition.string("g"))
          .globalSecondaryIndexUpdates(ControlPlaneErrorsTest.createGsiUpdate("byG", "g")));
      Thread.sleep(20);
    } finally {
      stop.set(true);
      for (Thread t : writers) {
        t.join();
      }
    }
    assertThat(failures).isEmpty();
    // Invariants (after the test) compare the index with the projections of every item and check the counters.
  }

  @Test
  void updateTable_deleteIndex_dropsItsEntriesAndDescription() {
    engine.updateTable(u -> u.tableName("Items").attributeDefinitions(AttributeDefinition.string("g"))
        .globalSecondaryIndexUpdates(ControlPlaneErrorsTest.createGsiUpdate("byG", "g")));
    engine.putItem(p -> p.tableName("Items").item(Item.of("pk", s("a"), "g", s("b"))));
    TableDescription response = engine.updateTable(u -> u.tableName("Items")
        .globalSecondaryIndexUpdates(ControlPlaneErrorsTest.deleteGsiUpdate("byG"))).tableDescription();
    assertThat(response.globalSecondaryIndexes()).singleElement().satisfies(g -> {
      assertThat(g.indexName()).isEqualTo("byG");
      assertThat(g.indexStatus()).isEqualTo(IndexStatus.DELETING);
    });
    assertThat(engine.describeTable(r -> r.tableName("Items")).table().globalSecondaryIndexes()).isNull();
    engine.putItem(p -> p.tableName("Items").item(Item.of("pk", s("c"), "g", s("d"))));
  }

  @Test
  void updateTable_indexThroughput_changesOnlyThatIndex() {
    engine.updateTable(u -> u.tableName("Items").attributeDefinitions(AttributeDefinition.string("g"))
        .globalSecondaryIndexUpdates(ControlPlaneErrorsTest.createGsiUpdate("byG", "g")));
    engine.updateTable(u -> u.tableName("Items").globalSecondaryIndexUpdates(new GlobalSecondaryIndexUpdate(
        new UpdateGlobalSecondaryIndexAction("byG", ProvisionedThroughput.of(7, 8), null, null), null, null)));
    TableDescription d = engine.describeTable(r -> r.tableName("Items")).table();
    assertThat(d.globalSecondaryIndexes().get(0).provisionedThroughput().readCapacityUnits()).isEqualTo(7);
    assertThat(d.globalSecondaryIndexes().get(0).provisionedThroughput().writeCapacityUnits()).isEqualTo(8);
    assertThat(d.provisionedThroughput().readCapacityUnits()).isEqualTo(5);
  }
}
