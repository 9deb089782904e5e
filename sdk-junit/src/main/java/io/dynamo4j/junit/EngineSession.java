package io.dynamo4j.junit;

import io.dynamo4j.engine.EngineConfig;
import io.dynamo4j.engine.TestClock;
import io.dynamo4j.spi.Engine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.Semaphore;
import java.util.stream.Stream;

/**
 * One engine the extension made, with its clock and (if the engine asked for one) its temporary
 * folder; closing it closes the engine and deletes the folder. A shared engine also carries the
 * permit its tests take turns with. Thread-safe.
 */
final class EngineSession implements AutoCloseable {

  final Engine engine;
  final TestClock clock;
  /** Taken by a test of a {@link Lifecycle#PER_RUN} engine for its whole run. */
  final Semaphore turn = new Semaphore(1, true);
  private final Context context;

  private EngineSession(Engine engine, TestClock clock, Context context) {
    this.engine = engine;
    this.clock = clock;
    this.context = context;
  }

  static EngineSession start(Settings settings) {
    EngineFactory factory = EngineFactories.find(settings.engine());
    TestClock clock = new TestClock(settings.clockStart());
    EngineConfig config = EngineConfig.builder().clock(clock).throttling(settings.throttling()).build();
    Context context = new Context(config, clock);
    Engine engine;
    try {
      engine = factory.create(context);
    } catch (RuntimeException | Error e) {
      context.deleteDirectory();
      throw e;
    }
    if (engine == null) {
      context.deleteDirectory();
      throw new IllegalStateException("Engine factory " + factory.name() + " (" + factory.getClass().getName()
          + ") returned null");
    }
    return new EngineSession(engine, clock, context);
  }

  @Override
  public void close() {
    try {
      engine.close();
    } finally {
      context.deleteDirectory();
    }
  }

  /** The context given to a factory: its directory is made on first use. */
  private static final class Context implements EngineFactory.Context {
    private final EngineConfig config;
    private final TestClock clock;
    private Path directory;

    Context(EngineConfig config, TestClock clock) {
      this.config = config;
      this.clock = clock;
    }

    @Override
    public EngineConfig config() {
      return config;
    }

    @Override
    public TestClock clock() {
      return clock;
    }

    @Override
    public synchronized Path directory() {
      if (directory == null) {
        try {
          directory = Files.createTempDirectory("dynamo4j-junit-");
        } catch (IOException e) {
          throw new UncheckedIOException("Could not make a temporary folder for the engine", e);
        }
      }
      return directory;
    }

    synchronized void deleteDirectory() {
      if (directory == null) {
        return;
      }
      try (Stream<Path> paths = Files.walk(directory)) {
        for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
          Files.deleteIfExists(p);
        }
      } catch (IOException e) {
        throw new UncheckedIOException("Could not delete the engine's temporary folder " + directory, e);
      }
      directory = null;
    }

    /** Whether the folder exists now (for tests). */
    synchronized Path directoryIfMade() {
      return directory;
    }
  }

  /** The engine's temporary folder if the factory asked for one and it was not deleted yet, else null. */
  Path directoryIfMade() {
    return context.directoryIfMade();
  }
}
