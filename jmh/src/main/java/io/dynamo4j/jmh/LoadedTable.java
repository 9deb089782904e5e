package io.dynamo4j.jmh;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The shared fixture of the item benchmarks: one {@link Target}, started fresh for each trial
 * (each fork), holding the table {@value Dataset#TABLE} with {@code items} items of one
 * {@link ItemShape} (items {@code 0 .. items-1}, version 0). Benchmarks take it as a parameter and
 * call {@link #database()}.
 *
 * <p>Loading is not measured. dynamo4j loads by PutItem; DynamoDB Local by BatchWriteItem, 25
 * items a request (about 25 s for 100,000 items of 1 KB on a 2-core machine).
 *
 * <p>Thread-safe once set up (JMH sets it up before, and tears it down after, every measured call).
 */
@State(Scope.Benchmark)
public class LoadedTable {

  /** What is measured. */
  @Param({"DYNAMO4J_MEMORY", "DYNAMODB_LOCAL"})
  public Target target;

  /** What the items hold. */
  @Param({"ONE_KB", "TINY"})
  public ItemShape shape;

  /** How many items the table holds. */
  @Param({"100000"})
  public int items;

  private Database database;

  /** Starts the target, creates the table and loads it. */
  @Setup(Level.Trial)
  public void setUp() {
    long start = System.nanoTime();
    database = target.open();
    database.createTable(Dataset.TABLE, Dataset.PK, Dataset.SK);
    int chunk = 1_000;
    List<Object> batch = new ArrayList<>(chunk);
    for (int from = 0; from < items; from += chunk) {
      batch.clear();
      for (int i = from; i < Math.min(from + chunk, items); i++) {
        batch.add(database.item(shape.item(i, 0)));
      }
      database.load(Dataset.TABLE, batch);
    }
    checkLoaded();
    System.out.printf(Locale.ROOT, "%n%s: started and loaded %,d %s items in %.1f s%n",
        target, items, shape, (System.nanoTime() - start) / 1e9);
  }

  /** Stops the target. */
  @TearDown(Level.Trial)
  public void tearDown() {
    database.close();
  }

  /** The target, loaded. */
  Database database() {
    return database;
  }

  /** A random index of an item in the table. */
  int randomIndex(SplittableRandom random) {
    return random.nextInt(items);
  }

  /** Reads back a few items, so a broken adapter fails the run instead of measuring nothing. */
  private void checkLoaded() {
    SplittableRandom random = new SplittableRandom(1);
    for (int probe = 0; probe < 20; probe++) {
      int index = probe == 0 ? items - 1 : randomIndex(random);
      Object found = database.getItem(Dataset.TABLE, database.key(Dataset.key(index)));
      if (!shape.item(index, 0).equals(database.neutral(found))) {
        throw new IllegalStateException(target + ": item " + index + " reads back as " + database.neutral(found));
      }
    }
  }
}
