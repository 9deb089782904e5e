package io.dynamo4j.spi;

import io.dynamo4j.DynamoOperations;

/**
 * A DynamoDB: something that performs DynamoDB's operations with DynamoDB's semantics. The
 * in-memory and persistent engines implement it in-process; a remote engine would send each call
 * to a DynamoDB endpoint. {@link io.dynamo4j.DynamoClient} and the object mapper work against any
 * engine.
 *
 * <p>Implementations are thread-safe: any number of threads may call any operation concurrently.
 * Every operation either completes or throws a {@link io.dynamo4j.error.DynamoException} subtype
 * with DynamoDB's error type and message. {@link #close()} releases the engine's resources; calls
 * after it fail.
 */
public interface Engine extends DynamoOperations, AutoCloseable {

  /** Releases this engine's resources (threads, files). Idempotent. */
  @Override
  void close();
}
