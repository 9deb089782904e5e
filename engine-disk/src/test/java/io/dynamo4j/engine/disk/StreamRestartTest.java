package io.dynamo4j.engine.disk;

import static io.dynamo4j.model.AttributeValue.n;
import static io.dynamo4j.model.AttributeValue.s;
import static org.assertj.core.api.Assertions.assertThat;

import io.dynamo4j.api.AttributeDefinition;
import io.dynamo4j.api.BillingMode;
import io.dynamo4j.api.KeySchemaElement;
import io.dynamo4j.api.ProvisionedThroughput;
import io.dynamo4j.api.Record;
import io.dynamo4j.api.Shard;
import io.dynamo4j.api.ShardIteratorType;
import io.dynamo4j.api.StreamSpecification;
import io.dynamo4j.api.StreamViewType;
import io.dynamo4j.engine.EngineConfig;
import io.dynamo4j.engine.LocalEngine;
import io.dynamo4j.engine.TestClock;
import io.dynamo4j.engine.partition.Partition;
import io.dynamo4j.engine.stream.Subscriber;
import io.dynamo4j.engine.stream.Subscription;
import io.dynamo4j.model.Item;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Streams survive a restart (a clean close, or a crash that leaves only the journal): the same
 * shards with their ids, lineage and sequence ranges, the partitions they follow, readers going on
 * from a sequence number or an iterator issued before, and in-process consumers from their
 * checkpoints.
 */
class StreamRestartTest {

  @TempDir
  Path dir;

  private TestClock clock;
  private EngineConfig config;

  @BeforeEach
  void setUp() {
    clock = new TestClock();
    config = EngineConfig.builder().clock(clock).partitionSplitBytes(20_000).build();
  }

  private LocalEngine open() {
    return DiskEngine.open(dir, DiskOptions.defaults(), config);
  }

  private static String createTable(LocalEngine engine) {
    engine.createTable(t -> t.tableName("Events").billingMode(BillingMode.PROVISIONED)
        .provisionedThroughput(ProvisionedThroughput.of(5, 5))
        .keySchema(KeySchemaElement.hash("pk")).attributeDefinitions(AttributeDefinition.string("pk"))
        .streamSpecification(new StreamSpecification(true, StreamViewType.NEW_IMAGE)));
    return engine.describeTable(d -> d.tableName("Events")).table().latestStreamArn();
  }

  private static void put(LocalEngine engine, String pk, int v) {
    engine.putItem(p -> p.tableName("Events").item(Item.of("pk", s(pk), "v", n(v), "pad", s("x".repeat(400)))));
  }

  private static List<Shard> shards(LocalEngine engine, String arn) {
    return engine.describeStream(d -> d.streamArn(arn)).streamDescription().shards();
  }

  private static List<Partition> partitions(LocalEngine engine) {
    return engine.operations().context().catalog().get("Events").partitions().current();
  }

  private static List<Record> read(LocalEngine engine, String arn, String shardId, ShardIteratorType type, String sequence) {
    String it = engine.getShardIterator(g -> g.streamArn(arn).shardId(shardId).shardIteratorType(type)
        .sequenceNumber(sequence)).shardIterator();
    return readFrom(engine, it);
  }

  private static List<Record> readFrom(LocalEngine engine, String iterator) {
    List<Record> out = new ArrayList<>();
    String it = iterator;
    for (int i = 0; i < 100 && it != null; i++) {
      String current = it;
      var r = engine.getRecords(g -> g.shardIterator(current));
      out.addAll(r.records());
      if (r.records().isEmpty()) {
        break;
      }
      it = r.nextShardIterator();
    }
    return out;
  }

  /** Splits the table's partition (and so the stream's shard) and rolls the shards over once. */
  private void splitAndRollOver(LocalEngine engine) {
    for (int i = 0; i < 80; i++) {
      put(engine, "k" + i, i);
    }
    clock.advance(Duration.ofHours(4).plusMinutes(1));
    engine.operations().context().streams().maintain();
    put(engine, "after-rollover", 1);
  }

