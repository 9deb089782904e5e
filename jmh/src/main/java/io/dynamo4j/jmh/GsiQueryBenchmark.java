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
 * Query of the global secondary index {@value Dataset#GSI}: {@code g = :g} for a random group, with
 * Limit {@value Dataset#GSI_PAGE}, from a table of 100,000 items ({@link LoadedTable}, 100 items a
 * group, spread over the table), for every {@link Target} and {@link ItemShape}; returns the
 * number of items read (ten). SampleTime ({@code queryIndex}) and two-thread throughput
 * ({@code throughput}).
 *
 * <p>Run, from the repository root, after {@code mvn -B -pl jmh -am package -DskipTests}:
 * <pre>
 * java -jar jmh/target/benchmarks.jar GsiQueryBenchmark
 * </pre>
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class GsiQueryBenchmark {

  /** Each thread's groups to query, in the target's form. */
  @State(Scope.Thread)
  public static class Groups {
    private static final int COUNT = 1 << 12;

    private final Object[] values = new Object[COUNT];
    private int next;

    /** Draws random groups (of the items the table holds). */
    @Setup(Level.Trial)
    public void setUp(LoadedTable table) {
      SplittableRandom random = new SplittableRandom(13 + Thread.currentThread().getId());
      for (int i = 0; i < COUNT; i++) {
        values[i] = table.database().value(Dataset.group(table.randomIndex(random)));
      }
    }
  }

  /** Queries one group of the GSI; returns how many items came back. */
  @Benchmark
  public int queryIndex(LoadedTable table, Groups groups) {
    return table.database().queryIndex(Dataset.TABLE, groups.values[groups.next++ & (Groups.COUNT - 1)], Dataset.GSI_PAGE);
  }

  /** The same, from two threads at once: operations per second (throughput, not latency). */
  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @Threads(2)
  public int throughput(LoadedTable table, Groups groups) {
    return queryIndex(table, groups);
  }
}
