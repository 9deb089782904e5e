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
 * TransactWriteItems of four unconditional Puts, each replacing a random existing item of a table
 * of 100,000 items ({@link LoadedTable}) with a new version of it (four distinct items per
 * transaction), for every {@link Target} and {@link ItemShape}. Items are made in setup from a
 * fixed seed, already in the target's own form.
 *
 * <p>Run, from the repository root, after {@code mvn -B -pl jmh -am package -DskipTests}:
 * <pre>
 * java -jar jmh/target/benchmarks.jar TransactWriteItemsBenchmark
 * </pre>
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class TransactWriteItemsBenchmark {

  /** How many items one transaction writes. */
  static final int ITEMS = 4;

  /** Each thread's transactions: groups of four new versions of distinct random items. */
  @State(Scope.Thread)
  public static class Transactions {
    private static final int COUNT = 1 << 12;

    private final Object[][] groups = new Object[COUNT][];
    private int next;

    /** Makes {@code COUNT} groups. */
    @Setup(Level.Trial)
    public void setUp(LoadedTable table) {
      SplittableRandom random = new SplittableRandom(99 + Thread.currentThread().getId());
      for (int g = 0; g < COUNT; g++) {
        int[] indexes = TransactGetItemsBenchmark.distinct(table, random, ITEMS);
        groups[g] = new Object[ITEMS];
        for (int i = 0; i < ITEMS; i++) {
          groups[g][i] = table.database().item(table.shape.item(indexes[i], 1 + g));
        }
      }
    }
  }

  /** Writes four items in one transaction. */
  @Benchmark
  public void transactWriteItems(LoadedTable table, Transactions transactions) {
    table.database().transactPut(Dataset.TABLE, transactions.groups[transactions.next++ & (Transactions.COUNT - 1)]);
  }

  /** The same, from two threads at once: operations per second (throughput, not latency). */
  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @Threads(2)
  public void throughput(LoadedTable table, Transactions transactions) {
    transactWriteItems(table, transactions);
  }
}
