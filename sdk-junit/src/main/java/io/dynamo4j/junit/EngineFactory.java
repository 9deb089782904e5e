package io.dynamo4j.junit;

import io.dynamo4j.engine.EngineConfig;
import io.dynamo4j.engine.TestClock;
import io.dynamo4j.spi.Engine;
import java.nio.file.Path;

/**
 * Makes the engines tests run against. {@link DynamoExtension} finds a factory by the name given
 * in {@link DynamoTest#engine()}: first among the factories {@link java.util.ServiceLoader} finds
 * (a {@code META-INF/services/io.dynamo4j.junit.EngineFactory} file listing the class), then, if
 * the name is a class name, by loading that class and calling its public no-argument constructor.
 * The in-memory engine ({@link MemoryEngineFactory}, named {@code memory}) is built in.
 *
 * <p>An engine that keeps files (a persistent engine) puts them under {@link
 * Context#directory()}, a temporary folder the extension removes after the engine is closed.
 *
 * <p>Implementations must be thread-safe: tests running in parallel call {@link #create}
 * concurrently.
 */
public interface EngineFactory {

  /** The name tests ask for this factory by, e.g. {@code memory} or {@code disk}. */
  String name();

  /**
   * A fresh, empty engine configured by {@code context}. The extension closes it when its
   * lifecycle ends.
   */
  Engine create(Context context);

  /**
   * What the extension gives a factory: the engine configuration (its clock is the test clock)
   * and a temporary folder for engines that keep files.
   *
   * <p>Thread-safe.
   */
  interface Context {

    /**
     * The engine configuration: the {@linkplain #clock() test clock}, and throughput enforcement
     * as {@link DynamoTest#throttling()} says. Give it to the engine.
     */
    EngineConfig config();

    /** The test clock the engine must read (also in {@link #config()}). */
    TestClock clock();

    /**
     * A temporary folder, made on the first call, that the extension deletes (with everything in
     * it) after the engine is closed.
     */
    Path directory();
  }
}
