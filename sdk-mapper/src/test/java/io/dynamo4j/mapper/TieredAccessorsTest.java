package io.dynamo4j.mapper;

import static org.assertj.core.api.Assertions.assertThat;

import io.dynamo4j.mapper.annotation.Flatten;
import io.dynamo4j.mapper.annotation.PartitionKey;
import io.dynamo4j.model.Item;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The tiered accessors: a schema starts with reflection, the generated class is made on the
 * accessor thread and swapped in, and conversions running across the swap give the same results.
 * Each test maps classes of its own, so that no other test has generated their accessors first.
 */
class TieredAccessorsTest {

  public record Where(String city, int zip) {}

  public record Slow(@PartitionKey String id, int n, long total, String note, List<String> tags, Where where) {}

  public record Swapped(@PartitionKey String id, long count, @Flatten Where where) {}

  public record Waited(@PartitionKey String id, boolean flag) {}

  /** A bean, for the write/read path through setters. */
  public static class Raced {
    private String id;
    private int n;
    private String text;
    private Where where;

    public Raced() {}

    Raced(String id, int n, String text, Where where) {
      this.id = id;
      this.n = n;
      this.text = text;
      this.where = where;
    }

    @PartitionKey
    public String getId() {
      return id;
    }

    public void setId(String id) {
      this.id = id;
    }

    public int getN() {
      return n;
    }

    public void setN(int n) {
      this.n = n;
    }

    public String getText() {
      return text;
    }

    public void setText(String text) {
      this.text = text;
    }

    public Where getWhere() {
      return where;
    }

    public void setWhere(Where where) {
      this.where = where;
    }
  }

