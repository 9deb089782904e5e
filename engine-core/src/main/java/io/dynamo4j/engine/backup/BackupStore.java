package io.dynamo4j.engine.backup;

import java.util.List;

/**
 * The SPI where an engine keeps its backups. {@link #inMemory()} is the memory engine's; a
 * persistent engine keeps them as checkpoints of its store.
 *
 * <p>Implementations are thread-safe.
 */
public interface BackupStore extends AutoCloseable {

  /** Backups in memory, sharing the engine's immutable items. */
  static BackupStore inMemory() {
    return new MemoryBackupStore();
  }

  /** Stores {@code backup} under its ARN. */
  void put(Backup backup);

  /** The backup with {@code arn}, or null. */
  Backup get(String arn);

  /** Removes and returns the backup with {@code arn}, or null. */
  Backup remove(String arn);

  /** Every backup, in no particular order. */
  List<Backup> all();

  /** Releases resources. Idempotent. */
  @Override
  void close();
}
