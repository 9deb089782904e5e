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
 * PutItem of an object of about 1 KB, replacing a stored one, through a mapper, into a table of
 * 10,000 ({@link MappedTableState}): dynamo4j's {@code MappedTable.put} over the memory engine
 * beside the Enhanced Client's {@code DynamoDbTable.putItem} over DynamoDB Local in process
 * ({@link MappedTarget}). The objects are made in setup; the mapping is measured. SampleTime.
 *
 * <p>Run, from the repository root, after {@code mvn -B -pl jmh -am package -DskipTests}:
 * <pre>
 * java -jar jmh/target/benchmarks.jar MappedPutItemBenchmark
 * </pre>
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class MappedPutItemBenchmark {

  /** Each thread's objects to write. */
  @State(Scope.Thread)
  public static class Objects {
    private static final int COUNT = 1 << 12;

    private final OneKbBean[] objects = new OneKbBean[COUNT];
    private int next;

    /** Makes new versions of random stored objects. */
    @Setup(Level.Trial)
    public void setUp(MappedTableState state) {
      SplittableRandom random = new SplittableRandom(37 + Thread.currentThread().getId());
      for (int i = 0; i < COUNT; i++) {
        OneKbBean bean = MapperBenchmark.oneKbBean(state.randomIndex(random));
        bean.setVersion(bean.getVersion() + 1 + i);
        objects[i] = bean;
      }
    }
  }

  /** Writes one object. */
  @Benchmark
  public void putItem(MappedTableState state, Objects objects) {
    state.table().put(objects.objects[objects.next++ & (Objects.COUNT - 1)]);
  }
}
