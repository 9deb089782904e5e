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
 * BatchWriteItem of 25 Puts, each replacing a random existing item of a table of 100,000 items
 * ({@link LoadedTable}) with a new version of it (25 distinct items a request; anything
 * unprocessed is sent again), for every {@link Target} and {@link ItemShape}. Items are made in
 * setup from a fixed seed, already in the target's form. SampleTime ({@code batchWriteItem}) and
 * two-thread throughput ({@code throughput}, requests per second).
 *
 * <p>Run, from the repository root, after {@code mvn -B -pl jmh -am package -DskipTests}:
 * <pre>
 * java -jar jmh/target/benchmarks.jar BatchWriteItemBenchmark
 * </pre>
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class BatchWriteItemBenchmark {

  /** How many items one request writes: DynamoDB's maximum. */
  static final int ITEMS = 25;

  /** Each thread's requests: groups of 25 new versions of distinct random items. */
  @State(Scope.Thread)
  public static class Batches {
    private static final int COUNT = 1 << 9;

    private final Object[][] batches = new Object[COUNT][];
    private int next;

    /** Makes {@code COUNT} batches. */
    @Setup(Level.Trial)
    public void setUp(LoadedTable table) {
      SplittableRandom random = new SplittableRandom(57 + Thread.currentThread().getId());
      for (int b = 0; b < COUNT; b++) {
        int[] indexes = TransactGetItemsBenchmark.distinct(table, random, ITEMS);
        batches[b] = new Object[ITEMS];
        for (int i = 0; i < ITEMS; i++) {
          batches[b][i] = table.database().item(table.shape.item(indexes[i], 1 + b));
        }
      }
    }
  }

  /** Writes 25 items in one request. */
  @Benchmark
  public void batchWriteItem(LoadedTable table, Batches batches) {
    table.database().batchPut(Dataset.TABLE, batches.batches[batches.next++ & (Batches.COUNT - 1)]);
  }

  /** The same, from two threads at once: requests per second (throughput, not latency). */
  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @Threads(2)
  public void throughput(LoadedTable table, Batches batches) {
    batchWriteItem(table, batches);
  }
}
