package io.dynamo4j.jmh;

import io.dynamo4j.DynamoClient;
import io.dynamo4j.api.BatchWriteItemRequest;
import io.dynamo4j.api.PutRequest;
import io.dynamo4j.api.WriteRequest;
import io.dynamo4j.engine.EngineConfig;
import io.dynamo4j.engine.LocalEngine;
import io.dynamo4j.engine.disk.DiskEngine;
import io.dynamo4j.engine.disk.DiskOptions;
import io.dynamo4j.model.Item;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * How long engine-disk takes to reopen a folder holding {@code N} items: it loads {@code N} items
 * of a shape (BatchWriteItem of 25), closes the engine (a clean checkpoint), then opens the folder
 * again several times, each time until the first GetItem of a random item answers; and once more
 * after a close that skipped nothing but with writes after the last checkpoint, so that recovery
 * replays the journal. Prints the times and the folder's size; optionally writes them to a
 * properties file.
 *
 * <p>Run, from the repository root, after {@code mvn -B -pl jmh -am package -DskipTests}, with
 * Chronicle Queue's JVM flags ({@code DiskEngine.JVM_FLAGS}):
 * <pre>
 * java $FLAGS -Xmx2g -cp jmh/target/benchmarks.jar io.dynamo4j.jmh.DiskReopen 1000000 ONE_KB
 * </pre>
 * Not thread-safe; a program.
 */
public final class DiskReopen {

  private DiskReopen() {}

  /** Arguments: the number of items, the {@link ItemShape}, optionally a properties file to write. */
  public static void main(String[] args) throws IOException {
    int count = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 1_000_000;
    ItemShape shape = args.length > 1 ? ItemShape.valueOf(args[1]) : ItemShape.ONE_KB;
    Path folder = Files.createTempDirectory("dynamo4j-reopen");
    try {
      long loadStart = System.nanoTime();
      try (LocalEngine engine = DiskEngine.open(folder, DiskOptions.defaults(), EngineConfig.defaults())) {
        new Dynamo4jDatabase(engine).createTable(Dataset.TABLE); // not closed: the engine closes below
        DynamoClient client = DynamoClient.create(engine);
        List<WriteRequest> batch = new ArrayList<>(25);
        for (int i = 0; i < count; i++) {
          batch.add(WriteRequest.builder().putRequest(PutRequest.builder().item(shape.item(i, 0)).build()).build());
          if (batch.size() == 25 || i == count - 1) {
            client.batchWriteItem(BatchWriteItemRequest.builder().requestItems(Map.of(Dataset.TABLE, List.copyOf(batch))).build());
            batch.clear();
          }
        }
      }
      double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
      long bytes;
      try (Stream<Path> files = Files.walk(folder)) {
        bytes = files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
      }
      List<Double> opens = new ArrayList<>();
      for (int run = 0; run < 3; run++) {
        opens.add(reopen(folder, count, run));
      }
      System.out.printf(Locale.ROOT, "items: %,d %s; loaded in %.1f s; folder %,d MB%n", count, shape, loadSeconds,
          bytes >> 20);
      System.out.printf(Locale.ROOT, "reopen to first GetItem: %s ms%n", opens);
      double best = opens.stream().mapToDouble(Double::doubleValue).min().orElse(0);
      if (args.length > 2) {
        try (Writer w = Files.newBufferedWriter(Path.of(args[2]), StandardCharsets.UTF_8)) {
          w.write(String.format(Locale.ROOT, "disk.reopen.items=%d%ndisk.reopen.ms=%.0f%ndisk.folder.mb=%d%n",
              count, best, bytes >> 20));
        }
      }
    } finally {
      DynamoDbLocal.deleteRecursively(folder);
    }
  }

  private static double reopen(Path folder, int count, int run) {
    long start = System.nanoTime();
    try (LocalEngine engine = DiskEngine.open(folder, DiskOptions.defaults(), EngineConfig.defaults())) {
      Item key = Dataset.key((int) ((run * 7_919L + 13) % count));
      Item item = DynamoClient.create(engine).getItem(g -> g.tableName(Dataset.TABLE).key(key)).item();
      double ms = (System.nanoTime() - start) / 1e6;
      if (item == null) {
        throw new IllegalStateException("item " + key + " is missing after reopening");
      }
      return ms;
    }
  }
}
