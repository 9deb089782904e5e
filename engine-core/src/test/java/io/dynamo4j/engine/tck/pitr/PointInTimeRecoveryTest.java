package io.dynamo4j.engine.tck.pitr;

import static io.dynamo4j.model.AttributeValue.n;
import static io.dynamo4j.model.AttributeValue.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dynamo4j.api.AttributeDefinition;
import io.dynamo4j.api.BillingMode;
import io.dynamo4j.api.ContinuousBackupsDescription;
import io.dynamo4j.api.ContinuousBackupsStatus;
import io.dynamo4j.api.GlobalSecondaryIndex;
import io.dynamo4j.api.KeySchemaElement;
import io.dynamo4j.api.PointInTimeRecoveryDescription;
import io.dynamo4j.api.PointInTimeRecoverySpecification;
import io.dynamo4j.api.PointInTimeRecoveryStatus;
import io.dynamo4j.api.Projection;
import io.dynamo4j.api.RestoreSummary;
import io.dynamo4j.api.TableDescription;
import io.dynamo4j.engine.EngineConfig;
import io.dynamo4j.engine.LocalEngine;
import io.dynamo4j.engine.TestClock;
import io.dynamo4j.engine.tck.EngineTest;
import io.dynamo4j.engine.tck.Tck;
import io.dynamo4j.error.InvalidRestoreTimeException;
import io.dynamo4j.model.Item;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Point-in-time recovery: UpdateContinuousBackups and DescribeContinuousBackups (the window, five
 * minutes behind now, the recovery period), and RestoreTableToPointInTime restoring exactly the
 * items as of a chosen second, checked against a scripted history at every second of it.
 */
