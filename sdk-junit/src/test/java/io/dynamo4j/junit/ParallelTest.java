package io.dynamo4j.junit;

import static io.dynamo4j.model.AttributeValue.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dynamo4j.DynamoClient;
import io.dynamo4j.api.Operation;
import io.dynamo4j.engine.TestClock;
import io.dynamo4j.error.ThrottlingException;
import io.dynamo4j.mapper.MappedTable;
import io.dynamo4j.model.Item;
import io.dynamo4j.spi.Engine;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

/**
 * JUnit's parallel execution with a fixed parallelism of 4: tests on their own engines run four at
 * a time without seeing each other's data, faults or clock; tests on the shared engine take turns.
 */
class ParallelTest {

  static final Map<String, String> FOUR_THREADS = Map.of(
      "junit.jupiter.execution.parallel.enabled", "true",
      "junit.jupiter.execution.parallel.mode.default", "concurrent",
      "junit.jupiter.execution.parallel.mode.classes.default", "concurrent",
      "junit.jupiter.execution.parallel.config.strategy", "fixed",
      "junit.jupiter.execution.parallel.config.fixed.parallelism", "4");

  static final CyclicBarrier FOUR_AT_ONCE = new CyclicBarrier(4);
  static final Set<String> THREADS = ConcurrentHashMap.newKeySet();
  static final AtomicInteger SHARED_RUNNING = new AtomicInteger();
  static final AtomicInteger SHARED_MOST = new AtomicInteger();

  @DynamoTest(tables = Order.class)
  static class OwnEngines {
    @RepeatedTest(40)
    void writesReadsFaultsAndClock_areTheTestsOwn(RepetitionInfo info, MappedTable<Order> orders, DynamoClient client,
        Engine engine, Faults faults, TestClock clock) throws Exception {
      int me = info.getCurrentRepetition();
      THREADS.add(Thread.currentThread().getName());
      if (me <= 4) {
        FOUR_AT_ONCE.await(30, TimeUnit.SECONDS); // breaks unless four tests run at the same time
      }
      if (me % 2 == 0) {
        faults.on("Orders").operations(Operation.PUT_ITEM).throttle();
        assertThatThrownBy(() -> engine.putItem(r -> r.tableName("Orders").item(Item.of("id", s("x")))))
            .isInstanceOf(ThrottlingException.class); // mapper tables are on demand
        faults.clear();
      }
      Instant start = clock.instant();
      for (int i = 0; i < 20; i++) {
        orders.put(Order.of("t" + me + "-" + i, "t" + me, "1"));
        clock.advance(Duration.ofSeconds(me));
        Thread.yield();
      }
      assertThat(clock.instant()).isEqualTo(start.plusSeconds(20L * me));
      var items = client.scan(r -> r.tableName("Orders")).items();
      assertThat(items).hasSize(20).allSatisfy(item -> assertThat(item.get("customer")).isEqualTo(s("t" + me)));
    }
  }

  @DynamoTest(lifecycle = Lifecycle.PER_RUN, tables = Order.class)
  static class SharedEngine {
    @RepeatedTest(12)
    void sharedEngine_testsTakeTurns_andStartEmpty(RepetitionInfo info, DynamoClient client) throws Exception {
      int running = SHARED_RUNNING.incrementAndGet();
      SHARED_MOST.accumulateAndGet(running, Math::max);
      try {
        assertThat(client.scan(r -> r.tableName("Orders")).count()).isZero();
        for (int i = 0; i < 10; i++) {
          int n = i;
          client.putItem(r -> r.tableName("Orders").item(Item.of("id", s(info.getCurrentRepetition() + "-" + n))));
          Thread.sleep(1);
        }
        assertThat(client.scan(r -> r.tableName("Orders")).count()).isEqualTo(10);
      } finally {
        SHARED_RUNNING.decrementAndGet();
      }
    }
  }

  @Test
  void fourThreads_ownEnginesRunTogetherWithoutCrossTalk_sharedEngineTestsTakeTurns() {
    Kit.assertAllSucceeded(Kit.run(FOUR_THREADS, OwnEngines.class, SharedEngine.class), 52);

    assertThat(THREADS.size()).isGreaterThanOrEqualTo(4);
    assertThat(SHARED_MOST.get()).as("tests on the shared engine at once").isEqualTo(1);
  }
}
