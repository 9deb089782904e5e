package io.dynamo4j.engine.memory;

import static io.dynamo4j.model.AttributeValue.n;
import static org.assertj.core.api.Assertions.assertThat;

import io.dynamo4j.engine.storage.Cursor;
import io.dynamo4j.engine.storage.KeyRange;
import io.dynamo4j.engine.storage.Keyspace;
import io.dynamo4j.engine.storage.WriteBatch;
import io.dynamo4j.model.Item;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * The memory storage on its own: overwrites replace the item in place, removes hide an entry from
 * gets and from cursors already past it, and readers running beside writers see whole entries in
 * key order.
 */
class MemoryStorageTest {

  private static byte[] key(int i) {
    return new byte[] {(byte) (i >>> 8), (byte) i};
  }

  private static Item item(int i, int version) {
    return Item.of("k", n(i), "v", n(version));
  }

  private static List<byte[]> keys(Keyspace ks, boolean reverse) {
    List<byte[]> out = new ArrayList<>();
    try (Cursor c = ks.scan(KeyRange.all(), reverse)) {
      while (c.next()) {
        out.add(c.key());
      }
    }
    return out;
  }

  @Test
  void apply_overwriteThenRemoveThenPut_getAndScanSeeTheLatest() {
    try (MemoryStorage storage = new MemoryStorage()) {
      Keyspace ks = storage.keyspace("t");
      storage.apply(new WriteBatch().put("t", key(1), item(1, 1)).put("t", key(2), item(2, 1)));
      storage.apply(new WriteBatch().put("t", key(1), item(1, 2)));
      assertThat(ks.get(key(1))).isEqualTo(item(1, 2));
      assertThat(ks.count()).isEqualTo(2);

      storage.apply(new WriteBatch().delete("t", key(1)));
      assertThat(ks.get(key(1))).isNull();
      assertThat(keys(ks, false)).containsExactly(key(2));

      storage.apply(new WriteBatch().put("t", key(1), item(1, 3)));
      assertThat(ks.get(key(1))).isEqualTo(item(1, 3));
      assertThat(keys(ks, false)).containsExactly(key(1), key(2));
      assertThat(keys(ks, true)).containsExactly(key(2), key(1));
      assertThat(ks.count()).isEqualTo(2);
    }
  }

  @Test
  void cursor_entryRemovedAfterTheCursorStarted_isSkipped() {
    try (MemoryStorage storage = new MemoryStorage()) {
      Keyspace ks = storage.keyspace("t");
      for (int i = 0; i < 3; i++) {
        storage.apply(new WriteBatch().put("t", key(i), item(i, 1)));
      }
      try (Cursor c = ks.scan(KeyRange.all(), false)) {
        assertThat(c.next()).isTrue();
        assertThat(c.key()).isEqualTo(key(0));
        storage.apply(new WriteBatch().delete("t", key(1)).put("t", key(2), item(2, 9)));
        assertThat(c.next()).isTrue();
        assertThat(c.key()).isEqualTo(key(2));
        assertThat(c.item()).isEqualTo(item(2, 9));
        assertThat(c.next()).isFalse();
      }
    }
  }

  @Test
  void concurrentWritersAndReaders_readersSeeWholeEntriesInOrder_finalStateMatches() throws Exception {
    int writers = 2;
    int keysPerWriter = 200;
    int rounds = 300;
    try (MemoryStorage storage = new MemoryStorage()) {
      Keyspace ks = storage.keyspace("t");
      // Even keys always exist (they are only overwritten); odd keys come and go.
      for (int i = 0; i < writers * keysPerWriter; i++) {
        storage.apply(new WriteBatch().put("t", key(i), item(i, 0)));
      }
      AtomicBoolean done = new AtomicBoolean();
      ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
      CountDownLatch start = new CountDownLatch(1);
      List<Thread> threads = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        int first = w;
        threads.add(new Thread(() -> {
          await(start);
          // Each writer owns the keys i with i % writers == w: one writer per key, as the engine's locks ensure.
          for (int r = 1; r <= rounds; r++) {
            for (int i = first; i < writers * keysPerWriter; i += writers) {
              if (i % 4 >= 2 && r % 2 == 1) {
                storage.apply(new WriteBatch().delete("t", key(i)));
              } else {
                storage.apply(new WriteBatch().put("t", key(i), item(i, r)));
              }
            }
          }
        }));
      }
      for (int reader = 0; reader < 2; reader++) {
        boolean reverse = reader == 1;
        threads.add(new Thread(() -> {
          await(start);
          while (!done.get()) {
            byte[] previous = null;
            int stable = 0;
            try (Cursor c = ks.scan(KeyRange.all(), reverse)) {
              while (c.next()) {
                byte[] k = c.key();
                Item it = c.item();
                int i = ((k[0] & 0xff) << 8) | (k[1] & 0xff);
                if (it == null || !it.get("k").equals(n(i))) {
                  problems.add("entry " + i + " read as " + it);
                }
                if (previous != null && (Arrays.compareUnsigned(previous, k) < 0) == reverse) {
                  problems.add("out of order at " + i);
                }
                if (i % 4 < 2) {
                  stable++;
                }
                previous = k;
              }
            }
            if (stable != writers * keysPerWriter / 2) {
              problems.add("a scan saw " + stable + " of the always-present keys");
            }
            for (int i = 0; i < writers * keysPerWriter; i += 4) {
              if (ks.get(key(i)) == null) {
                problems.add("get missed always-present key " + i);
              }
            }
          }
        }));
      }
      threads.forEach(Thread::start);
      start.countDown();
      for (int t = 0; t < writers; t++) {
        threads.get(t).join(TimeUnit.MINUTES.toMillis(2));
      }
      done.set(true);
      for (Thread t : threads) {
        t.join(TimeUnit.MINUTES.toMillis(1));
      }
      assertThat(problems).isEmpty();
      // rounds is even: the last round put every key at version `rounds`.
      for (int i = 0; i < writers * keysPerWriter; i++) {
        assertThat(ks.get(key(i))).isEqualTo(item(i, rounds));
      }
      assertThat(keys(ks, false)).hasSize(writers * keysPerWriter);
      assertThat(ks.count()).isEqualTo(writers * keysPerWriter);
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
