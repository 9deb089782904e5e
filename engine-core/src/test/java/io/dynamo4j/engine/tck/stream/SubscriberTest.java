package io.dynamo4j.engine.tck.stream;

import static io.dynamo4j.model.AttributeValue.n;
import static io.dynamo4j.model.AttributeValue.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dynamo4j.api.AttributeDefinition;
import io.dynamo4j.api.BillingMode;
import io.dynamo4j.api.KeySchemaElement;
import io.dynamo4j.api.Record;
import io.dynamo4j.api.StreamSpecification;
import io.dynamo4j.api.StreamViewType;
import io.dynamo4j.engine.EngineConfig;
import io.dynamo4j.engine.LocalEngine;
import io.dynamo4j.engine.partition.PartitionMap;
import io.dynamo4j.engine.stream.Subscriber;
import io.dynamo4j.engine.stream.Subscription;
import io.dynamo4j.engine.tck.EngineTest;
import io.dynamo4j.engine.tck.Tck;
import io.dynamo4j.model.Item;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * In-process subscribers: records in order per partition key, at least once, a checkpoint per
 * consumer, failing batches retried and then handed to the failure handler, subscriptions that
 * stop with the engine.
 */
class SubscriberTest extends EngineTest {

  private static final long TIMEOUT_MILLIS = 30_000;

  @BeforeEach
  void createTable() {
    engine.createTable(t -> t.tableName("Subs").billingMode(BillingMode.PAY_PER_REQUEST)
        .keySchema(KeySchemaElement.hash("pk")).attributeDefinitions(AttributeDefinition.string("pk"))
        .streamSpecification(new StreamSpecification(true, StreamViewType.NEW_IMAGE)));
  }

  private void put(String pk, int v) {
    engine.putItem(p -> p.tableName("Subs").item(Item.of("pk", s(pk), "v", n(v))));
  }

  private static void await(BooleanSupplier condition, String what) throws InterruptedException {
    long end = System.currentTimeMillis() + TIMEOUT_MILLIS;
    while (!condition.getAsBoolean()) {
      if (System.currentTimeMillis() > end) {
        throw new AssertionError("timed out waiting for " + what);
      }
      Thread.sleep(5);
    }
  }

  private static String key(Record r) {
    return r.dynamodb().keys().getS("pk");
  }

  private static int version(Record r) {
    return r.dynamodb().newImage().getN("v").intValue();
  }

