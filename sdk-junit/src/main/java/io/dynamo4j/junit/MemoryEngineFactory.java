package io.dynamo4j.junit;

import io.dynamo4j.engine.memory.MemoryEngine;
import io.dynamo4j.spi.Engine;

/**
 * The {@link EngineFactory} of the in-memory engine, named {@code memory}: the default of
 * {@link DynamoTest#engine()}. An engine starts in well under a millisecond and keeps nothing
 * after it is closed. Stateless and thread-safe.
 */
public final class MemoryEngineFactory implements EngineFactory {

  /** The name tests ask for the in-memory engine by. */
  public static final String NAME = "memory";

  /** The factory (ServiceLoader calls this constructor). */
  public MemoryEngineFactory() {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Engine create(Context context) {
    return MemoryEngine.create(context.config());
  }
}
