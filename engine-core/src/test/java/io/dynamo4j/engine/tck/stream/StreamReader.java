package io.dynamo4j.engine.tck.stream;

import io.dynamo4j.api.GetRecordsResponse;
import io.dynamo4j.api.Record;
import io.dynamo4j.api.Shard;
import io.dynamo4j.api.ShardIteratorType;
import io.dynamo4j.engine.LocalEngine;
import java.util.ArrayList;
import java.util.List;

/** Reads a stream the way a client does: every shard from TRIM_HORIZON, in shard order, until a read returns nothing. */
final class StreamReader {

  private StreamReader() {}

  /** The ARN of {@code table}'s latest stream, from DescribeTable. */
  static String arn(LocalEngine engine, String table) {
    return engine.describeTable(d -> d.tableName(table)).table().latestStreamArn();
  }

  /** Every record of every shard of the stream {@code arn}, shard by shard (parents before children). */
  static List<Record> readAll(LocalEngine engine, String arn) {
    List<Record> out = new ArrayList<>();
    for (Shard shard : engine.describeStream(d -> d.streamArn(arn)).streamDescription().shards()) {
      out.addAll(readShard(engine, arn, shard.shardId(), ShardIteratorType.TRIM_HORIZON, null));
    }
    return out;
  }

  /** The records of one shard from an iterator of {@code type}, until a read returns none or the shard ends. */
  static List<Record> readShard(LocalEngine engine, String arn, String shardId, ShardIteratorType type, String sequenceNumber) {
    String iterator = engine.getShardIterator(g -> g.streamArn(arn).shardId(shardId).shardIteratorType(type)
        .sequenceNumber(sequenceNumber)).shardIterator();
    List<Record> out = new ArrayList<>();
    while (iterator != null) {
      String current = iterator;
      GetRecordsResponse r = engine.getRecords(g -> g.shardIterator(current));
      out.addAll(r.records());
      if (r.records().isEmpty()) {
        break;
      }
      iterator = r.nextShardIterator();
    }
    return out;
  }
}
