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
 * reads, which then cost one or two memory accesses instead of a walk down the skip list. Values
 * are the engine's immutable items themselves (no copies, no serialisation); both maps share the
 * key arrays.
 *
 * <p>Thread-safe. Reads never block; each put or remove is atomic for its key. A batch's changes
 * become visible one after another (the engine's key locks keep writers of a key apart). Nothing
 * survives {@link #close()}.
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
      MemoryKeyspace ks = keyspaces.computeIfAbsent(c.keyspace(), MemoryKeyspace::new);
      if (c.item() == null) {
        ks.map.remove(c.key());
        ks.byKey.remove(new HashedKey(c.key()));
      } else {
        ks.map.put(c.key(), c.item());
        ks.byKey.put(new HashedKey(c.key()), c.item());
      }
    }
  }

  @Override
  public void close() {
    keyspaces.clear();
  }

  private static final class MemoryKeyspace implements Keyspace {
    final String id;
    final ConcurrentSkipListMap<byte[], Item> map = new ConcurrentSkipListMap<>(Arrays::compareUnsigned);
    final ConcurrentHashMap<HashedKey, Item> byKey = new ConcurrentHashMap<>();

    MemoryKeyspace(String id) {
      this.id = id;
    }

    @Override
    public String id() {
      return id;
    }

    @Override
    public Item get(byte[] key) {
      return byKey.get(new HashedKey(key));
    }

    @Override
    public Cursor scan(KeyRange range, boolean reverse) {
      if (range.isEmpty()) {
        return new MapCursor(java.util.Collections.emptyIterator());
      }
      NavigableMap<byte[], Item> view = map;
      if (range.from() != null && range.to() != null) {
        view = map.subMap(range.from(), range.fromInclusive(), range.to(), range.toInclusive());
      } else if (range.from() != null) {
        view = map.tailMap(range.from(), range.fromInclusive());
      } else if (range.to() != null) {
        view = map.headMap(range.to(), range.toInclusive());
      }
      return new MapCursor((reverse ? view.descendingMap() : view).entrySet().iterator());
    }

    @Override
    public long count() {
      return map.size();
    }
  }

  /** A key array with content equality and a precomputed hash, for the point-read map. */
  private static final class HashedKey {
    final byte[] key;
    final int hash;

    HashedKey(byte[] key) {
      this.key = key;
      this.hash = Arrays.hashCode(key);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof HashedKey k && k.hash == hash && Arrays.equals(k.key, key);
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }

  private static final class MapCursor implements Cursor {
    private final Iterator<Map.Entry<byte[], Item>> it;
    private byte[] key;
    private Item item;

    MapCursor(Iterator<Map.Entry<byte[], Item>> it) {
      this.it = it;
    }

    @Override
    public boolean next() {
      if (!it.hasNext()) {
        key = null;
        item = null;
        return false;
      }
      Map.Entry<byte[], Item> e = it.next();
      key = e.getKey();
      item = e.getValue();
      return true;
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
