package io.dynamo4j.engine.op;

import io.dynamo4j.api.ListStreamsRequest;
import io.dynamo4j.api.ListStreamsResponse;

/**
 * DynamoDB Streams' ListStreams: the engine's streams (of one table, or all), enabled ones and
 * disabled ones still readable, by table name and age, at most Limit (100 by default and at most),
 * after ExclusiveStartStreamArn.
 *
 * <p>Thread-safe; takes no lock.
 */
final class ListStreamsOperation {

  private final EngineContext context;

  ListStreamsOperation(EngineContext context) {
    this.context = context;
  }

  ListStreamsResponse execute(ListStreamsRequest request) {
    RequestConstraints.check(request);
    if (request.limit() != null && request.limit() > 100) {
      throw Errors.listStreamsLimit();
    }
    int limit = request.limit() == null ? 100 : request.limit();
    return context.streams().list(request.tableName(), limit, request.exclusiveStartStreamArn());
  }
}
