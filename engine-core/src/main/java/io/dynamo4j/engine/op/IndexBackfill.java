package io.dynamo4j.engine.op;

import io.dynamo4j.engine.storage.Cursor;
import io.dynamo4j.engine.storage.KeyRange;
import io.dynamo4j.engine.storage.Keyspace;
import io.dynamo4j.engine.storage.WriteBatch;
import io.dynamo4j.engine.table.IndexDefinition;
import io.dynamo4j.engine.table.Table;
import io.dynamo4j.model.Item;

/**
 * Copies a table's existing items into a global index added by UpdateTable, without missing or
 * corrupting concurrent writes.
 *
 * <p>The protocol: the index is first installed in the table's definition, marked
 * {@link IndexDefinition#backfillInProgress()}. From then on every write that takes an item's key
 * lock maintains the index ({@link ItemWriter} reads the definition under the lock), and, because
 * the backfill may not have reached the item, derives the entry to replace from what the index
 * actually stores rather than from the old item. The backfill then visits every item key, takes
 * its key lock, re-reads the item and stores its entry unless the entry stored is already exactly
 * that. A write before the lock is seen by the re-read; a write after it maintains the entry
 * itself. When the walk is over the index is marked complete.
 *
 * <p>Thread-safe; one backfill per index.
 */
final class IndexBackfill {

  private IndexBackfill() {}

  /** Fills {@code index} (installed in {@code table}'s definition) from the table's items. */
  static void run(EngineContext context, Table table, IndexDefinition index) {
    String tableKeyspace = table.definition().id();
    Keyspace entries = table.keyspace(index);
    Table.Counters counters = table.counters(index);
    try (Cursor c = table.base().scan(KeyRange.all(), false)) {
      while (c.next()) {
        byte[] key = c.key().clone();
        KeyLocks.LockKey lockKey = new KeyLocks.LockKey(tableKeyspace, key);
        context.locks().lock(lockKey);
        try {
          Item item = table.base().get(key);
          byte[] entryKey = item == null ? null : index.entryKey(item);
          if (entryKey == null) {
            continue;
          }
          Item entry = index.project(item);
          Item stored = entries.get(entryKey);
          if (entry.equals(stored)) {
            continue;
          }
          context.storage().apply(new WriteBatch().put(index.keyspaceId(), entryKey, entry));
          context.storage().endCommit();
          counters.add(stored == null ? 1 : 0, entry.sizeInBytes() - (stored == null ? 0 : stored.sizeInBytes()));
        } finally {
          context.locks().unlock(lockKey);
        }
      }
    }
  }
}
