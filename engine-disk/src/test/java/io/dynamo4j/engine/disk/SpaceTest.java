package io.dynamo4j.engine.disk;

import static io.dynamo4j.model.AttributeValue.n;
import static io.dynamo4j.model.AttributeValue.s;
import static org.assertj.core.api.Assertions.assertThat;

import io.dynamo4j.api.AttributeDefinition;
import io.dynamo4j.api.BillingMode;
import io.dynamo4j.api.KeySchemaElement;
import io.dynamo4j.api.PointInTimeRecoverySpecification;
import io.dynamo4j.api.StreamSpecification;
import io.dynamo4j.api.StreamViewType;
import io.dynamo4j.engine.EngineConfig;
import io.dynamo4j.engine.LocalEngine;
import io.dynamo4j.engine.TestClock;
import io.dynamo4j.model.Item;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.LongSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Space: journal files go once the store holds them and neither the stream retention nor the
 * point-in-time recovery window needs them; the store's compaction reclaims overwritten and
 * deleted items.
 */
class SpaceTest {

  @TempDir
  Path dir;

  private long journalFiles() throws IOException {
    try (Stream<Path> files = Files.list(dir.resolve("journal"))) {
      return files.filter(p -> p.toString().endsWith(".cq4")).count();
    }
  }

  private static void waitUntil(String what, java.util.function.BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("waited 20 s for " + what).isLessThan(deadline);
      Thread.sleep(20);
    }
  }

  private static void put(LocalEngine engine, String table, String pk, int v, int padding) {
    engine.putItem(p -> p.tableName(table).item(Item.of("pk", s(pk), "v", n(v), "pad", s("x".repeat(padding)))));
  }

  @Test
  void journalFiles_deletedOnlyOnceOlderThanStreamRetentionAndRecoveryWindow() throws Exception {
    TestClock clock = new TestClock();
    DiskOptions options = DiskOptions.builder().secondlyJournalFiles().checkpointInterval(Duration.ofMillis(100)).build();
    try (LocalEngine engine = DiskEngine.open(dir, options, EngineConfig.builder().clock(clock).build())) {
      engine.createTable(t -> t.tableName("History").billingMode(BillingMode.PAY_PER_REQUEST)
          .keySchema(KeySchemaElement.hash("pk")).attributeDefinitions(AttributeDefinition.string("pk"))
          .streamSpecification(new StreamSpecification(true, StreamViewType.NEW_IMAGE)));
      engine.updateContinuousBackups(u -> u.tableName("History")
          .pointInTimeRecoverySpecification(PointInTimeRecoverySpecification.builder()
              .pointInTimeRecoveryEnabled(true).recoveryPeriodInDays(2).build()));
      for (int second = 0; second < 3; second++) {
        put(engine, "History", "k" + second, second, 10);
        Thread.sleep(1100); // the next write goes to the next file
      }
      put(engine, "History", "last", 3, 10);
      long files = journalFiles();
      assertThat(files).isGreaterThanOrEqualTo(4);

      Thread.sleep(500); // checkpoints run: the records are held by the stream and the window
      assertThat(journalFiles()).isEqualTo(files);

      clock.advance(Duration.ofHours(25)); // past the stream's 24 hours, inside the 2-day window
      put(engine, "History", "after-25h", 4, 10);
      Thread.sleep(500);
      assertThat(journalFiles()).isGreaterThanOrEqualTo(files);

      clock.advance(Duration.ofDays(2)); // past both
      put(engine, "History", "after-3d", 5, 10);
      waitUntil("old journal files deleted", () -> {
        try {
          return journalFiles() < files;
        } catch (IOException e) {
          throw new AssertionError(e);
        }
      });
    }
    try (LocalEngine engine = DiskEngine.open(dir)) {
      assertThat(engine.describeTable(d -> d.tableName("History")).table().itemCount()).isEqualTo(6);
      assertThat(engine.getItem(g -> g.tableName("History").key(Item.of("pk", s("k0")))).item()).isNotNull();
    }
  }

  @Test
  void compaction_overwriteLoop_keepsTheStoreFileBounded_andDeletesShrinkIt() throws Exception {
    DiskOptions options = DiskOptions.builder().checkpointInterval(Duration.ofMillis(20)).storeRetention(Duration.ZERO).build();
    Path file = dir.resolve("store.mv");
    LongSupplier size = () -> file.toFile().length();
    try (LocalEngine engine = DiskEngine.open(dir, options, EngineConfig.defaults())) {
      engine.createTable(t -> t.tableName("Churn").billingMode(BillingMode.PAY_PER_REQUEST)
          .keySchema(KeySchemaElement.hash("pk")).attributeDefinitions(AttributeDefinition.string("pk")));
      DiskStorage storage = (DiskStorage) engine.operations().context().storage();
      int items = 200;
      int padding = 4_000; // 800 KB live
      long written = 0;
      for (int round = 0; round < 40; round++) {
        for (int i = 0; i < items; i++) {
          put(engine, "Churn", "k" + i, round, padding);
        }
        written += (long) items * padding;
        storage.checkpoint();
      }
      storage.checkpoint();
      storage.compact(2_000);
      long afterOverwrites = size.getAsLong();
      assertThat(afterOverwrites).as("store after writing %d bytes over 800 KB of live items", written)
          .isLessThan(written / 4);

      for (int i = 0; i < items; i++) {
        int k = i;
        engine.deleteItem(d -> d.tableName("Churn").key(Item.of("pk", s("k" + k))));
      }
      storage.checkpoint();
      for (int i = 0; i < 5; i++) {
        storage.compact(2_000);
        storage.checkpoint();
      }
      assertThat(size.getAsLong()).as("store after deleting every item").isLessThan(afterOverwrites);
    }
  }
}
