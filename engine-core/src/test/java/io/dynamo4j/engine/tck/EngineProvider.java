package io.dynamo4j.engine.tck;

import io.dynamo4j.engine.EngineConfig;
import io.dynamo4j.engine.LocalEngine;

/**
 * How the engine TCK obtains the engine under test. Each engine module registers one
 * implementation in {@code META-INF/services/io.dynamo4j.engine.tck.EngineProvider} on its test
 * class path and runs the TCK classes from engine-core's test-jar (surefire's
 * {@code dependenciesToScan}).
 *
 * <p>Implementations must be thread-safe.
 */
public interface EngineProvider {

  /** A fresh, empty engine. */
  LocalEngine create(EngineConfig config);

  /**
   * Closes {@code engine} and opens the same data again, for engines that persist; the default
   * returns the engine unchanged (nothing to reopen).
   */
  default LocalEngine reopen(LocalEngine engine, EngineConfig config) {
    return engine;
  }
}
