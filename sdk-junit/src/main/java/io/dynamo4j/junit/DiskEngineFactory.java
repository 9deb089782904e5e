package io.dynamo4j.junit;

import io.dynamo4j.engine.disk.DiskEngine;
import io.dynamo4j.engine.disk.DiskOptions;
import io.dynamo4j.spi.Engine;

/**
 * The {@link EngineFactory} of the persistent engine, named {@code disk}: {@code
 * @DynamoTest(engine = "disk")} runs the test against engine-disk in a temporary folder that the
 * extension removes after the engine is closed. It needs engine-disk on the test class path (it is
 * an optional dependency of sdk-junit) and Chronicle Queue's JVM flags on the test JVM ({@link
 * DiskEngine#JVM_FLAGS}, e.g. in surefire's {@code argLine}); without engine-disk the factory is
 * skipped and {@code "disk"} is reported as not found. Stateless and thread-safe.
 */
public final class DiskEngineFactory implements EngineFactory {

  /** The name tests ask for the disk engine by. */
  public static final String NAME = "disk";

  /** The factory (ServiceLoader calls this constructor). */
  public DiskEngineFactory() {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Engine create(Context context) {
    return DiskEngine.open(context.directory(), DiskOptions.defaults(), context.config());
  }
}
