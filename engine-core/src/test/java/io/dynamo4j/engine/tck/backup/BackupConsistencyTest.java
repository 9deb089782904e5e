package io.dynamo4j.engine.tck.backup;

import static io.dynamo4j.model.AttributeValue.n;
import static io.dynamo4j.model.AttributeValue.s;
import static org.assertj.core.api.Assertions.assertThat;

import io.dynamo4j.engine.tck.EngineTest;
import io.dynamo4j.model.Item;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.RepeatedTest;

/**
 * A backup taken while writers run restores to a state that a prefix of the committed writes
 * explains.
 *
 * <p>Each of four writer threads runs its own numbered sequence of writes (puts that overwrite,
 * puts of new keys, deletes) over its own 50 keys, one after another; a prefix of the committed
 * writes is, per thread, the first p writes of its sequence. The test replays each thread's
 * sequence and checks that some p reproduces exactly that thread's keys in the restored table.
 */
class BackupConsistencyTest extends EngineTest {

  private static final int THREADS = 4;
  private static final int KEYS = 50;
  private static final int WRITES = 4_000;

  /** Write number {@code i} of thread {@code t}: delete (null) or put (the item). */
  private static Item write(int t, int i) {
    int key = (i * 7) % KEYS;
    return i % 5 == 4 ? null : Item.of("pk", s("t" + t + "-" + key), "seq", n(i));
  }

  private static String key(int t, int i) {
    return "t" + t + "-" + ((i * 7) % KEYS);
  }

  @RepeatedTest(3)
  void backup_duringConcurrentWrites_restoresToAPrefixOfEachWriter() throws Exception {
    createSimpleTable("Busy", false);
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    CountDownLatch started = new CountDownLatch(THREADS);
    AtomicBoolean go = new AtomicBoolean(true);
    List<Future<Integer>> writers = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      int thread = t;
      writers.add(pool.submit(() -> {
        started.countDown();
        int i = 0;
        for (; i < WRITES && go.get(); i++) {
          Item item = write(thread, i);
          String k = key(thread, i);
          if (item == null) {
            engine.deleteItem(d -> d.tableName("Busy").key(Item.of("pk", s(k))));
          } else {
            engine.putItem(p -> p.tableName("Busy").item(item));
          }
        }
        return i;
      }));
    }
    started.await();
    Thread.sleep(5);
    String arn = engine.createBackup(c -> c.tableName("Busy").backupName("midflight")).backupDetails().backupArn();
    go.set(false);
    for (Future<Integer> f : writers) {
      f.get(60, TimeUnit.SECONDS);
    }
    pool.shutdown();

    engine.restoreTableFromBackup(r -> r.backupArn(arn).targetTableName("Restored"));
    Map<String, Item> restored = new HashMap<>();
    for (Item i : engine.scan(sc -> sc.tableName("Restored").consistentRead(true)).items()) {
      restored.put(i.getS("pk"), i);
    }
    for (int t = 0; t < THREADS; t++) {
      assertThat(prefixExplaining(t, restored)).as("thread %d: some prefix of its writes explains the backup", t).isNotNegative();
    }
  }

  /** The smallest p such that thread {@code t}'s first p writes leave exactly its keys as restored, or -1. */
  private static int prefixExplaining(int t, Map<String, Item> restored) {
    Map<String, Item> expected = new HashMap<>();
    Map<String, Item> actual = new HashMap<>();
    restored.forEach((k, v) -> {
      if (k.startsWith("t" + t + "-")) {
        actual.put(k, v);
      }
    });
    for (int p = 0; p <= WRITES; p++) {
      if (expected.equals(actual)) {
        return p;
      }
      if (p < WRITES) {
        Item item = write(t, p);
        if (item == null) {
          expected.remove(key(t, p));
        } else {
          expected.put(key(t, p), item);
        }
      }
    }
    return -1;
  }
}
