package io.dynamo4j.engine.memory;

import io.dynamo4j.engine.EngineConfig;
import io.dynamo4j.engine.LocalEngine;

/**
 * The in-memory engine: DynamoDB's semantics (from engine-core) over {@link MemoryStorage}. Starts
 * in well under a millisecond, needs no native code and keeps nothing after {@code close()}.
 *
 * <pre>{@code
 * try (LocalEngine engine = MemoryEngine.create()) {
 *   DynamoClient client = DynamoClient.create(engine);
 *   ...
 * }
 * }</pre>
 *
 * <p>The engines it returns are thread-safe. This class has no state.
 */
public final class MemoryEngine {

  private MemoryEngine() {}

  /** A fresh, empty in-memory engine with the default configuration. */
  public static LocalEngine create() {
    return create(EngineConfig.defaults());
  }

  /** A fresh, empty in-memory engine. */
  public static LocalEngine create(EngineConfig config) {
    return LocalEngine.create(new MemoryStorage(), config);
  }
}
