package io.dynamo4j.engine.op;

import io.dynamo4j.api.DescribeStreamRequest;
import io.dynamo4j.api.DescribeStreamResponse;

/**
 * DynamoDB Streams' DescribeStream: the stream's status, view type, key schema and shards (with
 * their sequence number ranges and parents), at most Limit shards (100 by default and at most)
 * after ExclusiveStartShardId, or only the children of a shard (ShardFilter CHILD_SHARDS).
 *
 * <p>Thread-safe; takes no lock.
 */
final class DescribeStreamOperation {

  private final EngineContext context;

  DescribeStreamOperation(EngineContext context) {
    this.context = context;
  }

  DescribeStreamResponse execute(DescribeStreamRequest request) {
    RequestConstraints.check(request);
    if (request.limit() != null && request.limit() > 100) {
      throw Errors.describeStreamLimit();
    }
    int limit = request.limit() == null ? 100 : request.limit();
    return context.streams().describe(request.streamArn(), limit, request.exclusiveStartShardId(), request.shardFilter());
  }
}
