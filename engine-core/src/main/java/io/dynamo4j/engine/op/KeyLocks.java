package io.dynamo4j.engine.op;

import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One lock per item key, created on demand and dropped when nobody holds or waits for it. Writers
 * lock the keys they change (several keys in ascending order, so two writers never deadlock);
 * readers take no lock.
 *
 * <p>Thread-safe.
 */
public final class KeyLocks {

  /** A key of a keyspace. Immutable. */
  public static final class LockKey implements Comparable<LockKey> {
    private final String keyspace;
    private final byte[] key;
    private final int hash;

    /** The key {@code key} of {@code keyspace} (the array must not change afterwards). */
    public LockKey(String keyspace, byte[] key) {
      this.keyspace = keyspace;
      this.key = key;
      this.hash = 31 * keyspace.hashCode() + Arrays.hashCode(key);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof LockKey k && hash == k.hash && keyspace.equals(k.keyspace) && Arrays.equals(key, k.key);
    }

    @Override
    public int hashCode() {
      return hash;
    }

    @Override
    public int compareTo(LockKey o) {
      int c = keyspace.compareTo(o.keyspace);
      return c != 0 ? c : Arrays.compareUnsigned(key, o.key);
    }
  }

  private static final class Entry {
    final ReentrantLock lock = new ReentrantLock();
    int users; // guarded by the map's compute
  }

  private final ConcurrentHashMap<LockKey, Entry> entries = new ConcurrentHashMap<>();

  /** Locks {@code key}, waiting if another thread holds it. Pair with {@link #unlock}. */
  public void lock(LockKey key) {
    Entry e = entries.compute(key, (k, cur) -> {
      Entry x = cur == null ? new Entry() : cur;
      x.users++;
      return x;
    });
    e.lock.lock();
  }

  /** Unlocks {@code key}, which the calling thread must hold. */
  public void unlock(LockKey key) {
    Entry e = entries.get(key);
    e.lock.unlock();
    entries.computeIfPresent(key, (k, cur) -> --cur.users == 0 ? null : cur);
  }

  /** The number of keys currently locked or waited for (for tests and diagnostics). */
  public int size() {
    return entries.size();
  }
}
