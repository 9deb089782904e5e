package io.dynamo4j.engine.memory;

import io.dynamo4j.engine.EngineConfig;
import io.dynamo4j.engine.LocalEngine;
import io.dynamo4j.engine.tck.EngineProvider;

/** Runs the engine TCK against the memory engine. */
public final class MemoryEngineProvider implements EngineProvider {

  @Override
  public LocalEngine create(EngineConfig config) {
    return MemoryEngine.create(config);
  }
}
