package io.dynamo4j.engine.partition;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A table's partitions: non-overlapping hash ranges that together cover the 64-bit hash space,
 * in hash order. Readers see an immutable list ({@link #current()}) that a split replaces
 * atomically; the history of every partition that ever existed is kept for lineage.
 *
 * <h2>Sizes and splits</h2>
 *
 * The write path reports how many bytes (items and local index entries) each write adds to the
 * partition of its hash ({@link #addBytes}). Once a partition holds more than the split size it is
 * split at the middle of its hash range, and the children's sizes are counted from storage (a
 * {@link Sizer}). A split that would leave one child empty is not made (all the data lies in one
 * half: a single huge partition key, say); the partition is looked at again after it has grown by
 * another quarter of the split size. What decides a split for throughput lives with the capacity
 * machinery, which calls {@link #split(Partition, Instant, Sizer)} here; so does the rule that a
 * table has enough partitions for its throughput ({@link #ensureAtLeast}).
 *
 * <p>Sizes are exact while writes are quiet and estimates while a split races with writes (a write
 * that looked up the parent just before the split is counted on the parent).
 *
 * <p>Thread-safe: splits are serialised; lookups and size updates never block.
 */
public final class PartitionMap {

  /** Counts the bytes stored under the hashes {@code [startHash, endHash]} (unsigned, inclusive). */
  @FunctionalInterface
  public interface Sizer {
    /** The bytes of items and local index entries whose hash lies in the range. */
    long bytes(long startHash, long endHash);
  }

  /** A current partition with its live size. */
  private static final class Slot {
    final Partition partition;
    final AtomicLong bytes;
    final AtomicBoolean splitting = new AtomicBoolean();
    volatile long nextCheck;

    Slot(Partition partition, long bytes) {
      this.partition = partition;
      this.bytes = new AtomicLong(bytes);
    }
  }

  /** The partitions and their slots, replaced together so readers see a consistent pair. */
  private record State(List<Partition> partitions, Slot[] slots) {}

  private final Object lock = new Object();
  private volatile State state;
  private final List<Partition> all = new CopyOnWriteArrayList<>();
  private final List<PartitionListener> listeners = new CopyOnWriteArrayList<>();
  private int nextId;
  private volatile Object sizedFor;

  /** A map with one partition covering every hash, created at {@code created}. */
  public PartitionMap(Instant created) {
    Partition first = new Partition(newId(), 0L, -1L, null, created);
    state = new State(List.of(first), new Slot[] {new Slot(first, 0)});
    all.add(first);
  }

  private String newId() {
    return String.format("%05d", ++nextId);
  }

  /**
   * Restores saved partitions on a table reopened by a persistent engine: {@code history} (every
   * partition that existed, oldest first) and {@code current} (in hash order, covering every
   * hash) with their sizes in bytes. Ids of later partitions go on after the highest saved one.
   *
   * @throws IllegalArgumentException if {@code current} does not cover the hash space in order
   */
  public void restore(List<Partition> history, List<Partition> current, long[] bytes) {
    if (current.isEmpty() || current.size() != bytes.length || current.get(0).startHash() != 0L
        || current.get(current.size() - 1).endHash() != -1L) {
      throw new IllegalArgumentException("saved partitions do not cover the hash space: " + current);
    }
    for (int i = 1; i < current.size(); i++) {
      if (current.get(i).startHash() != current.get(i - 1).endHash() + 1) {
        throw new IllegalArgumentException("saved partitions do not cover the hash space: " + current);
      }
    }
    synchronized (lock) {
      Slot[] slots = new Slot[current.size()];
      for (int i = 0; i < slots.length; i++) {
        slots[i] = new Slot(current.get(i), bytes[i]);
      }
      int max = 0;
      for (Partition p : history) {
        try {
          max = Math.max(max, Integer.parseInt(p.id()));
        } catch (NumberFormatException e) {
          // not one of ours: ids go on after the numeric ones
        }
      }
      nextId = Math.max(nextId, max);
      all.clear();
      all.addAll(history);
      state = new State(List.copyOf(current), slots);
    }
  }

  /** The partitions now, in hash order. */
  public List<Partition> current() {
    return state.partitions;
  }

  /** Every partition that ever existed, oldest first (split parents included). */
  public List<Partition> history() {
    return Collections.unmodifiableList(all);
  }

  /** The current partition holding {@code hash}. */
  public Partition of(long hash) {
    return slot(state.slots, hash).partition;
  }

  private static Slot slot(Slot[] slots, long hash) {
    int lo = 0;
    int hi = slots.length - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      Partition p = slots[mid].partition;
      if (Long.compareUnsigned(hash, p.startHash()) < 0) {
        hi = mid - 1;
      } else if (Long.compareUnsigned(hash, p.endHash()) > 0) {
        lo = mid + 1;
      } else {
        return slots[mid];
      }
    }
    throw new IllegalStateException("no partition holds hash " + Long.toUnsignedString(hash));
  }

  private Slot slotOf(Partition partition) {
    for (Slot s : state.slots) {
      if (s.partition.equals(partition)) {
        return s;
      }
    }
    return null;
  }

  /** Adds a listener of splits. */
  public void addListener(PartitionListener listener) {
    listeners.add(listener);
  }

  /** The bytes a current partition holds, or -1 if {@code partition} is not current. */
  public long bytes(Partition partition) {
    Slot s = slotOf(partition);
    return s == null ? -1 : s.bytes.get();
  }

  /**
   * Adds {@code delta} bytes to the partition holding {@code hash}. Returns that partition if it
   * now holds more than {@code splitBytes} and is due for a split that nobody else is making (the
   * caller then calls {@link #split(Partition, Instant, Sizer)}); otherwise null.
   */
  public Partition addBytes(long hash, long delta, long splitBytes) {
    Slot s = slot(state.slots, hash);
    long now = s.bytes.addAndGet(delta);
    if (now > splitBytes && now > s.nextCheck && s.splitting.compareAndSet(false, true)) {
      return s.partition;
    }
    return null;
  }

  /**
   * Splits {@code partition} at the middle of its hash range, halving its size between the
   * children. Returns false (and changes nothing) if it is no longer current or covers a single
   * hash.
   */
  public boolean split(Partition partition, Instant now) {
    return split(partition, now, null, false);
  }

  /**
   * Splits {@code partition} at the middle of its hash range, sizing the children with
   * {@code sizer} (null: half each). Returns false (and changes nothing) if it is no longer current,
   * covers a single hash, or, with a sizer, one child would hold nothing while the other holds
   * everything (then it is looked at again after it grows by a quarter of the size that made it
   * due).
   */
  public boolean split(Partition partition, Instant now, Sizer sizer) {
    return split(partition, now, sizer, sizer != null);
  }

  private boolean split(Partition partition, Instant now, Sizer sizer, boolean refuseLopsided) {
    Partition left;
    Partition right;
    synchronized (lock) {
      State current = state;
      int index = current.partitions.indexOf(partition);
      if (index < 0) {
        return false;
      }
      Slot parentSlot = current.slots[index];
      if (partition.startHash() == partition.endHash()) {
        return false;
      }
      // the unsigned midpoint of [start, end]
      long mid = partition.startHash() + ((partition.endHash() - partition.startHash()) >>> 1);
      long total = parentSlot.bytes.get();
      long leftBytes;
      long rightBytes;
      if (sizer == null) {
        leftBytes = total / 2;
        rightBytes = total - leftBytes;
      } else {
        leftBytes = sizer.bytes(partition.startHash(), mid);
        rightBytes = sizer.bytes(mid + 1, partition.endHash());
        if (refuseLopsided && (leftBytes == 0 || rightBytes == 0)) {
          parentSlot.nextCheck = Math.max(total, 1) + Math.max(total / 4, 1);
          parentSlot.splitting.set(false);
          return false;
        }
      }
      left = new Partition(newId(), partition.startHash(), mid, partition.id(), now);
      right = new Partition(newId(), mid + 1, partition.endHash(), partition.id(), now);
      List<Partition> next = new ArrayList<>(current.partitions.size() + 1);
      next.addAll(current.partitions.subList(0, index));
      next.add(left);
      next.add(right);
      next.addAll(current.partitions.subList(index + 1, current.partitions.size()));
      Slot[] slots = new Slot[current.slots.length + 1];
      System.arraycopy(current.slots, 0, slots, 0, index);
      slots[index] = new Slot(left, leftBytes);
      slots[index + 1] = new Slot(right, rightBytes);
      System.arraycopy(current.slots, index + 1, slots, index + 2, current.slots.length - index - 1);
      all.add(left);
      all.add(right);
      state = new State(List.copyOf(next), slots);
    }
    for (PartitionListener l : listeners) {
      l.split(partition, left, right);
    }
    return true;
  }

  /**
   * Splits the widest partitions until there are at least {@code count} (a table's throughput
   * needs that many, each partition serving at most 3,000 read and 1,000 write units a second).
   * Does nothing when there are enough already.
   */
  public void ensureAtLeast(int count, Instant now, Sizer sizer) {
    while (state.partitions.size() < count) {
      Partition widest = null;
      for (Partition p : state.partitions) {
        if (widest == null || Long.compareUnsigned(p.endHash() - p.startHash(), widest.endHash() - widest.startHash()) > 0) {
          widest = p;
        }
      }
      if (widest == null || !split(widest, now, sizer, false)) {
        return;
      }
    }
  }

  /**
   * The object (a table definition) the partition count was last made sufficient for, so the
   * write path can tell cheaply whether to look again.
   */
  public Object sizedFor() {
    return sizedFor;
  }

  /** Records what the partition count was last made sufficient for. */
  public void sizedFor(Object definition) {
    this.sizedFor = definition;
  }
}
