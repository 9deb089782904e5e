package io.dynamo4j.engine.backup;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Backups in a map. A backup holds references to the engine's immutable items, so it costs the
 * list of references (the items themselves are shared with the table until they change there).
 *
 * <p>Thread-safe.
 */
final class MemoryBackupStore implements BackupStore {

  private final ConcurrentHashMap<String, Backup> backups = new ConcurrentHashMap<>();

  @Override
  public void put(Backup backup) {
    backups.put(backup.arn(), backup);
  }

  @Override
  public Backup get(String arn) {
    return backups.get(arn);
  }

  @Override
  public Backup remove(String arn) {
    return backups.remove(arn);
  }

  @Override
  public List<Backup> all() {
    return List.copyOf(backups.values());
  }

  @Override
  public void close() {
    backups.clear();
  }
}
