package io.dynamo4j.engine.disk;

import io.dynamo4j.engine.EngineConfig;
import io.dynamo4j.engine.LocalEngine;
import io.dynamo4j.engine.tck.EngineProvider;
import io.dynamo4j.engine.tck.Invariants;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs the engine TCK against the disk engine, each test in a fresh temporary directory. Unless
 * {@code -Ddynamo4j.disk.reopenCheck=false}, every engine the TCK closes is reopened from its
 * directory and must show the same state ({@link EngineState}) and satisfy the TCK's invariants:
 * so every TCK scenario also tests recovery.
 */
public final class DiskEngineProvider implements EngineProvider {

  static final boolean REOPEN_CHECK = !"false".equals(System.getProperty("dynamo4j.disk.reopenCheck"));

  private final Map<LocalEngine, Path> dirs = new ConcurrentHashMap<>();

  @Override
  public LocalEngine create(EngineConfig config) {
    Path dir;
    try {
      dir = Files.createTempDirectory("dynamo4j-disk-tck");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return open(dir, config, true);
  }

  private LocalEngine open(Path dir, EngineConfig config, boolean check) {
    LocalEngine engine = DiskEngine.open(dir, DiskOptions.defaults(), config);
    dirs.put(engine, dir);
    DiskStorage storage = (DiskStorage) engine.operations().context().storage();
    EngineState[] before = new EngineState[1];
    storage.onClose(() -> {
      if (check && REOPEN_CHECK && !storage.failed()) {
        before[0] = EngineState.of(engine);
      }
    }, () -> {
      dirs.remove(engine);
      if (before[0] != null) {
        LocalEngine again = DiskEngine.open(dir, DiskOptions.defaults(), config);
        try {
          EngineState after = EngineState.of(again);
          after.assertSameAs(before[0]);
          Invariants.check(again);
        } finally {
          again.close();
          TempDirs.delete(dir);
        }
      } else if (check) {
        TempDirs.delete(dir);
      }
    });
    return engine;
  }

  @Override
  public LocalEngine reopen(LocalEngine engine, EngineConfig config) {
    Path dir = dirs.get(engine);
    if (dir == null) {
      throw new IllegalStateException("not an engine of this provider");
    }
    DiskStorage storage = (DiskStorage) engine.operations().context().storage();
    storage.onClose(() -> {}, () -> {});
    engine.close();
    return open(dir, config, true);
  }
}
