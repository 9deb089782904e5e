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
 * call {@link #database()}. Write benchmarks only replace existing items (new versions of the same
 * keys), so the table keeps its keys, its size and its GSI groups whatever ran before.
 *
 * <p>Loading is not measured. dynamo4j's engine loads by PutItem; the AWS SDK targets by
 * BatchWriteItem, 25 items a request (DynamoDB Local: about 25 s for 100,000 items of 1 KB on a
 * 2-core machine).
 *
 * <p>With {@code -D}{@value #SHARE_PROPERTY}{@code =true} (what {@code scripts/bench.sh} sets,
 * running every benchmark of one target and shape in one JVM with {@code -f 0}) the loaded target
 * is kept for the next trial with the same target, shape and size instead of being closed, so it
 * is loaded once per JVM rather than once per benchmark; at most one is kept, and the JVM's exit
 * closes it.
 *
 * <p>Thread-safe once set up (JMH sets it up before, and tears it down after, every measured call).
 */
@State(Scope.Benchmark)
public class LoadedTable {

  /** The system property that keeps a loaded target from one trial to the next. */
  static final String SHARE_PROPERTY = "dynamo4j.bench.share";

  /** The loaded target kept between trials in shared mode, and what it holds; guarded by the class. */
  private static Database shared;
  private static String sharedKey;

  /** What is measured. */
  @Param({"DYNAMO4J_MEMORY", "DYNAMO4J_DISK", "DYNAMO4J_SERVER", "DYNAMODB_LOCAL", "DYNAMODB_LOCAL_FILE", "DYNAMODB_LOCAL_SERVER"})
  public Target target;

  /** What the items hold. */
  @Param({"ONE_KB", "TINY"})
  public ItemShape shape;

  /** How many items the table holds. */
  @Param({"100000"})
  public int items;

  private Database database;

  /** Starts the target, creates the table and loads it (or takes the shared one, already loaded). */
  @Setup(Level.Trial)
  public void setUp() {
    if (Boolean.getBoolean(SHARE_PROPERTY)) {
      database = takeShared(target + "/" + shape + "/" + items);
    } else {
      database = load();
    }
  }

  /** Stops the target, unless it is shared. */
  @TearDown(Level.Trial)
  public void tearDown() {
    if (!Boolean.getBoolean(SHARE_PROPERTY)) {
      database.close();
    }
  }

  private Database takeShared(String key) {
    synchronized (LoadedTable.class) {
      if (key.equals(sharedKey)) {
        return shared;
      }
      if (shared != null) {
        shared.close();
      } else {
        Runtime.getRuntime().addShutdownHook(new Thread(LoadedTable::closeShared, "close-shared-target"));
      }
      shared = null;
      sharedKey = null;
      shared = load();
      sharedKey = key;
      return shared;
    }
  }

  private static void closeShared() {
    synchronized (LoadedTable.class) {
      if (shared != null) {
        shared.close();
        shared = null;
      }
    }
  }

  private Database load() {
    long start = System.nanoTime();
    Database loaded = target.open();
    loaded.createTable(Dataset.TABLE);
    int chunk = 1_000;
    List<Object> batch = new ArrayList<>(chunk);
    for (int from = 0; from < items; from += chunk) {
      batch.clear();
      for (int i = from; i < Math.min(from + chunk, items); i++) {
        batch.add(loaded.item(shape.item(i, 0)));
      }
      loaded.load(Dataset.TABLE, batch);
    }
    checkLoaded(loaded);
    System.out.printf(Locale.ROOT, "%n%s: started and loaded %,d %s items in %.1f s%n",
        target, items, shape, (System.nanoTime() - start) / 1e9);
    return loaded;
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
  private void checkLoaded(Database loaded) {
    SplittableRandom random = new SplittableRandom(1);
    for (int probe = 0; probe < 20; probe++) {
      int index = probe == 0 ? items - 1 : randomIndex(random);
      Object found = loaded.getItem(Dataset.TABLE, loaded.key(Dataset.key(index)));
      if (!shape.item(index, 0).equals(loaded.neutral(found))) {
        throw new IllegalStateException(target + ": item " + index + " reads back as " + loaded.neutral(found));
      }
    }
  }
}