  private static void waitUntil(java.util.function.BooleanSupplier condition) {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("waited 10 s").isLessThan(deadline);
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        throw new AssertionError(e);
      }
    }
  }

  @Test
  void reopen_afterSplitsAndRollOvers_describeStreamShowsTheSameShardsAndPartitions() {
    String arn;
    List<Shard> before;
    List<Partition> partitionsBefore;
    try (LocalEngine engine = open()) {
      arn = createTable(engine);
      splitAndRollOver(engine);
      before = shards(engine, arn);
      partitionsBefore = partitions(engine);
    }
    assertThat(partitionsBefore).hasSizeGreaterThan(1);
    assertThat(before).hasSizeGreaterThan(partitionsBefore.size()); // closed parents beside the open children
    assertThat(before).anySatisfy(s -> assertThat(s.parentShardId()).isNotNull());
    try (LocalEngine engine = open()) {
      assertThat(shards(engine, arn)).isEqualTo(before);
      assertThat(partitions(engine)).isEqualTo(partitionsBefore);
      put(engine, "k0", 100);
      clock.advance(Duration.ofHours(4).plusMinutes(1));
      engine.operations().context().streams().maintain();
      List<Shard> after = shards(engine, arn);
      assertThat(after.subList(0, before.size())).extracting(Shard::shardId)
          .containsExactlyElementsOf(before.stream().map(Shard::shardId).toList());
      assertThat(after.subList(before.size(), after.size())).extracting(Shard::shardId)
          .doesNotContainAnyElementsOf(before.stream().map(Shard::shardId).toList());
    }
  }

  @Test
  void reopen_afterACrash_shardsAndPartitionsChangedSinceTheCheckpointComeFromTheJournal() {
    String arn;
    List<Shard> before;
    List<Partition> partitionsBefore;
    LocalEngine engine = open();
    arn = createTable(engine);
    splitAndRollOver(engine);
    before = shards(engine, arn);
    partitionsBefore = partitions(engine);
    ((DiskStorage) engine.operations().context().storage()).abandon(); // no checkpoint since the open
    try (LocalEngine again = open()) {
      assertThat(shards(again, arn)).isEqualTo(before);
      assertThat(partitions(again)).isEqualTo(partitionsBefore);
    }
  }

  @Test
  void reopen_readerWithASequenceNumberFromBefore_getsExactlyTheRecordsAfterIt() {
    String arn;
    String shardId;
    String third;
    try (LocalEngine engine = open()) {
      arn = createTable(engine);
      for (int i = 0; i < 5; i++) {
        put(engine, "a", i);
      }
      shardId = shards(engine, arn).get(0).shardId();
      third = read(engine, arn, shardId, ShardIteratorType.TRIM_HORIZON, null).get(2).dynamodb().sequenceNumber();
    }
    try (LocalEngine engine = open()) {
      put(engine, "a", 5);
      assertThat(read(engine, arn, shardId, ShardIteratorType.AFTER_SEQUENCE_NUMBER, third))
          .extracting(r -> r.dynamodb().newImage().getN("v").intValue()).containsExactly(3, 4, 5);
      assertThat(read(engine, arn, shardId, ShardIteratorType.AT_SEQUENCE_NUMBER, third))
          .extracting(r -> r.dynamodb().newImage().getN("v").intValue()).containsExactly(2, 3, 4, 5);
    }
  }

  @Test
  void reopen_iteratorIssuedBefore_stillReads() {
    String arn;
    String iterator;
    try (LocalEngine engine = open()) {
      arn = createTable(engine);
      put(engine, "a", 1);
      String shardId = shards(engine, arn).get(0).shardId();
      iterator = engine.getShardIterator(g -> g.streamArn(arn).shardId(shardId)
          .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
    }
    try (LocalEngine engine = open()) {
      put(engine, "a", 2);
      assertThat(readFrom(engine, iterator)).extracting(r -> r.dynamodb().newImage().getN("v").intValue())
          .containsExactly(1, 2);
    }
  }

  @Test
  void reopen_subscriber_resumesFromItsCheckpoint() {
    List<Integer> seen = new CopyOnWriteArrayList<>();
    Subscriber subscriber = Subscriber.builder("Events", "audit", batch -> batch.forEach(
        r -> seen.add(r.dynamodb().newImage().getN("v").intValue()))).build();
    try (LocalEngine engine = open()) {
      createTable(engine);
      try (Subscription s = engine.subscribe(subscriber)) {
        for (int i = 0; i < 10; i++) {
          put(engine, "a", i);
        }
        waitUntil(() -> seen.size() == 10);
      }
      put(engine, "a", 10); // after the consumer stopped: it gets this one after the restart
    }
    try (LocalEngine engine = open()) {
      put(engine, "a", 11);
      try (Subscription s = engine.subscribe(subscriber)) {
        waitUntil(() -> seen.size() >= 12);
        put(engine, "a", 12);
        waitUntil(() -> seen.size() >= 13);
      }
    }
    assertThat(seen).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
  }
}
