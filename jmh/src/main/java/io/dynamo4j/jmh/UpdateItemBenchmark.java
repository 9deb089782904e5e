package io.dynamo4j.jmh;

import static io.dynamo4j.model.AttributeValue.n;

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
 * UpdateItem {@code SET #a = :v} of one number attribute of a random existing item of a table of
 * 100,000 items ({@link LoadedTable}), for every {@link Target} and {@link ItemShape}: the request
 * is built with an expression, names and values, as applications build it.
 *
 * <p>Run, from the repository root, after {@code mvn -B -pl jmh -am package -DskipTests}:
 * <pre>
 * java -jar jmh/target/benchmarks.jar UpdateItemBenchmark
 * </pre>
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class UpdateItemBenchmark {

  /** Each thread's keys and values, in the target's form. */
  @State(Scope.Thread)
  public static class Updates {
    private static final int COUNT = 1 << 14;

    private final Object[] keys = new Object[COUNT];
    private final Object[] values = new Object[COUNT];
    private int next;

    /** Draws random keys and values. */
    @Setup(Level.Trial)
    public void setUp(LoadedTable table) {
      SplittableRandom random = new SplittableRandom(7 + Thread.currentThread().getId());
      for (int i = 0; i < COUNT; i++) {
        keys[i] = table.database().key(Dataset.key(table.randomIndex(random)));
        values[i] = table.database().value(n(random.nextInt(1_000_000)));
      }
    }
  }

  /** Sets attribute {@code v} of one item. */
  @Benchmark
  public void updateItem(LoadedTable table, Updates updates) {
    int i = updates.next++ & (Updates.COUNT - 1);
    table.database().updateSet(Dataset.TABLE, updates.keys[i], "v", updates.values[i]);
  }

  /** The same, from two threads at once: operations per second (throughput, not latency). */
  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @Threads(2)
  public void throughput(LoadedTable table, Updates updates) {
    updateItem(table, updates);
  }
}
