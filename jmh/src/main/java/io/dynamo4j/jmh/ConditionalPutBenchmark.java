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
 * A failing conditional write: PutItem of a new version of a random existing item of a table of
 * 100,000 items ({@link LoadedTable}) with {@code attribute_not_exists(pk)}, which fails with
 * ConditionalCheckFailedException and changes nothing; the adapter catches the exception as an
 * application does, so its cost (in the AWS SDK: an HTTP 400 and an exception built from it) is
 * measured. The items are {@link PutItemBenchmark}'s. For every {@link Target} and {@link
 * ItemShape}; SampleTime ({@code putIfAbsent}) and two-thread throughput ({@code throughput}).
 *
 * <p>Run, from the repository root, after {@code mvn -B -pl jmh -am package -DskipTests}:
 * <pre>
 * java -jar jmh/target/benchmarks.jar ConditionalPutBenchmark
 * </pre>
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class ConditionalPutBenchmark {

  /** Tries to write one item that exists; returns false (the condition failed). */
  @Benchmark
  public boolean putIfAbsent(LoadedTable table, PutItemBenchmark.Items items) {
    boolean written = table.database().putIfAbsent(Dataset.TABLE, items.next());
    if (written) {
      throw new IllegalStateException(table.target + " wrote an item that exists despite attribute_not_exists(pk)");
    }
    return written;
  }

  /** The same, from two threads at once: operations per second (throughput, not latency). */
  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @Threads(2)
  public boolean throughput(LoadedTable table, PutItemBenchmark.Items items) {
    return putIfAbsent(table, items);
  }
}
