package io.dynamo4j.jmh;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Write throughput of the persistent engines with 16 threads: every thread puts new ONE_KB items
 * (a fresh key each time) into one table with a GSI. {@code DYNAMO4J_DISK_FSYNC} acknowledges a
 * write once it is synced to the device, and concurrent writers share each sync (group commit);
 * {@code DYNAMO4J_DISK} once it is in the journal's memory-mapped file (survives kill -9);
 * DynamoDB Local's file mode is its SQLite database. Operations per second, higher is better.
 *
 * <p>Run, from the repository root, after {@code mvn -B -pl jmh -am package -DskipTests}:
 * <pre>
 * java -jar jmh/target/benchmarks.jar DiskWriteThroughputBenchmark
 * </pre>
 * The forks get Chronicle Queue's JVM flags from {@code @Fork} below.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Threads(16)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g",
    "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED", "--add-opens=java.base/java.lang=ALL-UNNAMED",
    "--add-opens=java.base/java.nio=ALL-UNNAMED", "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
    "--add-exports=java.base/sun.nio.ch=ALL-UNNAMED", "--add-exports=java.base/jdk.internal.ref=ALL-UNNAMED",
    "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED", "--add-exports=jdk.unsupported/sun.misc=ALL-UNNAMED",
    "-Dchronicle.analytics.disable=true"})
public class DiskWriteThroughputBenchmark {

  /** The database under test and the next free item index. */
  @State(Scope.Benchmark)
  public static class Store {
    @Param({"DYNAMO4J_DISK_FSYNC", "DYNAMO4J_DISK", "DYNAMODB_LOCAL_FILE"})
    public Target target;

    Database database;
    final AtomicInteger next = new AtomicInteger();

    /** Opens an empty database with the benchmark table. */
    @Setup(Level.Trial)
    public void open() {
      database = target.open();
      database.createTable(Dataset.TABLE);
    }

    /** Closes it (deleting its folder). */
    @TearDown(Level.Trial)
    public void close() {
      database.close();
    }
  }

  /** Puts one new item. */
  @Benchmark
  public void putNew(Store store) {
    int i = store.next.getAndIncrement();
    store.database.putItem(Dataset.TABLE, store.database.item(ItemShape.ONE_KB.item(i, 0)));
  }
}
