package io.dynamo4j.engine.backup;

import io.dynamo4j.api.TimeToLiveDescription;
import io.dynamo4j.engine.journal.ChangeFeed;
import io.dynamo4j.engine.op.EngineContext;
import io.dynamo4j.engine.op.KeyLocks;
import io.dynamo4j.engine.storage.Cursor;
import io.dynamo4j.engine.storage.KeyRange;
import io.dynamo4j.engine.table.Table;
import io.dynamo4j.engine.table.TableDefinition;
import io.dynamo4j.model.AttributeValue;
import io.dynamo4j.model.Item;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Consistent copies of a live table, taken without blocking its writers: the base of backups and
 * of point-in-time restores.
 *
 * <h2>Why the copy is consistent</h2>
 *
 * <p>The memory storage has no snapshots and its scans are weakly consistent. A copy is therefore
 * a scan plus the changes that commit during the scan, recorded by a {@link ChangeFeed.Capture}:
 *
 * <ol>
 *   <li>start a capture; the moment it starts (under the table's feed monitor) is the copy's
 *       moment: the copy shall hold exactly the changes reported before it;
 *   <li>walk the table's keys; for each, take its key lock, read the item, release the lock. The
 *       write path reports a change under the same lock, so the item read holds every change of
 *       that key reported before the read and none reported after;
 *   <li>stop the capture; for every key it saw change, replace what the walk read by the item as it
 *       was before the key's first captured change (absent if it did not exist).
 * </ol>
 *
 * <p>For a key changed after the copy's moment, the first captured change's old image is its item
 * at the moment. For a key not changed between the moment and the end of the walk, the locked read
 * returned its item at the moment. A key that existed at the moment is seen by the walk unless it
 * was deleted first (then the capture has it), and a key created after the moment is in the capture
 * as created. So the copy is the table as of the capture's start: the prefix of the committed
 * writes reported before it. Writers wait for nothing but the one key lock the walk holds for the
 * length of one read. (A transaction reports its changes one by one: a copy may start between two
 * of them.)
 *
 * <p>Thread-safe; stateless.
 */
public final class Snapshots {

  /**
   * A copy and where it stands in the journal.
   *
   * @param snapshot the copy
   * @param cut the journal position at the copy's moment: the table's records below it are in the copy
   * @param byKey the copy's items by storage key (mutable; for point-in-time restores to roll back)
   */
  public record Taken(TableSnapshot snapshot, long cut, NavigableMap<byte[], Item> byKey) {}

  private static final Item ABSENT = Item.of("\u0000absent", AttributeValue.nul());

  private Snapshots() {}

  /** A consistent copy of {@code table} now, recording {@code timeToLive} as its TTL setting. */
  public static Taken take(EngineContext context, ChangeFeed feed, Table table, TimeToLiveDescription timeToLive) {
    NavigableMap<byte[], Item> firstOld = new TreeMap<>(Arrays::compareUnsigned); // guarded by the feed monitor
    ChangeFeed.Capture capture = (key, oldItem, newItem) -> firstOld.putIfAbsent(key, oldItem == null ? ABSENT : oldItem);
    TableDefinition definition = table.definition();
    NavigableMap<byte[], Item> items = new TreeMap<>(Arrays::compareUnsigned);
    // The capture's moment must not fall inside a transaction's commit (see EngineContext.commitGate).
    long cut;
    context.commitGate().writeLock().lock();
    try {
      cut = feed.startCapture(table, capture);
    } finally {
      context.commitGate().writeLock().unlock();
    }
    try (Cursor c = table.base().scan(KeyRange.all(), false)) {
      while (c.next()) {
        byte[] key = c.key().clone();
        KeyLocks.LockKey lockKey = new KeyLocks.LockKey(definition.id(), key);
        context.locks().lock(lockKey);
        Item item;
        try {
          item = table.base().get(key);
        } finally {
          context.locks().unlock(lockKey);
        }
        if (item != null) {
          items.put(key, item);
        }
      }
    } finally {
      feed.stopCapture(table, capture);
    }
    // stopCapture synchronised on the feed monitor after the last capture call: firstOld is complete and visible.
    for (Map.Entry<byte[], Item> e : firstOld.entrySet()) {
      if (e.getValue() == ABSENT) {
        items.remove(e.getKey());
      } else {
        items.put(e.getKey(), e.getValue());
      }
    }
    return new Taken(snapshot(definition, timeToLive, items), cut, items);
  }

  /** A snapshot of {@code items} (in key order) under {@code definition}. */
  public static TableSnapshot snapshot(TableDefinition definition, TimeToLiveDescription timeToLive, NavigableMap<byte[], Item> items) {
    List<Item> list = new ArrayList<>(items.size());
    long size = 0;
    for (Item i : items.values()) {
      list.add(i);
      size += i.sizeInBytes();
    }
    return new TableSnapshot(definition, timeToLive, list, size);
  }
}
