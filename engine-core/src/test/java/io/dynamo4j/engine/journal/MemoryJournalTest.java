package io.dynamo4j.engine.journal;

import static io.dynamo4j.model.AttributeValue.n;
import static org.assertj.core.api.Assertions.assertThat;

import io.dynamo4j.engine.op.CommitListener;
import io.dynamo4j.model.Item;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class MemoryJournalTest {

  private static byte[] key(int i) {
    return new byte[] {0, 0, 0, 0, 0, 0, 0, (byte) i, 1};
  }

  private static List<Long> sequences(Iterator<JournalRecord> it) {
    List<Long> out = new ArrayList<>();
    it.forEachRemaining(r -> out.add(r.sequence()));
    return out;
  }

  @Test
  void append_assignsIncreasingSequencesAcrossTables_readReturnsOneTablesRecordsInOrder() {
    Journal j = Journal.inMemory();
    for (int i = 0; i < 3_000; i++) {
      j.append(i % 2 == 0 ? "even" : "odd", key(i), null, Item.of("v", n(i)), i, CommitListener.Cause.REQUEST, null);
    }
    List<Long> even = sequences(j.read("even", 0));
    assertThat(even).hasSize(1_500).isSorted();
    assertThat(sequences(j.read("even", even.get(700)))).isEqualTo(even.subList(700, 1_500));
    assertThat(sequences(j.read("even", even.get(700) + 1))).isEqualTo(even.subList(701, 1_500));
    assertThat(j.nextSequence()).isEqualTo(3_001);
    assertThat(j.first("odd").sequence()).isEqualTo(2);
    assertThat(j.statistics().records()).isEqualTo(3_000);
    assertThat(j.tables()).containsExactlyInAnyOrder("even", "odd");
  }

  @Test
  void trim_dropsRecordsBelowASequence_andTheirBytes() {
    Journal j = Journal.inMemory();
    for (int i = 0; i < 5_000; i++) {
      j.append("t", key(i), null, Item.of("v", n(i)), i, CommitListener.Cause.REQUEST, null);
    }
    long bytes = j.statistics().estimatedBytes();
    assertThat(j.trim("t", 2_501)).isEqualTo(2_500);
    assertThat(j.first("t").sequence()).isEqualTo(2_501);
    assertThat(sequences(j.read("t", 0))).hasSize(2_500).startsWith(2_501L);
    assertThat(j.statistics().records()).isEqualTo(2_500);
    assertThat(j.statistics().estimatedBytes()).isLessThan(bytes);
    j.append("t", key(1), Item.of("v", n(1)), null, 9_999, CommitListener.Cause.TIME_TO_LIVE, "txn");
    assertThat(sequences(j.read("t", 5_001))).containsExactly(5_001L);
    j.drop("t");
    assertThat(j.statistics().records()).isZero();
    assertThat(j.tables()).isEmpty();
  }

  @Test
  void readers_whileOneWriterAppendsAndTrims_seeEveryHeldRecordInOrder() throws InterruptedException {
    Journal j = Journal.inMemory();
    AtomicBoolean done = new AtomicBoolean();
    AtomicReference<String> problem = new AtomicReference<>();
    Thread reader = new Thread(() -> {
      while (!done.get()) {
        long previous = -1;
        Iterator<JournalRecord> it = j.read("t", 0);
        while (it.hasNext()) {
          long seq = it.next().sequence();
          if (seq <= previous) {
            problem.set("out of order: " + seq + " after " + previous);
          }
          previous = seq;
        }
      }
    });
    reader.start();
    for (int i = 0; i < 100_000; i++) {
      j.append("t", key(i), null, Item.of("v", n(i)), i, CommitListener.Cause.REQUEST, null);
      if (i % 10_000 == 9_999) {
        j.trim("t", i - 5_000);
      }
    }
    done.set(true);
    reader.join();
    assertThat(problem.get()).isNull();
  }
}
