package io.dynamo4j.engine.op;

import io.dynamo4j.api.GetRecordsRequest;
import io.dynamo4j.api.GetRecordsResponse;
import io.dynamo4j.engine.stream.Streams;

/**
 * DynamoDB Streams' GetRecords: up to Limit (1,000 by default and at most) records of the
 * iterator's shard, at most 1 MB, and the next iterator; none once a closed shard was read to its
 * end.
 *
 * <p>DynamoDB Local's order of checks: the iterator's form first, then the model constraints, then
 * the limit's maximum; then expiry, trimming.
 *
 * <p>Thread-safe; takes no lock.
 */
final class GetRecordsOperation {

  private final EngineContext context;

  GetRecordsOperation(EngineContext context) {
    this.context = context;
  }

  GetRecordsResponse execute(GetRecordsRequest request) {
    if (request.shardIterator() != null && !context.streams().isIterator(request.shardIterator())) {
      throw Errors.invalidShardIterator();
    }
    RequestConstraints.check(request);
    if (request.limit() != null && request.limit() > Streams.MAX_RECORDS) {
      throw Errors.getRecordsLimit();
    }
    int limit = request.limit() == null ? Streams.MAX_RECORDS : request.limit();
    return context.streams().records(request.shardIterator(), limit);
  }
}
