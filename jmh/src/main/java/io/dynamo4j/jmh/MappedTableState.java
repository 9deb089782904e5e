package io.dynamo4j.jmh;

import io.dynamo4j.jmh.MapperBenchmark.OneKbBean;
import java.util.Locale;
import java.util.SplittableRandom;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The fixture of the mapped benchmarks: one {@link MappedTarget} with a table of {@code items}
 * {@link OneKbBean}s ({@code MapperBenchmark.oneKbBean(i)}, keys {@code customer-i} and
 * {@code i % 10}), loaded by the mapper itself before measurement. Fresh for each trial.
 * Thread-safe once set up.
 */
@State(Scope.Benchmark)
public class MappedTableState {

  /** The mapper and database measured. */
  @Param({"DYNAMO4J_MAPPER", "ENHANCED_CLIENT"})
  public MappedTarget target;

  /** How many objects the table holds. */
  @Param({"10000"})
  public int items;

  private MappedTarget.Table table;

  /** Opens the target and stores the objects. */
  @Setup(Level.Trial)
  public void setUp() {
    long start = System.nanoTime();
    table = target.open("mapped");
    for (int i = 0; i < items; i++) {
      table.put(MapperBenchmark.oneKbBean(i));
    }
    OneKbBean last = table.get("customer-" + (items - 1), (items - 1) % 10);
    if (last == null || !last.getName().equals("Customer " + (items - 1))) {
      throw new IllegalStateException(target + ": the last object reads back as " + last);
    }
    System.out.printf(Locale.ROOT, "%n%s: started and stored %,d objects in %.1f s%n", target, items,
        (System.nanoTime() - start) / 1e9);
  }

  /** Closes the target. */
  @TearDown(Level.Trial)
  public void tearDown() {
    table.close();
  }

  MappedTarget.Table table() {
    return table;
  }

  int randomIndex(SplittableRandom random) {
    return random.nextInt(items);
  }
}
