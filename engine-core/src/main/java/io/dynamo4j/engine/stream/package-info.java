/**
 * DynamoDB Streams over the journal, and in-process consumers.
 *
 * <p>API: {@link io.dynamo4j.engine.stream.Subscriber} (an in-process consumer's configuration)
 * and {@link io.dynamo4j.engine.stream.Subscription} (a running one), started with
 * {@code LocalEngine.subscribe}. Engine internals: {@link io.dynamo4j.engine.stream.Streams}
 * (streams, shards, iterators, records), used by the ListStreams, DescribeStream,
 * GetShardIterator and GetRecords operations.
 */
package io.dynamo4j.engine.stream;
