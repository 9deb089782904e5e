package io.dynamo4j.engine.stream;

import io.dynamo4j.api.KeySchemaElement;
import io.dynamo4j.api.StreamViewType;
import io.dynamo4j.engine.table.KeySchema;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One stream of a table, from the moment it was enabled until 24 hours after it was disabled: its
 * identity (ARN, label, view type), the table's key, and its shards, open and closed, in creation
 * order (which is also shard id order).
 *
 * <p>Thread-safe: shards are opened and closed under the table's feed monitor; readers see a
 * consistent list (copy-on-write) and an immutable array of the open shards.
 */
final class LiveStream {

  final String arn;
  final String label;
  final String tableName;
  final String tableId;
  final StreamViewType viewType;
  final Instant created;
  final List<KeySchemaElement> keySchema;
  final KeySchema primaryKey;
  final CopyOnWriteArrayList<StreamShard> shards = new CopyOnWriteArrayList<>();
  private volatile StreamShard[] open = new StreamShard[0];
  private volatile Instant disabledAt;
  private int counter; // guarded by the feed monitor
  private final Object signal = new Object();
  private final java.util.concurrent.atomic.AtomicLong version = new java.util.concurrent.atomic.AtomicLong();
  private volatile int waiters; // changed under signal

  LiveStream(String arn, String label, String tableName, String tableId, StreamViewType viewType, Instant created,
      List<KeySchemaElement> keySchema, KeySchema primaryKey) {
    this.arn = arn;
    this.label = label;
    this.tableName = tableName;
    this.tableId = tableId;
    this.viewType = viewType;
    this.created = created;
    this.keySchema = List.copyOf(keySchema);
    this.primaryKey = primaryKey;
  }

  /** The number of shards ever opened (the last shard id's counter). */
  int counter() {
    return counter;
  }

  /** Restores a saved stream's state: its counter, shards (in creation order) and disable time. */
  void restore(int counter, List<StreamShard> saved, Instant disabledAt) {
    this.counter = counter;
    shards.addAll(saved);
    List<StreamShard> next = new ArrayList<>();
    for (StreamShard s : saved) {
      if (s.isOpen()) {
        next.add(s);
      }
    }
    next.sort((a, b) -> Long.compareUnsigned(a.startHash, b.startHash));
    open = next.toArray(new StreamShard[0]);
    this.disabledAt = disabledAt;
  }

  /** When the stream was disabled, or null while enabled. */
  Instant disabledAt() {
    return disabledAt;
  }

  boolean isEnabled() {
    return disabledAt == null;
  }

  /** The open shards, by hash range. */
  StreamShard[] open() {
    return open;
  }

  /** The shard named {@code id}, or null. */
  StreamShard shard(String id) {
    for (StreamShard s : shards) {
      if (s.id.equals(id)) {
        return s;
      }
    }
    return null;
  }

  /** Opens a shard. Under the feed monitor. */
  StreamShard openShard(long startHash, long endHash, String parentId, long startSequence, Instant now) {
    String id = String.format("shardId-%020d-%08x", now.toEpochMilli(), ++counter);
    StreamShard s = new StreamShard(id, startHash, endHash, parentId, startSequence, now);
    shards.add(s);
    List<StreamShard> next = new ArrayList<>(Arrays.asList(open));
    next.add(s);
    next.sort((a, b) -> Long.compareUnsigned(a.startHash, b.startHash));
    open = next.toArray(new StreamShard[0]);
    return s;
  }

  /** Closes an open shard at {@code end}. Under the feed monitor. */
  void closeShard(StreamShard s, long end, Instant now) {
    s.close(end, now);
    List<StreamShard> next = new ArrayList<>(Arrays.asList(open));
    next.remove(s);
    open = next.toArray(new StreamShard[0]);
  }

  /** Closes every open shard: the stream is disabled. Under the feed monitor. */
  void disable(long end, Instant now) {
    for (StreamShard s : open) {
      s.close(end, now);
    }
    open = new StreamShard[0];
    disabledAt = now;
    signal();
  }

  /** The open shard holding {@code hash}, or null. */
  StreamShard openShardFor(long hash) {
    for (StreamShard s : open) {
      if (s.contains(hash)) {
        return s;
      }
    }
    return null;
  }

  /** Wakes subscribers waiting for records; costs an atomic increment when nobody waits. */
  void signal() {
    version.incrementAndGet();
    if (waiters > 0) {
      synchronized (signal) {
        signal.notifyAll();
      }
    }
  }

  /** The signal count, for {@link #await}: read it before looking for records. */
  long version() {
    return version.get();
  }

  /** Waits until {@link #signal} after {@code seen} (returns at once if it came already), or {@code millis}. */
  void await(long seen, long millis) throws InterruptedException {
    synchronized (signal) {
      waiters++;
      try {
        if (version.get() == seen) {
          signal.wait(Math.max(1, millis));
        }
      } finally {
        waiters--;
      }
    }
  }
}