  @Test
  void subscriber_10000WritesFrom4Threads_receivesEveryRecordInPerKeyOrder() throws Exception {
    List<Record> received = new CopyOnWriteArrayList<>();
    List<Integer> batchSizes = new CopyOnWriteArrayList<>();
    try (Subscription s = engine.subscribe(Subscriber.builder("Subs", "order-check", batch -> {
      batchSizes.add(batch.size());
      received.addAll(batch);
    }).batchSize(250).build())) {
      ExecutorService pool = Executors.newFixedThreadPool(4);
      List<Future<?>> writers = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int thread = t;
        writers.add(pool.submit(() -> {
          for (int i = 1; i <= 2_500; i++) {
            put("t" + thread + "-k" + (i % 25), i);
          }
        }));
      }
      for (Future<?> f : writers) {
        f.get(60, TimeUnit.SECONDS);
      }
      pool.shutdown();
      await(() -> received.size() >= 10_000, "10,000 records");
      assertThat(s.isRunning()).isTrue();
    }
    assertThat(received).hasSize(10_000);
    assertThat(batchSizes).allMatch(n -> n >= 1 && n <= 250);
    Map<String, Integer> last = new HashMap<>();
    for (Record r : received) {
      Integer before = last.put(key(r), version(r));
      assertThat(before == null || before < version(r)).as("key %s: %s after %s", key(r), version(r), before).isTrue();
    }
    assertThat(last).hasSize(100);
  }

  @Test
  void subscriber_acrossAPartitionSplit_readsParentsBeforeChildren() throws Exception {
    List<Record> received = new CopyOnWriteArrayList<>();
    PartitionMap partitions = engine.operations().context().catalog().get("Subs").partitions();
    try (Subscription s = engine.subscribe(Subscriber.builder("Subs", "split", received::addAll).batchSize(7).build())) {
      for (int i = 1; i <= 300; i++) {
        put("k" + (i % 30), i);
        if (i % 100 == 0) {
          partitions.split(partitions.current().get(0), clock.instant());
        }
      }
      await(() -> received.size() >= 300, "300 records");
    }
    Map<String, Integer> last = new HashMap<>();
    for (Record r : received) {
      Integer before = last.put(key(r), version(r));
      assertThat(before == null || before < version(r)).as("key %s in order", key(r)).isTrue();
    }
    assertThat(received).hasSize(300);
  }

  @Test
  void handler_failingTwice_seesItsBatchAgain_andNothingIsLost() throws Exception {
    List<List<Integer>> attempts = new CopyOnWriteArrayList<>();
    List<Integer> failedBatches = new CopyOnWriteArrayList<>();
    AtomicInteger failures = new AtomicInteger();
    for (int i = 1; i <= 3; i++) {
      put("a", i);
    }
    try (Subscription s = engine.subscribe(Subscriber.builder("Subs", "flaky", batch -> {
      attempts.add(batch.stream().map(SubscriberTest::version).toList());
      if (failures.getAndIncrement() < 2) {
        throw new IllegalStateException("downstream unavailable");
      }
    }).retryBackoff(Duration.ofMillis(1)).maxRetries(2).onFailure((batch, e) -> failedBatches.add(batch.size())).build())) {
      await(() -> attempts.size() >= 3, "three attempts");
      put("a", 4);
      await(() -> attempts.size() >= 4, "the next batch");
    }
    assertThat(attempts).containsExactly(List.of(1, 2, 3), List.of(1, 2, 3), List.of(1, 2, 3), List.of(4));
    assertThat(failedBatches).isEmpty();
  }

  @Test
  void handler_failingEveryRetry_batchGoesToTheFailureHandler_andTheConsumerMovesOn() throws Exception {
    List<Integer> handled = new CopyOnWriteArrayList<>();
    List<List<Integer>> failed = new CopyOnWriteArrayList<>();
    put("a", 1);
    try (Subscription s = engine.subscribe(Subscriber.builder("Subs", "poison", batch -> {
      if (version(batch.get(0)) == 1) {
        throw new IllegalArgumentException("poison");
      }
      batch.forEach(r -> handled.add(version(r)));
    }).retryBackoff(Duration.ofMillis(1)).maxRetries(1)
        .onFailure((batch, e) -> failed.add(batch.stream().map(SubscriberTest::version).toList())).build())) {
      await(() -> failed.size() == 1, "the failed batch");
      put("a", 2);
      await(() -> handled.size() == 1, "the next record");
    }
    assertThat(failed).containsExactly(List.of(1));
    assertThat(handled).containsExactly(2);
  }

  @Test
  void consumer_restarted_resumesFromItsCheckpoint() throws Exception {
    List<Integer> first = new CopyOnWriteArrayList<>();
    for (int i = 1; i <= 5; i++) {
      put("a", i);
    }
    try (Subscription s = engine.subscribe(Subscriber.builder("Subs", "resume", b -> b.forEach(r -> first.add(version(r)))).build())) {
      await(() -> first.size() == 5, "five records");
    }
    for (int i = 6; i <= 8; i++) {
      put("a", i);
    }
    List<Integer> second = new CopyOnWriteArrayList<>();
    try (Subscription s = engine.subscribe(Subscriber.builder("Subs", "resume", b -> b.forEach(r -> second.add(version(r))))
        .startingPosition(Subscriber.StartingPosition.TRIM_HORIZON).build())) {
      await(() -> second.size() == 3, "the three new records");
    }
    assertThat(first).containsExactly(1, 2, 3, 4, 5);
    assertThat(second).containsExactly(6, 7, 8);

    List<Integer> fresh = new CopyOnWriteArrayList<>();
    try (Subscription s = engine.subscribe(Subscriber.builder("Subs", "other", b -> b.forEach(r -> fresh.add(version(r)))).build())) {
      await(() -> fresh.size() == 8, "every record for a new consumer");
    }
    List<Integer> latest = new CopyOnWriteArrayList<>();
    try (Subscription s = engine.subscribe(Subscriber.builder("Subs", "latest", b -> b.forEach(r -> latest.add(version(r))))
        .startingPosition(Subscriber.StartingPosition.LATEST).build())) {
      put("a", 9);
      await(() -> latest.size() == 1, "the record written after subscribing");
    }
    assertThat(latest).containsExactly(9);
  }

  @Test
  void subscribe_sameConsumerTwice_orTableWithoutStream_isRefused() {
    createSimpleTable("Plain", false);
    assertThatThrownBy(() -> engine.subscribe(Subscriber.builder("Plain", "c", b -> {}).build()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("has no enabled stream");
    try (Subscription s = engine.subscribe(Subscriber.builder("Subs", "c", b -> {}).build())) {
      assertThatThrownBy(() -> engine.subscribe(Subscriber.builder("Subs", "c", b -> {}).build()))
          .isInstanceOf(IllegalStateException.class).hasMessageContaining("already subscribed");
      assertThat(s.streamArn()).isEqualTo(StreamReader.arn(engine, "Subs"));
    }
  }

  @Test
  void batchWindow_collectsRecordsUpToTheBatchSize() throws Exception {
    List<Integer> sizes = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger total = new AtomicInteger();
    try (Subscription s = engine.subscribe(Subscriber.builder("Subs", "windowed", b -> {
      sizes.add(b.size());
      total.addAndGet(b.size());
    }).batchSize(5).batchWindow(Duration.ofMillis(200)).build())) {
      for (int i = 1; i <= 12; i++) {
        put("k" + i, i);
      }
      await(() -> total.get() == 12, "twelve records");
    }
    assertThat(sizes).allMatch(n -> n <= 5);
    assertThat(sizes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(12);
  }

  @Test
  void engineClose_stopsSubscriptions() throws Exception {
    LocalEngine other = Tck.provider().create(EngineConfig.builder().clock(clock).build());
    other.createTable(t -> t.tableName("Closing").billingMode(BillingMode.PAY_PER_REQUEST)
        .keySchema(KeySchemaElement.hash("pk")).attributeDefinitions(AttributeDefinition.string("pk"))
        .streamSpecification(new StreamSpecification(true, StreamViewType.KEYS_ONLY)));
    Subscription s = other.subscribe(Subscriber.builder("Closing", "c", b -> {}).build());
    assertThat(s.isRunning()).isTrue();
    other.close();
    assertThat(s.isRunning()).isFalse();
  }

  @Test
  void disabledStream_readToItsEnd_endsTheSubscription() throws Exception {
    List<Integer> got = new CopyOnWriteArrayList<>();
    put("a", 1);
    Subscription s = engine.subscribe(Subscriber.builder("Subs", "ending", b -> b.forEach(r -> got.add(version(r)))).build());
    engine.updateTable(u -> u.tableName("Subs").streamSpecification(new StreamSpecification(false, null)));
    await(() -> !s.isRunning(), "the subscription to end");
    assertThat(got).containsExactly(1);
    s.close();
  }
}
