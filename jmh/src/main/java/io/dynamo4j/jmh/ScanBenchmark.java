package io.dynamo4j.jmh;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Scan of 10,000 items from the start of a table of 100,000 items ({@link LoadedTable}), page
 * after page as a client pages (1 MB pages, LastEvaluatedKey to ExclusiveStartKey), for every
 * {@link Target} and {@link ItemShape}. DynamoDB Local takes about a second and a half per
 * operation, so its iterations are long and few.
 *
 * <p>Run, from the repository root, after {@code mvn -B -pl jmh -am package -DskipTests}:
 * <pre>
 * java -jar jmh/target/benchmarks.jar ScanBenchmark
 * </pre>
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 3, time = 10)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class ScanBenchmark {

  /** Items read per operation. */
  static final int ITEMS = 10_000;

  /** Scans 10,000 items (all of them in a smaller table); returns how many were read. */
  @Benchmark
  public int scan(LoadedTable table) {
    int wanted = Math.min(ITEMS, table.items);
    int read = table.database().scan(Dataset.TABLE, wanted);
    if (read != wanted) {
      throw new IllegalStateException("scanned " + read + " items, not " + wanted);
    }
    return read;
  }

  /** The same, from two threads at once: operations per second (throughput, not latency). */
  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @Threads(2)
  public int throughput(LoadedTable table) {
    return scan(table);
  }
}
