package io.dynamo4j.engine.tck.items;

import static io.dynamo4j.model.AttributeValue.n;
import static io.dynamo4j.model.AttributeValue.s;
import static org.assertj.core.api.Assertions.assertThat;

import io.dynamo4j.api.AttributeDefinition;
import io.dynamo4j.api.BillingMode;
import io.dynamo4j.api.GlobalSecondaryIndex;
import io.dynamo4j.api.KeySchemaElement;
import io.dynamo4j.api.Projection;
import io.dynamo4j.engine.tck.EngineTest;
import io.dynamo4j.error.ConditionalCheckFailedException;
import io.dynamo4j.model.AttributeValue;
import io.dynamo4j.model.Item;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Conditional writes to one hot key from eight real threads: optimistic locking on a version
 * attribute (read, then update with {@code version = :seen}, retry on ConditionalCheckFailed).
 * Every increment lands exactly once, no update is lost, and the index entry (whose key changes
 * with each update) stays consistent with the item; {@link EngineTest} checks the invariants after.
 */
class HotKeyConcurrencyTest extends EngineTest {

  private static final int THREADS = 8;
  private static final int INCREMENTS = 250;
  private static final Item KEY = Item.of("pk", s("hot"));

  private ExecutorService pool;

  @BeforeEach
  void createTable() {
    engine.createTable(t -> t.tableName("Hot").billingMode(BillingMode.PAY_PER_REQUEST)
        .keySchema(KeySchemaElement.hash("pk"))
        .attributeDefinitions(AttributeDefinition.string("pk"), AttributeDefinition.string("slot"))
        .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("bySlot").keySchema(KeySchemaElement.hash("slot"))
            .projection(Projection.all()).build()));
    pool = Executors.newFixedThreadPool(THREADS);
  }

  @AfterEach
  void stopPool() throws InterruptedException {
    pool.shutdownNow();
    assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
  }

  private <T> List<T> runTogether(Callable<T> task) throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    List<Future<T>> futures = new ArrayList<>();
    for (int i = 0; i < THREADS; i++) {
      futures.add(pool.submit(() -> {
        start.await();
        return task.call();
      }));
    }
    start.countDown();
    List<T> results = new ArrayList<>();
    for (Future<T> f : futures) {
      results.add(f.get(60, TimeUnit.SECONDS));
    }
    return results;
  }

  @Test
  void versionedIncrements_fromEightThreads_noneIsLost() throws Exception {
    engine.putItem(p -> p.tableName("Hot").item(KEY.with("counter", n(0)).with("version", n(0)).with("slot", s("b0"))));
    List<int[]> outcomes = runTogether(() -> {
      int succeeded = 0;
      int conflicts = 0;
      while (succeeded < INCREMENTS) {
        Item seen = engine.getItem(g -> g.tableName("Hot").key(KEY).consistentRead(true)).item();
        long version = ((AttributeValue.N) seen.get("version")).value().longValueExact();
        try {
          engine.updateItem(u -> u.tableName("Hot").key(KEY)
              .updateExpression("SET #c = #c + :one, version = version + :one, slot = :slot")
              .conditionExpression("version = :seen")
              .expressionAttributeNames(Map.of("#c", "counter"))
              .expressionAttributeValues(Map.of(":one", n(1), ":seen", n(version), ":slot", s("b" + (version + 1) % 5))));
          succeeded++;
        } catch (ConditionalCheckFailedException lost) {
          conflicts++;
        }
      }
      return new int[] {succeeded, conflicts};
    });
    int total = outcomes.stream().mapToInt(o -> o[0]).sum();
    Item last = engine.getItem(g -> g.tableName("Hot").key(KEY).consistentRead(true)).item();
    assertThat(total).isEqualTo(THREADS * INCREMENTS);
    assertThat(last.get("counter")).isEqualTo(n(THREADS * INCREMENTS));
    assertThat(last.get("version")).isEqualTo(n(THREADS * INCREMENTS));
    assertThat(last.get("slot")).isEqualTo(s("b" + (THREADS * INCREMENTS) % 5));
  }

  @Test
  void createIfAbsent_fromEightThreads_exactlyOneSucceeds() throws Exception {
    List<Boolean> created = runTogether(() -> {
      String me = Thread.currentThread().getName();
      try {
        engine.putItem(p -> p.tableName("Hot").item(KEY.with("owner", s(me)).with("slot", s(me)))
            .conditionExpression("attribute_not_exists(pk)"));
        return true;
      } catch (ConditionalCheckFailedException taken) {
        return false;
      }
    });
    assertThat(created).containsOnlyOnce(true).hasSize(THREADS);
    assertThat(engine.describeTable(d -> d.tableName("Hot")).table().itemCount()).isEqualTo(1);
  }

  @Test
  void atomicCounter_fromEightThreads_countsEveryAdd() throws Exception {
    runTogether(() -> {
      for (int i = 0; i < INCREMENTS; i++) {
        engine.updateItem(u -> u.tableName("Hot").key(KEY).updateExpression("ADD hits :one").expressionAttributeValues(Map.of(":one", n(1))));
      }
      return null;
    });
    assertThat(engine.getItem(g -> g.tableName("Hot").key(KEY)).item()).isEqualTo(KEY.with("hits", n(THREADS * INCREMENTS)));
  }
}
