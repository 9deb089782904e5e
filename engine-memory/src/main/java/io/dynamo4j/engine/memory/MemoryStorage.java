package io.dynamo4j.engine.memory;

import io.dynamo4j.engine.storage.Cursor;
import io.dynamo4j.engine.storage.KeyRange;
import io.dynamo4j.engine.storage.Keyspace;
import io.dynamo4j.engine.storage.Storage;
import io.dynamo4j.engine.storage.WriteBatch;
import io.dynamo4j.model.Item;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Storage in memory: per keyspace, a {@link ConcurrentSkipListMap} ordered by unsigned key bytes
 * for ranges and scans, and beside it a {@link ConcurrentHashMap} of the same entries for point
 * reads, which then cost one or two memory accesses instead of a walk down the skip list. Both maps
 * hold the same cell per key, and the cell holds the engine's immutable item itself (no copies, no
 * serialisation); overwriting an existing key replaces the item in its cell, found through the hash
 * map, without walking the skip list.
 *
 * <p>Thread-safe. Reads never block; each put or remove is atomic for its key. A batch's changes
 * become visible one after another. Writers of one key must not run concurrently (the engine's key
 * locks keep them apart). Nothing survives {@link #close()}.
 */
public final class MemoryStorage implements Storage {

  private final Map<String, MemoryKeyspace> keyspaces = new ConcurrentHashMap<>();

  @Override
  public Keyspace keyspace(String id) {
    return keyspaces.computeIfAbsent(id, MemoryKeyspace::new);
  }

  @Override
  public void drop(String id) {
    keyspaces.remove(id);
  }

  @Override
  public void apply(WriteBatch batch) {
    for (WriteBatch.Change c : batch.changes()) {
      MemoryKeyspace ks = keyspaces.get(c.keyspace());
      if (ks == null) {
        ks = keyspaces.computeIfAbsent(c.keyspace(), MemoryKeyspace::new);
      }
      Cell probe = new Cell(c.key());
      if (c.item() == null) {
        Cell existing = ks.byKey.remove(probe);
        if (existing != null) {
          existing.item = null; // scans that already reached the cell skip it from now on
          ks.map.remove(existing.key);
        }
      } else {
        Cell existing = ks.byKey.get(probe);
        if (existing != null) {
          existing.item = c.item();
        } else {
          probe.item = c.item();
          ks.map.put(probe.key, probe);
          ks.byKey.put(probe, probe);
        }
      }
    }
  }

  @Override
  public void close() {
    keyspaces.clear();
  }

  private static final class MemoryKeyspace implements Keyspace {
    final String id;
    final ConcurrentSkipListMap<byte[], Cell> map = new ConcurrentSkipListMap<>(Arrays::compareUnsigned);
    final ConcurrentHashMap<Cell, Cell> byKey = new ConcurrentHashMap<>();

    MemoryKeyspace(String id) {
      this.id = id;
    }

    @Override
    public String id() {
      return id;
    }

    @Override
    public Item get(byte[] key) {
      Cell cell = byKey.get(new Cell(key));
      return cell == null ? null : cell.item;
    }

    @Override
    public Cursor scan(KeyRange range, boolean reverse) {
      if (range.isEmpty()) {
        return new MapCursor(java.util.Collections.emptyIterator());
      }
      NavigableMap<byte[], Cell> view = map;
      if (range.from() != null && range.to() != null) {
        view = map.subMap(range.from(), range.fromInclusive(), range.to(), range.toInclusive());
      } else if (range.from() != null) {
        view = map.tailMap(range.from(), range.fromInclusive());
      } else if (range.to() != null) {
        view = map.headMap(range.to(), range.toInclusive());
      }
      return new MapCursor((reverse ? view.descendingMap() : view).values().iterator());
    }

    @Override
    public long count() {
      return map.size();
    }
  }

  /**
   * One stored entry: its key array (content equality, precomputed hash) and its current item,
   * null once removed.
   */
  private static final class Cell {
    final byte[] key;
    final int hash;
    volatile Item item;

    Cell(byte[] key) {
      this.key = key;
      this.hash = Arrays.hashCode(key);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Cell k && k.hash == hash && Arrays.equals(k.key, key);
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }

  private static final class MapCursor implements Cursor {
    private final Iterator<Cell> it;
    private byte[] key;
    private Item item;

    MapCursor(Iterator<Cell> it) {
      this.it = it;
    }

    @Override
    public boolean next() {
      while (it.hasNext()) {
        Cell cell = it.next();
        Item current = cell.item;
        if (current != null) {
          key = cell.key;
          item = current;
          return true;
        }
      }
      key = null;
      item = null;
      return false;
    }

    @Override
    public byte[] key() {
      return key;
    }

    @Override
    public Item item() {
      return item;
    }

    @Override
    public void close() {}
  }
}
