package io.dynamo4j.junit;

import io.dynamo4j.DynamoOperations;
import io.dynamo4j.api.DescribeStreamResponse;
import io.dynamo4j.api.GetRecordsResponse;
import io.dynamo4j.api.Record;
import io.dynamo4j.api.Shard;
import io.dynamo4j.api.ShardIteratorType;
import io.dynamo4j.api.StreamSpecification;
import io.dynamo4j.api.StreamViewType;
import io.dynamo4j.api.TableDescription;
import io.dynamo4j.error.ResourceNotFoundException;
import io.dynamo4j.error.TrimmedDataAccessException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Records a table's stream, for assertions on what a test's code changed and in which order. It
 * reads the stream through DynamoDB's Streams API (DescribeStream, GetShardIterator, GetRecords),
 * so it works on any engine. It reads when asked ({@link #records()}, {@link #assertThat()}) and,
 * when the extension made it ({@link RecordStream}), also after every write the test's clients
 * make, so that moving the test clock past the stream's 24-hour retention loses nothing. Records
 * are there as soon as the write that made them returned: there is nothing to wait for.
 *
 * <pre>{@code
 * StreamRecorder orders = StreamRecorder.start(engine, "Orders");
 * service.placeOrder(...);
 * orders.assertThat().hasEventNames(INSERT, MODIFY).record(1).newImageHas("status", s("PAID"));
 * }</pre>
 *
 * <p>Records of every shard are merged in sequence-number order, which is the order of the writes
 * (and within a key, the order DynamoDB promises). Records once read stay recorded, even after the
 * stream trims them (24 hours on the engine's clock). Thread-safe.
 */
public final class StreamRecorder {

  private static final Comparator<Record> BY_SEQUENCE =
      Comparator.comparing(r -> new BigInteger(r.dynamodb().sequenceNumber()));

  private final DynamoOperations engine;
  private final String tableName;
  private final String streamArn;
  private final Map<String, String> lastSequence = new HashMap<>();
  private final List<Record> records = new ArrayList<>();

  private StreamRecorder(DynamoOperations engine, String tableName) {
    this.engine = Objects.requireNonNull(engine, "engine");
    this.tableName = Objects.requireNonNull(tableName, "tableName");
    this.streamArn = streamOf(engine, tableName);
  }

  /**
   * A recorder of {@code tableName}'s changes from now on. A table without a stream gets one,
   * with {@code NEW_AND_OLD_IMAGES}.
   *
   * @throws ResourceNotFoundException if there is no such table
   */
  public static StreamRecorder start(DynamoOperations engine, String tableName) {
    StreamRecorder r = new StreamRecorder(engine, tableName);
    synchronized (r) {
      r.poll();
      r.records.clear();
    }
    return r;
  }

  /**
   * A recorder of everything {@code tableName}'s stream still holds (its trim horizon) and what
   * comes after. A table without a stream gets one, with {@code NEW_AND_OLD_IMAGES}.
   */
  public static StreamRecorder fromTrimHorizon(DynamoOperations engine, String tableName) {
    return new StreamRecorder(engine, tableName);
  }

  /** The table recorded. */
  public String tableName() {
    return tableName;
  }

  /** The ARN of the stream recorded. */
  public String streamArn() {
    return streamArn;
  }

  /** Every record so far, in sequence-number order (reads the stream first). */
  public synchronized List<Record> records() {
    poll();
    return List.copyOf(records);
  }

  /** Assertions on {@link #records()}. */
  public StreamAssert assertThat() {
    return new StreamAssert(tableName + "'s stream", records());
  }

  private static String streamOf(DynamoOperations engine, String table) {
    TableDescription d = engine.describeTable(r -> r.tableName(table)).table();
    StreamSpecification spec = d.streamSpecification();
    if (spec != null && Boolean.TRUE.equals(spec.streamEnabled()) && d.latestStreamArn() != null) {
      return d.latestStreamArn();
    }
    d = engine.updateTable(r -> r.tableName(table).streamSpecification(StreamSpecification.builder()
        .streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES).build())).tableDescription();
    return d.latestStreamArn();
  }

  private void poll() {
    List<Record> fresh = new ArrayList<>();
    String startShard = null;
    do {
      String from = startShard;
      DescribeStreamResponse stream = engine.describeStream(r -> r.streamArn(streamArn).exclusiveStartShardId(from));
      for (Shard shard : stream.streamDescription().shards()) {
        read(shard.shardId(), fresh);
      }
      startShard = stream.streamDescription().lastEvaluatedShardId();
    } while (startShard != null);
    fresh.sort(BY_SEQUENCE);
    records.addAll(fresh);
  }

  private void read(String shardId, List<Record> into) {
    String after = lastSequence.get(shardId);
    String iterator;
    try {
      iterator = engine.getShardIterator(r -> r.streamArn(streamArn).shardId(shardId)
          .shardIteratorType(after == null ? ShardIteratorType.TRIM_HORIZON : ShardIteratorType.AFTER_SEQUENCE_NUMBER)
          .sequenceNumber(after)).shardIterator();
    } catch (TrimmedDataAccessException e) {
      iterator = engine.getShardIterator(r -> r.streamArn(streamArn).shardId(shardId)
          .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
    } catch (ResourceNotFoundException e) {
      return; // the shard left the stream (24 hours after it closed) between DescribeStream and now
    }
    while (iterator != null) {
      String it = iterator;
      GetRecordsResponse page = engine.getRecords(r -> r.shardIterator(it));
      if (page.records().isEmpty()) {
        break;
      }
      into.addAll(page.records());
      lastSequence.put(shardId, page.records().get(page.records().size() - 1).dynamodb().sequenceNumber());
      iterator = page.nextShardIterator();
    }
  }
}
