package io.dynamo4j.engine.tck.stream;

import static io.dynamo4j.model.AttributeValue.n;
import static io.dynamo4j.model.AttributeValue.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dynamo4j.api.AttributeDefinition;
import io.dynamo4j.api.BillingMode;
import io.dynamo4j.api.ProvisionedThroughput;
import io.dynamo4j.api.DescribeStreamResponse;
import io.dynamo4j.api.GetRecordsResponse;
import io.dynamo4j.api.KeySchemaElement;
import io.dynamo4j.api.ListStreamsResponse;
import io.dynamo4j.api.Record;
import io.dynamo4j.api.Shard;
import io.dynamo4j.api.ShardIteratorType;
import io.dynamo4j.api.Stream;
import io.dynamo4j.api.StreamDescription;
import io.dynamo4j.api.StreamSpecification;
import io.dynamo4j.api.StreamStatus;
import io.dynamo4j.api.StreamViewType;
import io.dynamo4j.api.TableDescription;
import io.dynamo4j.engine.EngineConfig;
import io.dynamo4j.engine.LocalEngine;
import io.dynamo4j.engine.TestClock;
import io.dynamo4j.engine.tck.EngineTest;
import io.dynamo4j.engine.tck.Tck;
import io.dynamo4j.error.ExpiredIteratorException;
import io.dynamo4j.error.ResourceNotFoundException;
import io.dynamo4j.model.Item;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The DynamoDB Streams API over a table's stream: StreamSpecification on CreateTable and
 * UpdateTable, LatestStreamArn and LatestStreamLabel in DescribeTable, ListStreams, DescribeStream,
 * GetShardIterator of every type, GetRecords with Limit and NextShardIterator, iterator expiry, a
 * disabled stream (and a deleted table's stream) readable for 24 hours.
 */
class StreamsApiTest extends EngineTest {

  /**
   * Small provisioned throughput: the table has one partition, so its stream has one shard and one
   * order of records to pin (an on-demand table starts with four partitions, as DynamoDB's).
   */
  private static final ProvisionedThroughput ONE_PARTITION = ProvisionedThroughput.of(5, 5);

  private static final String ARN_PREFIX = "arn:aws:dynamodb:us-east-1:000000000000:table/";

  private void createTable(String name, StreamViewType viewType) {
    engine.createTable(t -> {
      t.tableName(name).billingMode(BillingMode.PROVISIONED).provisionedThroughput(ONE_PARTITION)
          .keySchema(KeySchemaElement.hash("pk")).attributeDefinitions(AttributeDefinition.string("pk"));
      if (viewType != null) {
        t.streamSpecification(new StreamSpecification(true, viewType));
      }
    });
  }

  private void put(String table, String pk, int v) {
    engine.putItem(p -> p.tableName(table).item(Item.of("pk", s(pk), "v", n(v))));
  }

  private StreamDescription describe(String arn) {
    return engine.describeStream(d -> d.streamArn(arn)).streamDescription();
  }

  private static List<String> pks(List<Record> records) {
    return records.stream().map(r -> r.dynamodb().keys().getS("pk")).toList();
  }

  @Test
  void createTable_withStream_describeTableAndListStreamsShowIt() {
    TableDescription created = engine.createTable(t -> t.tableName("Orders").billingMode(BillingMode.PROVISIONED).provisionedThroughput(ONE_PARTITION)
        .keySchema(KeySchemaElement.hash("pk")).attributeDefinitions(AttributeDefinition.string("pk"))
        .streamSpecification(new StreamSpecification(true, StreamViewType.NEW_AND_OLD_IMAGES))).tableDescription();
    assertThat(created.latestStreamLabel()).isEqualTo("2026-01-01T00:00:00.000");
    assertThat(created.latestStreamArn()).isEqualTo(ARN_PREFIX + "Orders/stream/2026-01-01T00:00:00.000");
    TableDescription described = engine.describeTable(d -> d.tableName("Orders")).table();
    assertThat(described.latestStreamArn()).isEqualTo(created.latestStreamArn());
    assertThat(described.streamSpecification()).isEqualTo(new StreamSpecification(true, StreamViewType.NEW_AND_OLD_IMAGES));

    assertThat(engine.listStreams(l -> {}).streams())
        .containsExactly(new Stream(created.latestStreamArn(), "Orders", "2026-01-01T00:00:00.000"));
    StreamDescription d = describe(created.latestStreamArn());
    assertThat(d.streamStatus()).isEqualTo(StreamStatus.ENABLED);
    assertThat(d.streamViewType()).isEqualTo(StreamViewType.NEW_AND_OLD_IMAGES);
    assertThat(d.tableName()).isEqualTo("Orders");
    assertThat(d.keySchema()).containsExactly(KeySchemaElement.hash("pk"));
    assertThat(d.creationRequestDateTime()).isEqualTo(clock.instant());
    assertThat(d.lastEvaluatedShardId()).isNull();
    assertThat(d.shards()).hasSize(1);
    Shard shard = d.shards().get(0);
    assertThat(shard.shardId()).matches("shardId-[0-9]{20}-[0-9a-f]{8}").hasSizeBetween(28, 65);
    assertThat(shard.parentShardId()).isNull();
    assertThat(shard.sequenceNumberRange().startingSequenceNumber()).matches("[0-9]{21}");
    assertThat(shard.sequenceNumberRange().endingSequenceNumber()).isNull();
  }

  @Test
  void listStreams_byTableAndPaged_returnsEachStreamOnce() {
    createTable("StreamA", StreamViewType.KEYS_ONLY);
    createTable("StreamB", StreamViewType.KEYS_ONLY);
    createTable("StreamC", StreamViewType.KEYS_ONLY);
    createTable("NoStream", null);
    assertThat(engine.listStreams(l -> l.tableName("StreamB")).streams()).extracting(Stream::tableName).containsExactly("StreamB");
    assertThat(engine.listStreams(l -> l.tableName("NoStream")).streams()).isEmpty();
    assertThat(engine.listStreams(l -> l.tableName("Missing")).streams()).isEmpty();

    ListStreamsResponse first = engine.listStreams(l -> l.limit(2));
    assertThat(first.streams()).extracting(Stream::tableName).containsExactly("StreamA", "StreamB");
    assertThat(first.lastEvaluatedStreamArn()).isEqualTo(first.streams().get(1).streamArn());
    ListStreamsResponse second = engine.listStreams(l -> l.limit(2).exclusiveStartStreamArn(first.lastEvaluatedStreamArn()));
    assertThat(second.streams()).extracting(Stream::tableName).containsExactly("StreamC");
    assertThat(second.lastEvaluatedStreamArn()).isNull();
  }

  @Test
  void getShardIterator_everyType_startsWhereItSays() {
    createTable("Iter", StreamViewType.KEYS_ONLY);
    String arn = StreamReader.arn(engine, "Iter");
    String shard = describe(arn).shards().get(0).shardId();
    put("Iter", "a", 1);
    put("Iter", "b", 1);
    put("Iter", "c", 1);
    List<Record> all = StreamReader.readShard(engine, arn, shard, ShardIteratorType.TRIM_HORIZON, null);
    assertThat(pks(all)).containsExactly("a", "b", "c");
    String second = all.get(1).dynamodb().sequenceNumber();
    assertThat(pks(StreamReader.readShard(engine, arn, shard, ShardIteratorType.AT_SEQUENCE_NUMBER, second)))
        .containsExactly("b", "c");
    assertThat(pks(StreamReader.readShard(engine, arn, shard, ShardIteratorType.AFTER_SEQUENCE_NUMBER, second)))
        .containsExactly("c");
    String latest = engine.getShardIterator(g -> g.streamArn(arn).shardId(shard).shardIteratorType(ShardIteratorType.LATEST))
        .shardIterator();
    put("Iter", "d", 1);
    assertThat(pks(engine.getRecords(g -> g.shardIterator(latest)).records())).containsExactly("d");
    String starting = describe(arn).shards().get(0).sequenceNumberRange().startingSequenceNumber();
    assertThat(pks(StreamReader.readShard(engine, arn, shard, ShardIteratorType.AT_SEQUENCE_NUMBER, starting)))
        .containsExactly("a", "b", "c", "d");
    clock.advance(Duration.ofSeconds(10));
    String atTime = engine.getShardIterator(g -> g.streamArn(arn).shardId(shard).shardIteratorType(ShardIteratorType.AT_TIMESTAMP)
        .timestamp(clock.instant())).shardIterator();
    put("Iter", "e", 1);
    assertThat(pks(engine.getRecords(g -> g.shardIterator(atTime)).records())).containsExactly("e");
  }

  @Test
  void getRecords_limit_pagesThroughTheShardWithNextShardIterator() {
    createTable("Pages", StreamViewType.KEYS_ONLY);
    String arn = StreamReader.arn(engine, "Pages");
    for (int i = 0; i < 5; i++) {
      put("Pages", "k" + i, i);
    }
    String shard = describe(arn).shards().get(0).shardId();
    String iterator = engine.getShardIterator(g -> g.streamArn(arn).shardId(shard).shardIteratorType(ShardIteratorType.TRIM_HORIZON))
        .shardIterator();
    GetRecordsResponse p1 = engine.getRecords(g -> g.shardIterator(iterator).limit(2));
    GetRecordsResponse p2 = engine.getRecords(g -> g.shardIterator(p1.nextShardIterator()).limit(2));
    GetRecordsResponse p3 = engine.getRecords(g -> g.shardIterator(p2.nextShardIterator()).limit(2));
    GetRecordsResponse p4 = engine.getRecords(g -> g.shardIterator(p3.nextShardIterator()).limit(2));
    assertThat(pks(p1.records())).containsExactly("k0", "k1");
    assertThat(pks(p2.records())).containsExactly("k2", "k3");
    assertThat(pks(p3.records())).containsExactly("k4");
    assertThat(p4.records()).isEmpty();
    assertThat(p4.nextShardIterator()).as("an open shard always has a next iterator").isNotNull();
    // The same iterator reads the same records again.
    assertThat(pks(engine.getRecords(g -> g.shardIterator(iterator).limit(2)).records())).containsExactly("k0", "k1");
  }

  @Test
  void getRecords_atMost1000Records_perCall() {
    createTable("Many", StreamViewType.KEYS_ONLY);
    for (int i = 0; i < 1_005; i++) {
      put("Many", "k" + i, i);
    }
    String arn = StreamReader.arn(engine, "Many");
    String shard = describe(arn).shards().get(0).shardId();
    String iterator = engine.getShardIterator(g -> g.streamArn(arn).shardId(shard).shardIteratorType(ShardIteratorType.TRIM_HORIZON))
        .shardIterator();
    GetRecordsResponse first = engine.getRecords(g -> g.shardIterator(iterator));
    assertThat(first.records()).hasSize(1_000);
    assertThat(engine.getRecords(g -> g.shardIterator(first.nextShardIterator())).records()).hasSize(5);
  }

  @Test
  void getRecords_atMostOneMegabyteOfRecords_perCall() {
    createTable("Big", StreamViewType.NEW_IMAGE);
    String pad = "x".repeat(300_000);
    for (int i = 0; i < 4; i++) {
      int v = i;
      engine.putItem(p -> p.tableName("Big").item(Item.of("pk", s("k" + v), "pad", s(pad))));
    }
    String arn = StreamReader.arn(engine, "Big");
    String shard = describe(arn).shards().get(0).shardId();
    String iterator = engine.getShardIterator(g -> g.streamArn(arn).shardId(shard).shardIteratorType(ShardIteratorType.TRIM_HORIZON))
        .shardIterator();
    GetRecordsResponse first = engine.getRecords(g -> g.shardIterator(iterator));
    assertThat(first.records()).hasSize(3);
    assertThat(first.records().stream().mapToLong(r -> r.dynamodb().sizeBytes()).sum()).isLessThanOrEqualTo(1 << 20);
    assertThat(pks(engine.getRecords(g -> g.shardIterator(first.nextShardIterator())).records())).containsExactly("k3");
  }

  @Test
  void shardIterator_after15Minutes_expires() {
    createTable("Expiry", StreamViewType.KEYS_ONLY);
    String arn = StreamReader.arn(engine, "Expiry");
    String shard = describe(arn).shards().get(0).shardId();
    String iterator = engine.getShardIterator(g -> g.streamArn(arn).shardId(shard).shardIteratorType(ShardIteratorType.LATEST))
        .shardIterator();
    clock.advance(Duration.ofMinutes(15));
    GetRecordsResponse stillValid = engine.getRecords(g -> g.shardIterator(iterator));
    clock.advance(Duration.ofMillis(1));
    assertThatThrownBy(() -> engine.getRecords(g -> g.shardIterator(iterator)))
        .isInstanceOf(ExpiredIteratorException.class)
        .hasMessage("The provided iterator exceeds the maximum age allowed.");
    assertThat(engine.getRecords(g -> g.shardIterator(stillValid.nextShardIterator())).records())
        .as("each GetRecords hands out a fresh iterator").isEmpty();
  }

  @Test
  void updateTable_disableStream_closesShards_streamStaysReadable24Hours() {
    createTable("Toggle", StreamViewType.NEW_IMAGE);
    String arn = StreamReader.arn(engine, "Toggle");
    put("Toggle", "a", 1);
    put("Toggle", "b", 1);
    String shard = describe(arn).shards().get(0).shardId();
    String iterator = engine.getShardIterator(g -> g.streamArn(arn).shardId(shard).shardIteratorType(ShardIteratorType.TRIM_HORIZON))
        .shardIterator();

    TableDescription updated = engine.updateTable(u -> u.tableName("Toggle").streamSpecification(new StreamSpecification(false, null)))
        .tableDescription();
    assertThat(updated.streamSpecification()).isNull();
    assertThat(updated.latestStreamArn()).as("DynamoDB keeps the latest stream's ARN").isEqualTo(arn);
    put("Toggle", "c", 1); // after the stream was disabled: in no stream

    StreamDescription d = describe(arn);
    assertThat(d.streamStatus()).isEqualTo(StreamStatus.DISABLED);
    Shard closed = d.shards().get(0);
    assertThat(closed.sequenceNumberRange().endingSequenceNumber()).matches("[0-9]{21}");
    GetRecordsResponse read = engine.getRecords(g -> g.shardIterator(iterator));
    assertThat(pks(read.records())).containsExactly("a", "b");
    assertThat(read.records().get(1).dynamodb().sequenceNumber()).isEqualTo(closed.sequenceNumberRange().endingSequenceNumber());
    assertThat(read.nextShardIterator()).as("a closed shard read to its end has no next iterator").isNull();

    // Enabling again makes a new stream; both are listed while the old one is readable.
    clock.advance(Duration.ofSeconds(1));
    String second = engine.updateTable(u -> u.tableName("Toggle").streamSpecification(new StreamSpecification(true, StreamViewType.KEYS_ONLY)))
        .tableDescription().latestStreamArn();
    assertThat(second).isNotEqualTo(arn);
    assertThat(engine.listStreams(l -> l.tableName("Toggle")).streams()).extracting(Stream::streamArn).containsExactly(arn, second);
    put("Toggle", "d", 1);
    assertThat(pks(StreamReader.readAll(engine, second))).as("the new stream starts when it is enabled").containsExactly("d");

    clock.advance(Duration.ofHours(24).minusSeconds(2)); // 24 hours less a second after it was disabled
    assertThat(describe(arn).streamStatus()).isEqualTo(StreamStatus.DISABLED);
    clock.advance(Duration.ofSeconds(1));
    assertThat(engine.listStreams(l -> l.tableName("Toggle")).streams()).extracting(Stream::streamArn).containsExactly(second);
    assertThatThrownBy(() -> describe(arn)).isInstanceOf(ResourceNotFoundException.class)
        .hasMessage("Requested resource not found: Stream: " + arn + " not found");
  }

  @Test
  void updateTable_enableTwiceOnAStillClock_getsDistinctLabels() {
    createTable("Still", StreamViewType.KEYS_ONLY);
    String first = StreamReader.arn(engine, "Still");
    engine.updateTable(u -> u.tableName("Still").streamSpecification(new StreamSpecification(false, null)));
    String second = engine.updateTable(u -> u.tableName("Still").streamSpecification(new StreamSpecification(true, StreamViewType.KEYS_ONLY)))
        .tableDescription().latestStreamArn();
    assertThat(second).isEqualTo(ARN_PREFIX + "Still/stream/2026-01-01T00:00:00.001").isNotEqualTo(first);
  }

  @Test
  void deleteTable_streamStaysReadable24Hours() {
    createTable("Gone", StreamViewType.KEYS_ONLY);
    String arn = StreamReader.arn(engine, "Gone");
    put("Gone", "a", 1);
    engine.deleteTable(d -> d.tableName("Gone"));
    assertThat(describe(arn).streamStatus()).isEqualTo(StreamStatus.DISABLED);
    assertThat(pks(StreamReader.readAll(engine, arn))).containsExactly("a");
    assertThat(engine.listStreams(l -> {}).streams()).extracting(Stream::streamArn).containsExactly(arn);
    clock.advance(Duration.ofHours(24));
    assertThat(engine.listStreams(l -> {}).streams()).isEmpty();
  }

  @Test
  void streamStatus_withStatusDelay_isEnablingThenEnabled_disablingThenDisabled() {
    TestClock slowClock = new TestClock();
    try (LocalEngine slow = Tck.provider().create(EngineConfig.builder().clock(slowClock).statusDelay(Duration.ofSeconds(5)).build())) {
      slow.createTable(t -> t.tableName("Slow").billingMode(BillingMode.PROVISIONED).provisionedThroughput(ONE_PARTITION)
          .keySchema(KeySchemaElement.hash("pk")).attributeDefinitions(AttributeDefinition.string("pk"))
          .streamSpecification(new StreamSpecification(true, StreamViewType.KEYS_ONLY)));
      String arn = slow.listStreams(l -> {}).streams().get(0).streamArn();
      DescribeStreamResponse enabling = slow.describeStream(d -> d.streamArn(arn));
      assertThat(enabling.streamDescription().streamStatus()).isEqualTo(StreamStatus.ENABLING);
      slowClock.advance(Duration.ofSeconds(5));
      assertThat(slow.describeStream(d -> d.streamArn(arn)).streamDescription().streamStatus()).isEqualTo(StreamStatus.ENABLED);
      slow.updateTable(u -> u.tableName("Slow").streamSpecification(new StreamSpecification(false, null)));
      assertThat(slow.describeStream(d -> d.streamArn(arn)).streamDescription().streamStatus()).isEqualTo(StreamStatus.DISABLING);
      slowClock.advance(Duration.ofSeconds(5));
      assertThat(slow.describeStream(d -> d.streamArn(arn)).streamDescription().streamStatus()).isEqualTo(StreamStatus.DISABLED);
    }
  }

  @Test
  void describeStream_limitAndExclusiveStartShardId_pageShards() {
    createTable("Paged", StreamViewType.KEYS_ONLY);
    String arn = StreamReader.arn(engine, "Paged");
    for (int i = 0; i < 3; i++) {
      clock.advance(Duration.ofHours(4)); // a roll-over each time
    }
    List<Shard> all = describe(arn).shards();
    assertThat(all).hasSize(4);
    assertThat(all).extracting(Shard::shardId).isSorted();
    StreamDescription first = engine.describeStream(d -> d.streamArn(arn).limit(3)).streamDescription();
    assertThat(first.shards()).containsExactlyElementsOf(all.subList(0, 3));
    assertThat(first.lastEvaluatedShardId()).isEqualTo(all.get(2).shardId());
    StreamDescription rest = engine.describeStream(d -> d.streamArn(arn).limit(3).exclusiveStartShardId(first.lastEvaluatedShardId()))
        .streamDescription();
    assertThat(rest.shards()).containsExactly(all.get(3));
    assertThat(rest.lastEvaluatedShardId()).isNull();
    assertThat(engine.describeStream(d -> d.streamArn(arn).exclusiveStartShardId(all.get(3).shardId())).streamDescription().shards())
        .isEmpty();
  }
}
