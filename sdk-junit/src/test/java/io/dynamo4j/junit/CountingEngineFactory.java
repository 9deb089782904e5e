package io.dynamo4j.junit;

import io.dynamo4j.engine.memory.MemoryEngine;
import io.dynamo4j.spi.Engine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A test engine factory, found by ServiceLoader under the name {@code counting}: a memory engine
 * that, like a persistent engine, keeps a file in the folder the extension gives it. Remembers the
 * engines and folders it made.
 */
public final class CountingEngineFactory implements EngineFactory {

  static final List<Engine> ENGINES = new CopyOnWriteArrayList<>();
  static final List<Path> DIRECTORIES = new CopyOnWriteArrayList<>();

  @Override
  public String name() {
    return "counting";
  }

  @Override
  public Engine create(Context context) {
    Path dir = context.directory();
    try {
      Files.writeString(dir.resolve("journal"), "a file the engine keeps");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    DIRECTORIES.add(dir);
    Engine engine = MemoryEngine.create(context.config());
    ENGINES.add(engine);
    return engine;
  }
}
