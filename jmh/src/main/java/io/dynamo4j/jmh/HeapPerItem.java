package io.dynamo4j.jmh;

import io.dynamo4j.model.Item;
import java.io.IOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.ref.Reference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;

/**
 * Heap bytes per stored item in dynamo4j's memory engine: the live heap after loading {@code N}
 * items, less the live heap before, over {@code N}. For scale it also measures the same items held
 * in a plain array (what the items themselves cost), so "engine overhead" is the difference.
 * Items are made one at a time, so the engine is the only thing holding them.
 *
 * <p>Run, from the repository root, after {@code mvn -B -pl jmh -am package -DskipTests}:
 * <pre>
 * java -Xmx4g -XX:+UseSerialGC -cp jmh/target/benchmarks.jar io.dynamo4j.jmh.HeapPerItem 100000 ONE_KB
 * java -Xmx4g -XX:+UseSerialGC -cp jmh/target/benchmarks.jar io.dynamo4j.jmh.HeapPerItem 100000 TINY
 * </pre>
 * Arguments: the number of items (default 100000), the {@link ItemShape} (default ONE_KB) and,
 * optionally, a properties file to write the figures to (for {@link Summary}).
 * A serial collector makes "live heap after a full collection" exact. Not thread-safe; a program.
 */
public final class HeapPerItem {

  private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

  private HeapPerItem() {}

  /** Prints the measurement; see the class comment for the arguments. */
  public static void main(String[] args) throws IOException {
    int count = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 100_000;
    ItemShape shape = args.length > 1 ? ItemShape.valueOf(args[1]) : ItemShape.ONE_KB;

    long itemBytes = 0;
    for (int i = 0; i < count; i++) {
      itemBytes += shape.item(i, 0).sizeInBytes();
    }

    double plain = plainArrayBytesPerItem(shape, count);
    double engine = engineBytesPerItem(shape, count);

    System.out.printf(Locale.ROOT, "items: %,d %s, DynamoDB size %.1f bytes/item%n", count, shape, (double) itemBytes / count);
    System.out.printf(Locale.ROOT, "Item objects in an array: %.1f heap bytes/item%n", plain);
    System.out.printf(Locale.ROOT, "dynamo4j memory engine:   %.1f heap bytes/item (%.2f x DynamoDB size)%n",
        engine, engine * count / itemBytes);
    System.out.printf(Locale.ROOT, "JVM: %s %s, max heap %,d MB, collectors %s%n",
        System.getProperty("java.vm.name"), System.getProperty("java.runtime.version"),
        Runtime.getRuntime().maxMemory() >> 20,
        ManagementFactory.getGarbageCollectorMXBeans().stream().map(gc -> gc.getName()).toList());
    if (args.length > 2) {
      Properties figures = new Properties();
      figures.setProperty("heap.items", Integer.toString(count));
      figures.setProperty("heap.shape", shape.name());
      figures.setProperty("heap.itemBytes", String.format(Locale.ROOT, "%.1f", (double) itemBytes / count));
      figures.setProperty("heap.arrayBytesPerItem", String.format(Locale.ROOT, "%.0f", plain));
      figures.setProperty("heap.engineBytesPerItem", String.format(Locale.ROOT, "%.0f", engine));
      try (Writer out = Files.newBufferedWriter(Path.of(args[2]))) {
        figures.store(out, "HeapPerItem");
      }
    }
  }

  /** Live heap per item of the memory engine holding {@code count} items. */
  static double engineBytesPerItem(ItemShape shape, int count) {
    try (Database database = Target.DYNAMO4J_MEMORY.open()) {
      database.createTable(Dataset.TABLE);
      long before = liveHeap();
      for (int i = 0; i < count; i++) {
        database.putItem(Dataset.TABLE, database.item(shape.item(i, 0)));
      }
      long after = liveHeap();
      Reference.reachabilityFence(database);
      return (double) (after - before) / count;
    }
  }

  /** Live heap per item of {@code count} items held in an array. */
  static double plainArrayBytesPerItem(ItemShape shape, int count) {
    long before = liveHeap();
    Item[] items = new Item[count];
    for (int i = 0; i < count; i++) {
      items[i] = shape.item(i, 0);
    }
    long after = liveHeap();
    Reference.reachabilityFence(items);
    return (double) (after - before) / count;
  }

  /** Heap in use after full collections, once two in a row agree within 64 KB. */
  static long liveHeap() {
    long previous = Long.MAX_VALUE;
    for (int round = 0; round < 10; round++) {
      System.gc();
      long used = MEMORY.getHeapMemoryUsage().getUsed();
      if (Math.abs(previous - used) < 64 * 1024) {
        return used;
      }
      previous = used;
    }
    return previous;
  }
}
