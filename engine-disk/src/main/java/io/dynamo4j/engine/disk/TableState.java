package io.dynamo4j.engine.disk;

import io.dynamo4j.engine.op.EngineContext;
import io.dynamo4j.engine.partition.Partition;
import io.dynamo4j.engine.partition.PartitionMap;
import io.dynamo4j.engine.stream.Streams;
import io.dynamo4j.engine.table.Table;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * Logs what engine-core changes on the data path that must outlive a restart: a table's partitions
 * when one splits, and a stream when its shards change. Each is logged whole, at once, before any
 * record can land in a new shard (the stream listener runs under the table's feed monitor), so
 * recovery finds the shards every acknowledged record belongs to.
 *
 * <p>Thread-safe.
 */
final class TableState {

  private final EngineContext context;
  private final DiskStorage storage;
  private final Set<Table> watched = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));
  private final Object monitor = new Object();

  TableState(EngineContext context, DiskStorage storage) {
    this.context = context;
    this.storage = storage;
  }

  /** Listens to the partitions of every table not listened to yet (after each control-plane operation). */
  void watchAll() {
    for (Table t : context.catalog().all()) {
      if (watched.add(t)) {
        t.partitions().addListener((parent, left, right) -> partitionsChanged(t));
      }
    }
  }

  private void partitionsChanged(Table table) {
    if (storage.failed()) {
      return;
    }
    // Serialised, so the last document logged holds the last state (two splits may race).
    synchronized (monitor) {
      try {
        storage.writeAlone(WalRecords.partitions(table.definition().id(), StateCodec.encodePartitions(saved(table.partitions()))));
      } catch (RuntimeException e) {
        // the storage failed: it accepts no further writes, and the next open recovers from the log
      }
    }
  }

  /** The shard listener: logs the stream as it is now. */
  void streamChanged(Streams.SavedStream stream) {
    if (storage.failed()) {
      return;
    }
    try {
      storage.writeAlone(WalRecords.stream(StateCodec.encodeStream(stream)));
    } catch (RuntimeException e) {
      // as above: nothing after this change is acknowledged
    }
  }

  /** Every table's partitions now, by table id (for a checkpoint). */
  Map<String, StateCodec.SavedPartitions> partitions() {
    Map<String, StateCodec.SavedPartitions> all = new HashMap<>();
    for (Table t : context.catalog().all()) {
      all.put(t.definition().id(), saved(t.partitions()));
    }
    return all;
  }

  private static StateCodec.SavedPartitions saved(PartitionMap map) {
    List<Partition> current = map.current();
    List<Partition> history = List.copyOf(map.history());
    long[] bytes = new long[current.size()];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = Math.max(0, map.bytes(current.get(i)));
    }
    return new StateCodec.SavedPartitions(history, current, bytes);
  }
}
