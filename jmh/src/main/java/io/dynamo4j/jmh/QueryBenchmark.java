package io.dynamo4j.jmh;

import static io.dynamo4j.model.AttributeValue.s;

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
 * Query of one random partition key: {@code pk = :p}, which returns its
 * {@value Dataset#ITEMS_PER_PARTITION} items, from a table of 100,000 items ({@link LoadedTable}),
 * for every {@link Target} and {@link ItemShape}.
 *
 * <p>Run, from the repository root, after {@code mvn -B -pl jmh -am package -DskipTests}:
 * <pre>
 * java -jar jmh/target/benchmarks.jar QueryBenchmark
 * </pre>
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class QueryBenchmark {

  /** Each thread's partition keys to query, in the target's form. */
  @State(Scope.Thread)
  public static class Partitions {
    private static final int COUNT = 1 << 14;

    private final Object[] values = new Object[COUNT];
    private int next;

    /** Draws random partition keys. */
    @Setup(Level.Trial)
    public void setUp(LoadedTable table) {
      SplittableRandom random = new SplittableRandom(11 + Thread.currentThread().getId());
      for (int i = 0; i < COUNT; i++) {
        values[i] = table.database().value(s(Dataset.partitionKey(table.randomIndex(random))));
      }
    }
  }

  /** Queries one partition; returns how many items came back (always 10). */
  @Benchmark
  public int query(LoadedTable table, Partitions partitions) {
    return table.database().query(Dataset.TABLE, partitions.values[partitions.next++ & (Partitions.COUNT - 1)]);
  }

  /** The same, from two threads at once: operations per second (throughput, not latency). */
  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @Threads(2)
  public int throughput(LoadedTable table, Partitions partitions) {
    return query(table, partitions);
  }
}