class PointInTimeRecoveryTest extends EngineTest {

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  @BeforeEach
  void createTable() {
    engine.createTable(t -> t.tableName("Ledger").billingMode(BillingMode.PAY_PER_REQUEST)
        .keySchema(KeySchemaElement.hash("pk")).attributeDefinitions(AttributeDefinition.string("pk"), AttributeDefinition.string("g"))
        .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("byG").keySchema(KeySchemaElement.hash("g"))
            .projection(Projection.all()).build()));
  }

  private ContinuousBackupsDescription enable(Integer days) {
    return engine.updateContinuousBackups(u -> u.tableName("Ledger")
        .pointInTimeRecoverySpecification(new PointInTimeRecoverySpecification(true, days))).continuousBackupsDescription();
  }

  private PointInTimeRecoveryDescription describe() {
    return engine.describeContinuousBackups(d -> d.tableName("Ledger")).continuousBackupsDescription().pointInTimeRecoveryDescription();
  }

  private Map<String, Item> items(String table) {
    Map<String, Item> out = new TreeMap<>();
    for (Item i : engine.scan(sc -> sc.tableName(table).consistentRead(true)).items()) {
      out.put(i.getS("pk"), i);
    }
    return out;
  }

  @Test
  void describe_withoutRecovery_isDisabled_continuousBackupsEnabled() {
    ContinuousBackupsDescription d = engine.describeContinuousBackups(x -> x.tableName("Ledger")).continuousBackupsDescription();
    assertThat(d).isEqualTo(new ContinuousBackupsDescription(ContinuousBackupsStatus.ENABLED,
        new PointInTimeRecoveryDescription(PointInTimeRecoveryStatus.DISABLED, null, null, null)));
  }

  @Test
  void window_startsAtEnable_latestTrailsNowByFiveMinutes_earliestFollowsThePeriod() {
    ContinuousBackupsDescription enabled = enable(null);
    assertThat(enabled.pointInTimeRecoveryDescription())
        .isEqualTo(new PointInTimeRecoveryDescription(PointInTimeRecoveryStatus.ENABLED, 35, T0, T0));
    clock.advance(Duration.ofMinutes(3));
    assertThat(describe().latestRestorableDateTime()).isEqualTo(T0);
    clock.advance(Duration.ofMinutes(7));
    assertThat(describe().earliestRestorableDateTime()).isEqualTo(T0);
    assertThat(describe().latestRestorableDateTime()).isEqualTo(clock.instant().minus(Duration.ofMinutes(5)));

    assertThat(enable(1).pointInTimeRecoveryDescription().recoveryPeriodInDays()).isEqualTo(1);
    clock.advance(Duration.ofDays(2));
    assertThat(describe().earliestRestorableDateTime()).isEqualTo(clock.instant().minus(Duration.ofDays(1)));

    ContinuousBackupsDescription disabled = engine.updateContinuousBackups(u -> u.tableName("Ledger")
        .pointInTimeRecoverySpecification(new PointInTimeRecoverySpecification(false, null))).continuousBackupsDescription();
    assertThat(disabled.pointInTimeRecoveryDescription())
        .isEqualTo(new PointInTimeRecoveryDescription(PointInTimeRecoveryStatus.DISABLED, null, null, null));
    assertThat(enable(null).pointInTimeRecoveryDescription())
        .isEqualTo(new PointInTimeRecoveryDescription(PointInTimeRecoveryStatus.ENABLED, 35, clock.instant(), clock.instant()));
  }

  @Test
  void restore_atEverySecondOfAScriptedHistory_equalsTheScriptsState() {
    enable(null);
    SplittableRandom random = new SplittableRandom(7);
    Map<String, Item> state = new TreeMap<>();
    List<Map<String, Item>> bySecond = new ArrayList<>();
    bySecond.add(new TreeMap<>(state));
    for (int second = 1; second <= 90; second++) {
      clock.set(T0.plusSeconds(second));
      String pk = "k" + random.nextInt(8);
      int op = random.nextInt(4);
      Item current = state.get(pk);
      int sec = second;
      if (op == 0 && current != null) {
        engine.deleteItem(d -> d.tableName("Ledger").key(Item.of("pk", s(pk))));
        state.remove(pk);
      } else if (op == 1 && current != null) {
        engine.updateItem(u -> u.tableName("Ledger").key(Item.of("pk", s(pk))).updateExpression("SET v = :v, g = :g")
            .expressionAttributeValues(Map.of(":v", n(sec), ":g", s("g" + (sec % 3)))));
        state.put(pk, current.with("v", n(sec)).with("g", s("g" + (sec % 3))));
      } else {
        Item item = Item.of("pk", s(pk), "put", n(sec), "g", s("g" + (sec % 3)));
        engine.putItem(p -> p.tableName("Ledger").item(item));
        state.put(pk, item);
      }
      bySecond.add(new TreeMap<>(state));
    }
    clock.set(T0.plusSeconds(90).plus(Duration.ofMinutes(5)));
    assertThat(describe().latestRestorableDateTime()).isEqualTo(T0.plusSeconds(90));
    engine.putItem(p -> p.tableName("Ledger").item(Item.of("pk", s("afterwards")))); // after the window: never restored

    for (int second = 0; second <= 90; second++) {
      Instant at = T0.plusSeconds(second).plusMillis(second % 2 == 0 ? 0 : 999);
      String target = "At" + second;
      TableDescription restored = engine.restoreTableToPointInTime(r -> r.sourceTableName("Ledger").targetTableName(target)
          .restoreDateTime(at)).tableDescription();
      assertThat(restored.restoreSummary()).isEqualTo(new RestoreSummary(null,
          "arn:aws:dynamodb:us-east-1:000000000000:table/Ledger", at, false));
      assertThat(items(target)).as("the table as of second %d", second).isEqualTo(bySecond.get(second));
      assertThat(restored.itemCount()).isEqualTo(bySecond.get(second).size());
      assertThat(restored.globalSecondaryIndexes()).hasSize(1);
      engine.deleteTable(d -> d.tableName(target));
    }
    engine.restoreTableToPointInTime(r -> r.sourceTableArn("arn:aws:dynamodb:us-east-1:000000000000:table/Ledger")
        .targetTableName("Latest").useLatestRestorableTime(true));
    assertThat(items("Latest")).isEqualTo(bySecond.get(90));
  }

  @Test
  void restore_beforeTheEarliestOrAfterTheLatest_isInvalidRestoreTime() {
    enable(null);
    clock.advance(Duration.ofMinutes(10));
    assertThatThrownBy(() -> engine.restoreTableToPointInTime(r -> r.sourceTableName("Ledger").targetTableName("Early")
        .restoreDateTime(T0.minusSeconds(1))))
        .isInstanceOf(InvalidRestoreTimeException.class)
        .hasMessage("RestoreDateTime '2025-12-31T23:59:59Z' must be within EarliestRestorableDateTime '2026-01-01T00:00:00Z' "
            + "and LatestRestorableDateTime '2026-01-01T00:05:00Z'");
    assertThatThrownBy(() -> engine.restoreTableToPointInTime(r -> r.sourceTableName("Ledger").targetTableName("Late")
        .restoreDateTime(T0.plus(Duration.ofMinutes(6)))))
        .isInstanceOf(InvalidRestoreTimeException.class)
        .hasMessage("RestoreDateTime '2026-01-01T00:06:00Z' must be within EarliestRestorableDateTime '2026-01-01T00:00:00Z' "
            + "and LatestRestorableDateTime '2026-01-01T00:05:00Z'");
  }

  @Test
  void history_overTheMemoryBound_givesUpTheOldest_andSaysSo() {
    TestClock small = new TestClock(T0);
    try (LocalEngine e = Tck.provider().create(EngineConfig.builder().clock(small).historyMemoryLimit(20_000).build())) {
      e.createTable(t -> t.tableName("Small").billingMode(BillingMode.PAY_PER_REQUEST)
          .keySchema(KeySchemaElement.hash("pk")).attributeDefinitions(AttributeDefinition.string("pk")));
      e.updateContinuousBackups(u -> u.tableName("Small").pointInTimeRecoverySpecification(new PointInTimeRecoverySpecification(true, null)));
      for (int second = 1; second <= 1_000; second++) {
        small.set(T0.plusSeconds(second));
        int v = second;
        e.putItem(p -> p.tableName("Small").item(Item.of("pk", s("k" + (v % 10)), "v", n(v), "pad", s("x".repeat(40)))));
      }
      small.advance(Duration.ofMinutes(5));
      e.runDueWork();
      assertThat(e.journalStatistics().estimatedBytes()).isLessThanOrEqualTo(20_000).isPositive();
      PointInTimeRecoveryDescription d = e.describeContinuousBackups(x -> x.tableName("Small")).continuousBackupsDescription()
          .pointInTimeRecoveryDescription();
      Instant earliest = d.earliestRestorableDateTime();
      assertThat(earliest).isAfter(T0.plusSeconds(1)).isBefore(T0.plusSeconds(1_000));
      assertThatThrownBy(() -> e.restoreTableToPointInTime(r -> r.sourceTableName("Small").targetTableName("TooEarly")
          .restoreDateTime(earliest.minusSeconds(1)))).isInstanceOf(InvalidRestoreTimeException.class);
      e.restoreTableToPointInTime(r -> r.sourceTableName("Small").targetTableName("AtEarliest").restoreDateTime(earliest));
      int at = (int) (earliest.getEpochSecond() - T0.getEpochSecond());
      HashSet<Integer> expected = new HashSet<>();
      for (int k = 0; k < 10; k++) {
        int last = at - ((at - k) % 10 + 10) % 10; // the last second <= at whose value went to key k
        expected.add(last);
      }
      HashSet<Integer> restored = new HashSet<>();
      for (Item i : e.scan(sc -> sc.tableName("AtEarliest")).items()) {
        restored.add(i.getN("v").intValue());
      }
      assertThat(restored).isEqualTo(expected);
    }
  }
}
