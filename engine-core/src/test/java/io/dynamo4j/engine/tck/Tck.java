package io.dynamo4j.engine.tck;

import java.util.ServiceLoader;

/** Finds the {@link EngineProvider} of the engine under test. Thread-safe. */
public final class Tck {

  private static volatile EngineProvider provider;

  private Tck() {}

  /** The provider registered on the test class path. */
  public static EngineProvider provider() {
    EngineProvider p = provider;
    if (p == null) {
      p = ServiceLoader.load(EngineProvider.class).findFirst().orElseThrow(() -> new IllegalStateException(
          "No io.dynamo4j.engine.tck.EngineProvider on the test class path: register one in "
              + "META-INF/services/io.dynamo4j.engine.tck.EngineProvider of the engine module's tests"));
      provider = p;
    }
    return p;
  }
}
