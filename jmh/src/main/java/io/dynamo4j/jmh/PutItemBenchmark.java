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
 * PutItem (no condition, no return values) replacing a random existing item of a table of
 * 100,000 items ({@link LoadedTable}) with a new version of it, for every {@link Target} and
 * {@link ItemShape}; the table keeps its size. Items are made in setup from a fixed seed and
 * already in the target's own form, so a measured call is the request and the response only.
 * SampleTime: the score is the mean latency, with p50, p99 and p99.9 beside it.
 *
 * <p>Run, from the repository root, after {@code mvn -B -pl jmh -am package -DskipTests}:
 * <pre>
 * java -jar jmh/target/benchmarks.jar PutItemBenchmark
 * java -jar jmh/target/benchmarks.jar PutItemBenchmark -wi 2 -i 3 -f 1 -p target=DYNAMO4J_MEMORY -p shape=ONE_KB
 * </pre>
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class PutItemBenchmark {

  /** Each thread's items to write, in the target's form, and where it is in them. */
  @State(Scope.Thread)
  public static class Items {
    private static final int COUNT = 1 << 13;

    private final Object[] items = new Object[COUNT];
    private int next;

    /** Makes {@code COUNT} new versions of random items of the table. */
    @Setup(Level.Trial)
    public void setUp(LoadedTable table) {
      SplittableRandom random = new SplittableRandom(42 + Thread.currentThread().getId());
      for (int i = 0; i < COUNT; i++) {
        items[i] = table.database().item(table.shape.item(table.randomIndex(random), 1 + i));
      }
    }

    Object next() {
      return items[next++ & (COUNT - 1)];
    }
  }

  /** Writes one item. */
  @Benchmark
  public void putItem(LoadedTable table, Items items) {
    table.database().putItem(Dataset.TABLE, items.next());
  }

  /** The same, from two threads at once: operations per second (throughput, not latency). */
  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @Threads(2)
  public void throughput(LoadedTable table, Items items) {
    putItem(table, items);
  }
}
