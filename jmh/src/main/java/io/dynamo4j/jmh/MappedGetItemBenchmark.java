package io.dynamo4j.jmh;

import io.dynamo4j.jmh.MapperBenchmark.OneKbBean;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * GetItem of an object of about 1 KB by its key, through a mapper, from a table of 10,000
 * ({@link MappedTableState}): dynamo4j's {@code MappedTable.get} over the memory engine beside the
 * Enhanced Client's {@code DynamoDbTable.getItem} over DynamoDB Local in process ({@link
 * MappedTarget}). SampleTime.
 *
 * <p>Run, from the repository root, after {@code mvn -B -pl jmh -am package -DskipTests}:
 * <pre>
 * java -jar jmh/target/benchmarks.jar MappedGetItemBenchmark
 * </pre>
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class MappedGetItemBenchmark {

  /** Each thread's keys to read. */
  @State(Scope.Thread)
  public static class Keys {
    private static final int COUNT = 1 << 14;

    private final String[] partitions = new String[COUNT];
    private final int[] sorts = new int[COUNT];
    private int next;

    /** Draws random keys of stored objects. */
    @Setup(Level.Trial)
    public void setUp(MappedTableState state) {
      SplittableRandom random = new SplittableRandom(31 + Thread.currentThread().getId());
      for (int i = 0; i < COUNT; i++) {
        int index = state.randomIndex(random);
        partitions[i] = "customer-" + index;
        sorts[i] = index % 10;
      }
    }
  }

  /** Reads one object. */
  @Benchmark
  public OneKbBean getItem(MappedTableState state, Keys keys) {
    int i = keys.next++ & (Keys.COUNT - 1);
    return state.table().get(keys.partitions[i], keys.sorts[i]);
  }
}
