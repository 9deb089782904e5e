package io.dynamo4j.jmh;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * TransactGetItems of four distinct random existing items of a table of 100,000 items
 * ({@link LoadedTable}), for every {@link Target} and {@link ItemShape}; returns how many were
 * found (always four). Keys are drawn in setup from a fixed seed, already in the target's form.
 *
 * <p>Run, from the repository root, after {@code mvn -B -pl jmh -am package -DskipTests}:
 * <pre>
 * java -jar jmh/target/benchmarks.jar TransactGetItemsBenchmark
 * </pre>
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class TransactGetItemsBenchmark {

  /** How many items one transaction reads. */
  static final int ITEMS = 4;

  /** Each thread's transactions: groups of four distinct random keys. */
  @State(Scope.Thread)
  public static class Reads {
    private static final int COUNT = 1 << 14;

    private final Object[][] groups = new Object[COUNT][];
    private int next;

    /** Draws {@code COUNT} groups. */
    @Setup(Level.Trial)
    public void setUp(LoadedTable table) {
      SplittableRandom random = new SplittableRandom(11 + Thread.currentThread().getId());
      for (int g = 0; g < COUNT; g++) {
        int[] indexes = distinct(table, random, ITEMS);
        groups[g] = new Object[ITEMS];
        for (int i = 0; i < ITEMS; i++) {
          groups[g][i] = table.database().key(Dataset.key(indexes[i]));
        }
      }
    }
  }

  /** Reads four items in one transaction. */
  @Benchmark
  public int transactGetItems(LoadedTable table, Reads reads) {
    return table.database().transactGet(Dataset.TABLE, reads.groups[reads.next++ & (Reads.COUNT - 1)]);
  }

  /** The same, from two threads at once: operations per second (throughput, not latency). */
  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @Threads(2)
  public int throughput(LoadedTable table, Reads reads) {
    return transactGetItems(table, reads);
  }

  /** {@code count} distinct random item indexes of {@code table} (a transaction may name an item once). */
  static int[] distinct(LoadedTable table, SplittableRandom random, int count) {
    int[] indexes = new int[count];
    for (int i = 0; i < count; i++) {
      boolean again;
      do {
        indexes[i] = table.randomIndex(random);
        again = false;
        for (int j = 0; j < i; j++) {
          again |= indexes[j] == indexes[i];
        }
      } while (again);
    }
    return indexes;
  }
}
