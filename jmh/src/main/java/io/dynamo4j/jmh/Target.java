package io.dynamo4j.jmh;

import io.dynamo4j.engine.memory.MemoryEngine;

/**
 * What a benchmark measures: a benchmark takes one as a JMH {@code @Param}, so dynamo4j and the
 * incumbents run in the same run, on the same data, with the same benchmark code. Pick some with
 * {@code -p target=DYNAMO4J_MEMORY,DYNAMODB_LOCAL}.
 *
 * <p>To add a target (the disk engine, the server over HTTP, DynamoDB Local's HTTP server or its
 * file mode), add a constant and a {@link Database} for it. Immutable and thread-safe.
 */
public enum Target {

  /** dynamo4j's in-memory engine ({@code MemoryEngine}) through {@code DynamoClient}. */
  DYNAMO4J_MEMORY {
    @Override
    Database open() {
      return new Dynamo4jDatabase(MemoryEngine.create());
    }
  },

  /**
   * Amazon's DynamoDB Local 2.x in this JVM ({@code DynamoDBEmbedded}, in memory, telemetry off),
   * through the AWS SDK v2 {@code DynamoDbClient} it hands out (no HTTP).
   */
  DYNAMODB_LOCAL {
    @Override
    Database open() {
      return DynamoDbLocalDatabase.inMemory();
    }
  };

  /** A fresh, empty instance of this target; the caller closes it. */
  abstract Database open();
}
