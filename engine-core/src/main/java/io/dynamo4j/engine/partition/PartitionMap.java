package io.dynamo4j.engine.partition;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A table's partitions: non-overlapping hash ranges that together cover the 64-bit hash space,
 * in hash order. Readers see an immutable list ({@link #current()}) that a split replaces
 * atomically; the history of every partition that ever existed is kept for lineage.
 *
 * <p>What decides a split (size, throughput) lives with the capacity machinery; this class only
 * keeps the ranges, finds a hash's partition and tells listeners.
 *
 * <p>Thread-safe: splits are serialised; lookups never block.
 */
public final class PartitionMap {

  private final Object lock = new Object();
  private volatile List<Partition> current;
  private final List<Partition> all = new CopyOnWriteArrayList<>();
  private final List<PartitionListener> listeners = new CopyOnWriteArrayList<>();
  private int nextId;

  /** A map with one partition covering every hash, created at {@code created}. */
  public PartitionMap(Instant created) {
    Partition first = new Partition(newId(), 0L, -1L, null, created);
    current = List.of(first);
    all.add(first);
  }

  private String newId() {
    return String.format("%05d", ++nextId);
  }

  /** The partitions now, in hash order. */
  public List<Partition> current() {
    return current;
  }

  /** Every partition that ever existed, oldest first (split parents included). */
  public List<Partition> history() {
    return Collections.unmodifiableList(all);
  }

  /** The current partition holding {@code hash}. */
  public Partition of(long hash) {
    List<Partition> list = current;
    int lo = 0;
    int hi = list.size() - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      Partition p = list.get(mid);
      if (Long.compareUnsigned(hash, p.startHash()) < 0) {
        hi = mid - 1;
      } else if (Long.compareUnsigned(hash, p.endHash()) > 0) {
        lo = mid + 1;
      } else {
        return p;
      }
    }
    throw new IllegalStateException("no partition holds hash " + Long.toUnsignedString(hash));
  }

  /** Adds a listener of splits. */
  public void addListener(PartitionListener listener) {
    listeners.add(listener);
  }

  /**
   * Splits {@code partition} at the middle of its hash range. Returns false (and changes nothing)
   * if it is no longer current or covers a single hash.
   */
  public boolean split(Partition partition, Instant now) {
    Partition left;
    Partition right;
    synchronized (lock) {
      List<Partition> list = current;
      int index = list.indexOf(partition);
      if (index < 0 || partition.startHash() == partition.endHash()) {
        return false;
      }
      // the unsigned midpoint of [start, end]
      long mid = partition.startHash() + ((partition.endHash() - partition.startHash()) >>> 1);
      left = new Partition(newId(), partition.startHash(), mid, partition.id(), now);
      right = new Partition(newId(), mid + 1, partition.endHash(), partition.id(), now);
      List<Partition> next = new ArrayList<>(list.size() + 1);
      next.addAll(list.subList(0, index));
      next.add(left);
      next.add(right);
      next.addAll(list.subList(index + 1, list.size()));
      all.add(left);
      all.add(right);
      current = List.copyOf(next);
    }
    for (PartitionListener l : listeners) {
      l.split(partition, left, right);
    }
    return true;
  }
}
