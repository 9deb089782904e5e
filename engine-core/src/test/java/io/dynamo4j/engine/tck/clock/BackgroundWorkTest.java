package io.dynamo4j.engine.tck.clock;

import static io.dynamo4j.model.AttributeValue.n;
import static io.dynamo4j.model.AttributeValue.s;
import static org.assertj.core.api.Assertions.assertThat;

import io.dynamo4j.api.TimeToLiveSpecification;
import io.dynamo4j.engine.EngineConfig;
import io.dynamo4j.engine.LocalEngine;
import io.dynamo4j.engine.TestClock;
import io.dynamo4j.engine.tck.EngineTest;
import io.dynamo4j.engine.tck.Tck;
import io.dynamo4j.model.Item;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The engine's background work follows its clock: on a test clock it runs as the clock moves
 * (and only then, or when asked); on a real clock it runs by itself; it stops with the engine.
 */
class BackgroundWorkTest extends EngineTest {

  private void expiringItem(LocalEngine e, String table) {
    e.updateTimeToLive(u -> u.tableName(table).timeToLiveSpecification(new TimeToLiveSpecification(true, "exp")));
    e.putItem(p -> p.tableName(table).item(Item.of("pk", s("a"), "exp", n(0L + Instant.parse("2026-01-01T00:00:00Z").getEpochSecond()))));
  }

  private static int count(LocalEngine e, String table) {
    return e.scan(sc -> sc.tableName(table)).count();
  }

  @Test
  void testClock_workRunsWhenTheClockPassesItsTime_notBefore() {
    createSimpleTable("Clocked", false);
    expiringItem(engine, "Clocked");
    clock.advance(Duration.ofSeconds(59));
    assertThat(engine.runDueWork()).as("nothing is due").isZero();
    assertThat(count(engine, "Clocked")).isEqualTo(1);
    clock.set(clock.instant().plusSeconds(1)); // set() runs due work as advance() does
    assertThat(count(engine, "Clocked")).isZero();
  }

  @Test
  void sweepExpiredItems_runsNow_whateverTheInterval() {
    createSimpleTable("Manual", false);
    expiringItem(engine, "Manual");
    assertThat(engine.sweepExpiredItems()).isEqualTo(1);
    assertThat(count(engine, "Manual")).isZero();
  }

  @Test
  void closedEngine_doesNoMoreWork_whenTheClockMoves() {
    TestClock shared = new TestClock();
    LocalEngine e = Tck.provider().create(EngineConfig.builder().clock(shared).build());
    e.createTable(t -> t.tableName("Closed").billingMode(io.dynamo4j.api.BillingMode.PAY_PER_REQUEST)
        .keySchema(io.dynamo4j.api.KeySchemaElement.hash("pk")).attributeDefinitions(io.dynamo4j.api.AttributeDefinition.string("pk")));
    expiringItem(e, "Closed");
    e.close();
    shared.advance(Duration.ofMinutes(5)); // no listener left: nothing runs, nothing fails
    assertThat(shared.instant()).isEqualTo(Instant.parse("2026-01-01T00:05:00Z"));
  }

  @Test
  void realClock_workRunsByItself() throws InterruptedException {
    Clock fast = Clock.systemUTC();
    try (LocalEngine e = Tck.provider().create(EngineConfig.builder().clock(fast).timeToLiveSweepInterval(Duration.ofMillis(50)).build())) {
      e.createTable(t -> t.tableName("Real").billingMode(io.dynamo4j.api.BillingMode.PAY_PER_REQUEST)
          .keySchema(io.dynamo4j.api.KeySchemaElement.hash("pk")).attributeDefinitions(io.dynamo4j.api.AttributeDefinition.string("pk")));
      expiringItem(e, "Real");
      long end = System.currentTimeMillis() + 10_000;
      while (count(e, "Real") > 0 && System.currentTimeMillis() < end) {
        Thread.sleep(10);
      }
      assertThat(count(e, "Real")).isZero();
    }
  }
}