  /** Holds the accessor thread in a task until released, so that a test sees the reflective tier. */
  private static CountDownLatch holdAccessorThread() throws InterruptedException {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AccessorThread.submit(new Runnable() {
      @Override
      public void run() {
        started.countDown();
        try {
          release.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    });
    assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
    return release;
  }

  @Test
  void schema_generationPending_worksByReflectionThenSwapsToGenerated() throws Exception {
    CountDownLatch release = holdAccessorThread();
    Slow value = new Slow("s-1", 7, 5_000_000_000L, "hello", List.of("a", "b"), new Where("Lyon", 69000));
    TableSchema<Slow> schema;
    Item before;
    try {
      schema = Mapper.create().schema(Slow.class);
      assertThat(schema.accessorKind()).isEqualTo(AccessorKind.REFLECTIVE);
      assertThat(schema.awaitAccessors(Duration.ofMillis(50))).isEqualTo(AccessorKind.REFLECTIVE); // still held
      before = schema.toItem(value);
      assertThat(schema.fromItem(before)).isEqualTo(value);
    } finally {
      release.countDown();
    }
    assertThat(schema.awaitAccessors(Duration.ofSeconds(30))).isEqualTo(AccessorKind.GENERATED);
    assertThat(schema.toItem(value)).isEqualTo(before);
    assertThat(schema.fromItem(before)).isEqualTo(value);
    assertThat(Mapper.create().schema(Slow.class).accessorKind()).isEqualTo(AccessorKind.GENERATED); // defined once
  }

  public record Used(@PartitionKey String id, int n) {}

  @Test
  void conversions_belowTheThreshold_generateNothing_thenTierUpWithoutAwaiting() throws Exception {
    TableSchema<Used> schema = Mapper.create().schema(Used.class);
    Item item = schema.toItem(new Used("u", 1));
    for (int i = 0; i < 10; i++) {
      schema.fromItem(schema.toItem(new Used("u", i)));
    }
    Thread.sleep(200);
    assertThat(schema.accessorKind()).isEqualTo(AccessorKind.REFLECTIVE); // nothing submitted yet
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    int conversions = 0;
    while (schema.accessorKind() != AccessorKind.GENERATED && System.nanoTime() < deadline) {
      assertThat(schema.fromItem(item)).isEqualTo(new Used("u", 1));
      conversions++;
    }
    assertThat(schema.accessorKind()).isEqualTo(AccessorKind.GENERATED);
    assertThat(conversions + 21).isGreaterThanOrEqualTo(ObjectModel.TIER_UP_USES);
  }

  @Test
  void accessorThread_isNamedAndDaemon() throws Exception {
    AtomicReference<Thread> seen = new AtomicReference<>();
    CountDownLatch ran = new CountDownLatch(1);
    AccessorThread.submit(new Runnable() {
      @Override
      public void run() {
        seen.set(Thread.currentThread());
        ran.countDown();
      }
    });
    assertThat(ran.await(30, TimeUnit.SECONDS)).isTrue();
    assertThat(seen.get().getName()).isEqualTo("dynamo4j-mapper-accessors");
    assertThat(seen.get().isDaemon()).isTrue();
  }

  @Test
  void generateInBackgroundFalse_schemaUsesGeneratedClassAtOnce() {
    TableSchema<Waited> schema = Mapper.builder().generateInBackground(false).build().schema(Waited.class);
    assertThat(schema.accessorKind()).isEqualTo(AccessorKind.GENERATED);
    assertThat(schema.fromItem(schema.toItem(new Waited("w", true)))).isEqualTo(new Waited("w", true));
  }

  @Test
  void awaitAccessors_reflectiveMode_returnsAtOnce() {
    TableSchema<Waited> schema = Mapper.builder().accessors(AccessorKind.REFLECTIVE).build().schema(Waited.class);
    long start = System.nanoTime();
    assertThat(schema.awaitAccessors(Duration.ofSeconds(30))).isEqualTo(AccessorKind.REFLECTIVE);
    assertThat(System.nanoTime() - start).isLessThan(TimeUnit.SECONDS.toNanos(5));
  }

  @Test
  void concurrentConversions_acrossTheSwap_giveIdenticalItemsAndInstances() throws Exception {
    TableSchema<Raced> oracle = Mapper.builder().accessors(AccessorKind.REFLECTIVE).build().schema(Raced.class);
    TableSchema<Swapped> swappedOracle =
        Mapper.builder().accessors(AccessorKind.REFLECTIVE).build().schema(Swapped.class);
    List<Raced> values = new ArrayList<>();
    List<Swapped> others = new ArrayList<>();
    for (int i = 0; i < 64; i++) {
      values.add(new Raced("r-" + i, i * 37 - 500, i % 3 == 0 ? null : "t" + i, new Where("c" + i, i)));
      others.add(new Swapped("s-" + i, i * 1_000_003L, i % 4 == 0 ? null : new Where("z" + i, -i)));
    }
    List<Item> expected = new ArrayList<>();
    List<Item> expectedOthers = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      expected.add(oracle.toItem(values.get(i)));
      expectedOthers.add(swappedOracle.toItem(others.get(i)));
    }

    CountDownLatch release = holdAccessorThread();
    Mapper mapper = Mapper.create();
    TableSchema<Raced> schema;
    TableSchema<Swapped> swapped;
    try {
      schema = mapper.schema(Raced.class);
      swapped = mapper.schema(Swapped.class);
      assertThat(schema.accessorKind()).isEqualTo(AccessorKind.REFLECTIVE);
      assertThat(swapped.accessorKind()).isEqualTo(AccessorKind.REFLECTIVE);
    } catch (RuntimeException | Error e) {
      release.countDown();
      throw e;
    }

    int threads = 4;
    AtomicInteger mismatches = new AtomicInteger();
    AtomicInteger conversionsAfterSwap = new AtomicInteger();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    CountDownLatch go = new CountDownLatch(1);
    List<Thread> workers = new ArrayList<>();
    long stopAfter = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    for (int t = 0; t < threads; t++) {
      int offset = t;
      Thread w = new Thread(() -> {
        try {
          go.await();
          int i = offset;
          // run until both schemas have swapped and some conversions ran on the generated classes
          while (conversionsAfterSwap.get() < 2_000 && System.nanoTime() < stopAfter) {
            boolean generated = schema.accessorKind() == AccessorKind.GENERATED
                && swapped.accessorKind() == AccessorKind.GENERATED;
            int k = i++ % values.size();
            Item item = schema.toItem(values.get(k));
            Raced back = schema.fromItem(expected.get(k));
            Item other = swapped.toItem(others.get(k));
            Swapped otherBack = swapped.fromItem(expectedOthers.get(k));
            if (!item.equals(expected.get(k)) || !oracle.toItem(back).equals(expected.get(k))
                || !other.equals(expectedOthers.get(k)) || !otherBack.equals(others.get(k))) {
              mismatches.incrementAndGet();
            }
            if (generated) {
              conversionsAfterSwap.incrementAndGet();
            }
          }
        } catch (Throwable e) {
          failure.compareAndSet(null, e);
        }
      }, "tiered-test-" + t);
      w.start();
      workers.add(w);
    }
    go.countDown();
    Thread.sleep(50); // conversions run on reflection for a while
    release.countDown();
    for (Thread w : workers) {
      w.join(TimeUnit.SECONDS.toMillis(60));
    }
    assertThat(failure.get()).isNull();
    assertThat(mismatches.get()).isZero();
    assertThat(schema.accessorKind()).isEqualTo(AccessorKind.GENERATED);
    assertThat(swapped.accessorKind()).isEqualTo(AccessorKind.GENERATED);
    assertThat(conversionsAfterSwap.get()).isGreaterThanOrEqualTo(2_000);
  }
}
