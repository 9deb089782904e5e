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
 * GetItem (eventually consistent, whole item) of a random existing item, by its full key, from a
 * table of 100,000 items ({@link LoadedTable}), for every {@link Target} and {@link ItemShape}.
 * Keys are drawn in setup from a fixed seed and already in the target's own form, so a measured
 * call is the request and the response only. SampleTime: the score is the mean latency, with
 * p50, p99 and p99.9 beside it.
 *
 * <p>Run, from the repository root, after {@code mvn -B -pl jmh -am package -DskipTests}:
 * <pre>
 * java -jar jmh/target/benchmarks.jar GetItemBenchmark
 * java -jar jmh/target/benchmarks.jar GetItemBenchmark -wi 2 -i 3 -f 1 -p target=DYNAMO4J_MEMORY -p shape=ONE_KB
 * </pre>
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class GetItemBenchmark {

  /** Each thread's keys to read, in the target's form, and where it is in them. */
  @State(Scope.Thread)
  public static class Keys {
    private static final int COUNT = 1 << 16;

    private final Object[] keys = new Object[COUNT];
    private int next;

    /** Draws {@code COUNT} random keys of the table's items. */
    @Setup(Level.Trial)
    public void setUp(LoadedTable table) {
      SplittableRandom random = new SplittableRandom(42 + Thread.currentThread().getId());
      for (int i = 0; i < COUNT; i++) {
        keys[i] = table.database().key(Dataset.key(table.randomIndex(random)));
      }
    }

    Object next() {
      return keys[next++ & (COUNT - 1)];
    }
  }

  /** Reads one item; returning it keeps the JIT from removing the call. */
  @Benchmark
  public Object getItem(LoadedTable table, Keys keys) {
    return table.database().getItem(Dataset.TABLE, keys.next());
  }

  /** The same, from two threads at once: operations per second (throughput, not latency). */
  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @Threads(2)
  public Object throughput(LoadedTable table, Keys keys) {
    return getItem(table, keys);
  }
}
