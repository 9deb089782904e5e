package io.dynamo4j.engine.op;

import io.dynamo4j.api.GetShardIteratorRequest;
import io.dynamo4j.api.GetShardIteratorResponse;

/**
 * DynamoDB Streams' GetShardIterator: an iterator at the shard's trim horizon, after its newest
 * record (LATEST), at or after a sequence number. Iterators expire after 15 minutes.
 *
 * <p>Thread-safe; takes no lock.
 */
final class GetShardIteratorOperation {

  private final EngineContext context;

  GetShardIteratorOperation(EngineContext context) {
    this.context = context;
  }

  GetShardIteratorResponse execute(GetShardIteratorRequest request) {
    RequestConstraints.check(request);
    GetShardIteratorValidator.validate(request);
    return new GetShardIteratorResponse(context.streams().iterator(request.streamArn(), request.shardId(),
        request.shardIteratorType(), request.sequenceNumber(), request.timestamp()));
  }
}
