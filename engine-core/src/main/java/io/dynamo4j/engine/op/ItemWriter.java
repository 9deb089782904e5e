package io.dynamo4j.engine.op;

import io.dynamo4j.engine.storage.WriteBatch;
import io.dynamo4j.engine.table.IndexDefinition;
import io.dynamo4j.engine.table.Table;
import io.dynamo4j.engine.table.TableDefinition;
import io.dynamo4j.model.Item;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The write path of every item change: Put, Update, Delete, batch writes and (with several keys)
 * transactions.
 *
 * <ol>
 *   <li>lock the item's key;
 *   <li>read the current item;
 *   <li>compute the new item from the current one: a pure step that may throw (a failed condition)
 *       and then changes nothing;
 *   <li>derive each index's change: delete the old entry, put the new one, or nothing when the
 *       projected entry is unchanged;
 *   <li>apply item and index changes in one storage batch, then adjust the live counters;
 *   <li>unlock.
 * </ol>
 *
 * <p>Thread-safe: writers of one key are serialised by its lock; writers of different keys run in
 * parallel.
 */
public final class ItemWriter {

  /** What the compute step returns to leave the item exactly as it is (no write at all). */
  public static final Item UNCHANGED = Item.of("\u0000unchanged", io.dynamo4j.model.AttributeValue.nul());

  /**
   * One index entry change caused by a write.
   *
   * @param index the index
   * @param oldSize the size of the removed or replaced entry, or -1 if there was none
   * @param newSize the size of the new entry, or -1 if the item left the index
   * @param moved whether the entry's key changed: the old entry was deleted and a new one put
   */
  public record IndexChange(IndexDefinition index, int oldSize, int newSize, boolean moved) {}

  /**
   * The outcome of a write.
   *
   * @param oldItem the item before, or null
   * @param newItem the item after, or null if deleted or absent
   * @param written whether anything was written
   * @param indexChanges the index entries that changed
   */
  public record Result(Item oldItem, Item newItem, boolean written, List<IndexChange> indexChanges) {}

  private final EngineContext context;

  ItemWriter(EngineContext context) {
    this.context = context;
  }

  /**
   * Writes the item stored under {@code key} in {@code table}: {@code compute} receives the current
   * item (or null) and returns the new item, null to delete, or {@link #UNCHANGED}.
   */
  public Result write(Table table, TableDefinition definition, byte[] key, UnaryOperator<Item> compute) {
    return write(table, definition, key, compute, CommitListener.Cause.REQUEST);
  }

  /**
   * As {@link #write(Table, TableDefinition, byte[], UnaryOperator)}, reporting the change to the
   * commit listeners with {@code cause}.
   */
  public Result write(Table table, TableDefinition definition, byte[] key, UnaryOperator<Item> compute,
      CommitListener.Cause cause) {
    KeyLocks.LockKey lockKey = new KeyLocks.LockKey(definition.id(), key);
    context.locks().lock(lockKey);
    try {
      Item current = table.base().get(key);
      Item next = compute.apply(current);
      if (next == UNCHANGED || (next == null && current == null)) {
        return new Result(current, current, false, List.of());
      }
      WriteBatch batch = new WriteBatch();
      // Maintain the indexes of the definition current under the lock, not the caller's: an index
      // added since the caller read it is being backfilled, and the backfill relies on every write
      // that takes this lock after the index was installed maintaining it.
      List<IndexChange> changes = changes(table, table.definition(), current, next, batch);
      if (next == null) {
        batch.delete(definition.id(), key);
      } else {
        batch.put(definition.id(), key, next);
      }
      context.storage().apply(batch);
      account(table, current, next, changes);
      if (context.hasCommitListeners() && !(current != null && current.equals(next))) {
        context.committed(table, key, current, next, cause, null);
      }
      return new Result(current, next, true, changes);
    } finally {
      context.locks().unlock(lockKey);
    }
  }

  /** Adds index deletes and puts for {@code before -> after} to {@code batch}; returns them. */
  static List<IndexChange> changes(Table table, TableDefinition definition, Item before, Item after, WriteBatch batch) {
    List<IndexDefinition> indexes = definition.indexes();
    if (indexes.isEmpty()) {
      return List.of();
    }
    List<IndexChange> changes = new ArrayList<>(indexes.size());
    for (IndexDefinition index : indexes) {
      byte[] oldKey = before == null ? null : index.entryKey(before);
      byte[] newKey = after == null ? null : index.entryKey(after);
      Item oldEntry = oldKey == null ? null : index.project(before);
      if (oldKey != null && index.backfillInProgress()) {
        // The backfill may not have reached this item yet: trust only what is stored.
        oldEntry = table.keyspace(index) == null ? null : table.keyspace(index).get(oldKey);
        if (oldEntry == null) {
          oldKey = null;
        }
      }
      Item newEntry = newKey == null ? null : index.project(after);
      boolean sameKey = oldKey != null && newKey != null && Arrays.equals(oldKey, newKey);
      if (sameKey && oldEntry.equals(newEntry)) {
        continue; // the projected entry did not change: no index write
      }
      if (oldKey != null && !sameKey) {
        batch.delete(index.keyspaceId(), oldKey);
      }
      if (newKey != null) {
        batch.put(index.keyspaceId(), newKey, newEntry);
      }
      if (oldKey != null || newKey != null) {
        changes.add(new IndexChange(
            index,
            oldEntry == null ? -1 : oldEntry.sizeInBytes(),
            newEntry == null ? -1 : newEntry.sizeInBytes(),
            oldKey != null && newKey != null && !sameKey));
      }
    }
    return changes;
  }

  /** Adjusts the live counters after a write was applied. */
  static void account(Table table, Item before, Item after, List<IndexChange> changes) {
    long items = (after == null ? 0 : 1) - (before == null ? 0 : 1);
    long bytes = (after == null ? 0 : after.sizeInBytes()) - (before == null ? 0 : before.sizeInBytes());
    table.baseCounters().add(items, bytes);
    for (IndexChange c : changes) {
      Table.Counters counters = table.counters(c.index());
      if (counters != null) {
        counters.add((c.newSize() >= 0 ? 1 : 0) - (c.oldSize() >= 0 ? 1 : 0),
            (c.newSize() >= 0 ? c.newSize() : 0) - (c.oldSize() >= 0 ? c.oldSize() : 0));
      }
    }
  }
}
