package io.dynamo4j.engine.op;

import io.dynamo4j.engine.capacity.CapacityMeter;
import io.dynamo4j.engine.capacity.CapacityUnits;
import io.dynamo4j.engine.capacity.TableCapacity;
import io.dynamo4j.engine.capacity.Throttle;
import io.dynamo4j.engine.codec.KeyCodec;
import io.dynamo4j.engine.partition.Partition;
import io.dynamo4j.engine.partition.PartitionMap;
import io.dynamo4j.engine.storage.WriteBatch;
import io.dynamo4j.engine.table.IndexDefinition;
import io.dynamo4j.engine.table.KeyAttribute;
import io.dynamo4j.engine.table.Table;
import io.dynamo4j.engine.table.TableDefinition;
import io.dynamo4j.error.ConditionalCheckFailedException;
import io.dynamo4j.model.AttributeValue;
import io.dynamo4j.model.Item;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The write path of every item change: Put, Update, Delete, batch writes and (with several keys)
 * transactions.
 *
 * <ol>
 *   <li>with throughput enforced, check the table and the item's partition have write capacity;
 *   <li>lock the item's key (a request that meets a transaction in flight fails at once, see
 *       {@link KeyLocks});
 *   <li>read the current item;
 *   <li>compute the new item from the current one: a pure step that may throw (a failed condition)
 *       and then changes nothing;
 *   <li>derive each index's change: delete the old entry, put the new one, or nothing when the
 *       projected entry is unchanged; with throughput enforced, check each global index changed
 *       has write capacity; for a table with a local index, check the item collection's limit;
 *   <li>apply item and index changes in one storage batch, then adjust the live counters and the
 *       partition's size, tell the commit listeners, take the capacity consumed;
 *   <li>unlock, and split the partition if it passed the split size.
 * </ol>
 *
 * <p>Transactions use the same pieces ({@link #changes}, {@link #account}, {@link #accountPartition},
 * {@link #charge}) over several keys in {@link TransactWriteItemsOperation}.
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
   * @param collectionBytes the size of the item's item collection after the write, for a table with
   *     a local secondary index; -1 otherwise
   */
  public record Result(Item oldItem, Item newItem, boolean written, List<IndexChange> indexChanges, long collectionBytes) {

    /** A result for a table without a local secondary index. */
    public Result(Item oldItem, Item newItem, boolean written, List<IndexChange> indexChanges) {
      this(oldItem, newItem, written, indexChanges, -1);
    }
  }

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
   *
   * <p>A request ({@link CommitListener.Cause#REQUEST}) that meets a transaction in flight on the
   * item fails with TransactionConflictException; with throughput enforced, it is throttled before
   * it has any effect when the table, the item's partition or a global index whose entry it changes
   * is out of capacity, and what it consumed is taken afterwards (a write whose condition fails
   * consumes too). A write that would take an item collection past its limit fails with
   * ItemCollectionSizeLimitExceededException and changes nothing.
   */
  public Result write(Table table, TableDefinition definition, byte[] key, UnaryOperator<Item> compute,
      CommitListener.Cause cause) {
    long hash = KeyCodec.getHash(key);
    Instant now = null;
    TableCapacity load = null;
    if (context.throttling()) {
      now = context.now();
      load = context.capacity().of(table, now);
      Throttle throttle = load.admitWrite(table, hash, now);
      if (throttle != null) {
        throw Errors.throttled(throttle);
      }
    }
    KeyLocks.LockKey lockKey = new KeyLocks.LockKey(definition.id(), key);
    if (cause == CommitListener.Cause.REQUEST) {
      if (!context.locks().lockForWrite(lockKey)) {
        throw Errors.transactionConflict();
      }
    } else {
      context.locks().lock(lockKey);
    }
    Result result;
    Partition due;
    try {
      Item current = table.base().get(key);
      Item next;
      try {
        next = compute.apply(current);
      } catch (ConditionalCheckFailedException e) {
        if (load != null) {
          load.chargeWrite(table, hash, ItemCapacity.failedWrite(current), now);
        }
        throw e;
      }
      boolean local = hasLocalIndex(definition);
      if (next == UNCHANGED || (next == null && current == null)) {
        if (load != null) {
          load.chargeWrite(table, hash, CapacityUnits.write(current == null ? 0 : current.sizeInBytes()), now);
        }
        long collection = local ? collections(table, now).collectionBytes(collectionKey(definition, key, current)) : -1;
        return new Result(current, current, false, List.of(), collection);
      }
      WriteBatch batch = new WriteBatch();
      // Maintain the indexes of the definition current under the lock, not the caller's: an index
      // added since the caller read it is being backfilled, and the backfill relies on every write
      // that takes this lock after the index was installed maintaining it.
      TableDefinition live = table.definition();
      List<IndexChange> changes = changes(table, live, current, next, batch);
      if (load != null) {
        for (IndexChange c : changes) {
          Throttle throttle = c.index().isGlobal() ? load.admitIndexWrite(c.index(), now) : null;
          if (throttle != null) {
            throw Errors.throttled(throttle);
          }
        }
      }
      long collection = -1;
      if (local) {
        collection = collections(table, now).addToCollection(collectionKey(definition, key, next != null ? next : current),
            collectionDelta(current, next, changes), context.config().itemCollectionLimitBytes());
        if (collection < 0) {
          throw Errors.itemCollectionTooLarge();
        }
      }
      if (next == null) {
        batch.delete(definition.id(), key);
      } else {
        batch.put(definition.id(), key, next);
      }
      context.storage().apply(batch);
      try {
        account(table, current, next, changes);
        due = accountPartition(context, table, hash, current, next, changes);
        if (context.hasCommitListeners() && !(current != null && current.equals(next))) {
          context.committed(table, key, current, next, cause, null);
        }
      } finally {
        context.storage().endCommit();
      }
      result = new Result(current, next, true, changes, collection);
      if (load != null) {
        charge(load, table, hash, result, 1, now);
      }
    } finally {
      context.locks().unlock(lockKey);
    }
    if (due != null) {
      split(context, table, due);
    }
    return result;
  }

  /** The capacity state holding {@code table}'s item collection sizes. */
  private TableCapacity collections(Table table, Instant now) {
    return context.capacity().of(table, now != null ? now : context.now());
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

  /** The bytes a write adds to its partition and item collection: the item and its local index entries. */
  static long collectionDelta(Item before, Item after, List<IndexChange> changes) {
    long delta = (after == null ? 0 : after.sizeInBytes()) - (before == null ? 0 : before.sizeInBytes());
    for (IndexChange c : changes) {
      if (!c.index().isGlobal()) {
        delta += (c.newSize() >= 0 ? c.newSize() : 0) - (c.oldSize() >= 0 ? c.oldSize() : 0);
      }
    }
    return delta;
  }

  /**
   * Adds a write's bytes to its partition (first giving the table the partitions its throughput
   * needs, if its definition changed); returns the partition if it is now due for a split by size.
   */
  static Partition accountPartition(EngineContext context, Table table, long hash, Item before, Item after,
      List<IndexChange> changes) {
    PartitionMap partitions = table.partitions();
    if (partitions.sizedFor() != table.definition()) {
      TableCapacity.ensurePartitions(table, context.now(), PartitionBytes.of(table));
    }
    return partitions.addBytes(hash, collectionDelta(before, after, changes), context.config().partitionSplitBytes());
  }

  /** Splits a partition that passed the split size, sizing its halves from storage. */
  static void split(EngineContext context, Table table, Partition partition) {
    table.partitions().split(partition, context.now(), PartitionBytes.of(table));
  }

  /** Whether {@code definition} has a local secondary index (its writes track item collections). */
  static boolean hasLocalIndex(TableDefinition definition) {
    for (IndexDefinition i : definition.indexes()) {
      if (!i.isGlobal()) {
        return true;
      }
    }
    return false;
  }

  /**
   * The partition key value naming the item collection of the item stored under {@code key}: read
   * from {@code item}, or decoded from the key when there is no item (a delete of nothing).
   */
  static AttributeValue collectionKey(TableDefinition definition, byte[] key, Item item) {
    KeyAttribute hashKey = definition.primaryKey().hashKey();
    if (item != null) {
      return item.get(hashKey.name());
    }
    int[] end = new int[1];
    return switch (hashKey.type()) {
      case S -> AttributeValue.s(KeyCodec.decodeString(key, KeyCodec.HASH_LENGTH, end));
      case N -> AttributeValue.n(KeyCodec.decodeNumber(key, KeyCodec.HASH_LENGTH, end));
      default -> AttributeValue.b(KeyCodec.decodeBinary(key, KeyCodec.HASH_LENGTH, end));
    };
  }

  /**
   * Takes what a write consumed from the buckets it drew on: the item and local index entries from
   * the table and partition, each global index's entries from that index; {@code factor} 2 for a
   * transaction.
   */
  static void charge(TableCapacity load, Table table, long hash, Result result, double factor, Instant now) {
    CapacityMeter meter = new CapacityMeter(table.definition().name());
    ItemCapacity.write(meter, result);
    load.chargeWrite(table, hash, meter.tableAndLocalUnits() * factor, now);
    for (IndexChange c : result.indexChanges()) {
      if (c.index().isGlobal()) {
        Double units = meter.globalUnits().get(c.index().name());
        if (units != null) {
          load.chargeIndexWrite(c.index(), units * factor, now);
        }
      }
    }
  }
}
