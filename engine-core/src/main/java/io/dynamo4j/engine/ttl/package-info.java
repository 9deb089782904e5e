/**
 * DynamoDB's Time to Live: each table's setting and the sweeper that deletes expired items
 * ({@link io.dynamo4j.engine.ttl.TimeToLive}). Engine internals; not an API.
 */
package io.dynamo4j.engine.ttl;
