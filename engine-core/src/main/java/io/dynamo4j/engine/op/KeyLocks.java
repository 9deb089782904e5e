package io.dynamo4j.engine.op;

import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One lock per item key, created on demand and dropped when nobody holds or waits for it. Writers
 * lock the keys they change; plain readers take no lock.
 *
 * <h2>Who waits, who fails</h2>
 *
 * DynamoDB never makes a request wait for a transaction: a request that meets an item held by a
 * transaction in flight fails at once (Developer Guide, "Transaction conflict handling"). The lock
 * knows what kind of holder it has and applies that rule:
 *
 * <ul>
 *   <li>a single-item write ({@link #lockForWrite}) waits for another single-item write or a
 *       transactional read, but reports a conflict if a transactional write holds the key;
 *   <li>a transactional write ({@link #tryLockTransaction}) waits for a single-item write or a
 *       transactional read, but reports a conflict if another transactional write holds the key;
 *   <li>a transactional read ({@link #tryLockShared}) shares the key with other transactional
 *       reads and reports a conflict if any write holds it (or waits for it);
 *   <li>the engine's own writes ({@link #lock}: index backfill, TTL deletion) simply wait.
 * </ul>
 *
 * <p>No deadlock is possible: a holder of several keys (a transaction) only ever waits for a holder
 * of one key that waits for nothing (a single-item write or the engine's own write, which hold one
 * key each and never fail or wait while holding it), and transactional reads never wait at all.
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

  /** What holds a key. */
  private enum Mode { FREE, WRITE, TRANSACTION, SHARED }

  private static final class Entry {
    // every field is guarded by the entry's monitor, except users (guarded by the map's compute)
    Mode mode = Mode.FREE;
    int readers;
    int waitingWriters;
    int users;
  }

  private final ConcurrentHashMap<LockKey, Entry> entries = new ConcurrentHashMap<>();

  private Entry enter(LockKey key) {
    return entries.compute(key, (k, cur) -> {
      Entry x = cur == null ? new Entry() : cur;
      x.users++;
      return x;
    });
  }

  private void leave(LockKey key) {
    entries.computeIfPresent(key, (k, cur) -> --cur.users == 0 ? null : cur);
  }

  /** Locks {@code key} for the engine's own write, waiting for any holder. Pair with {@link #unlock}. */
  public void lock(LockKey key) {
    Entry e = enter(key);
    synchronized (e) {
      e.waitingWriters++;
      while (e.mode != Mode.FREE) {
        awaitUninterruptibly(e);
      }
      e.waitingWriters--;
      e.mode = Mode.WRITE;
    }
  }

  /**
   * Locks {@code key} for a single-item write: waits while a single-item write or transactional
   * reads hold it; returns false (holding nothing) if a transactional write holds it. Pair a true
   * result with {@link #unlock}.
   */
  public boolean lockForWrite(LockKey key) {
    return lockWaitingForNonTransactions(key, Mode.WRITE);
  }

  /**
   * Locks {@code key} for a transactional write: waits while a single-item write or transactional
   * reads hold it; returns false (holding nothing) if another transactional write holds it. Pair a
   * true result with {@link #unlock}.
   */
  public boolean tryLockTransaction(LockKey key) {
    return lockWaitingForNonTransactions(key, Mode.TRANSACTION);
  }

  private boolean lockWaitingForNonTransactions(LockKey key, Mode mode) {
    Entry e = enter(key);
    synchronized (e) {
      if (e.mode == Mode.FREE) {
        e.mode = mode;
        return true;
      }
      e.waitingWriters++;
      while (e.mode != Mode.FREE) {
        if (e.mode == Mode.TRANSACTION) {
          e.waitingWriters--;
          leave(key);
          return false;
        }
        awaitUninterruptibly(e);
      }
      e.waitingWriters--;
      e.mode = mode;
      return true;
    }
  }

  /**
   * Locks {@code key} for a transactional read, shared with other transactional reads; returns
   * false (holding nothing) if a write holds it or waits for it. Never waits. Pair a true result
   * with {@link #unlock}.
   */
  public boolean tryLockShared(LockKey key) {
    Entry e = enter(key);
    synchronized (e) {
      if ((e.mode == Mode.FREE || e.mode == Mode.SHARED) && e.waitingWriters == 0) {
        e.mode = Mode.SHARED;
        e.readers++;
        return true;
      }
      leave(key); // the map's compute never takes an entry's monitor, so this cannot deadlock
      return false;
    }
  }

  /** Unlocks {@code key}, which the calling thread locked by any of the methods above. */
  public void unlock(LockKey key) {
    Entry e = entries.get(key);
    synchronized (e) {
      if (e.mode == Mode.SHARED && --e.readers > 0) {
        // other transactional reads still hold it
      } else {
        e.readers = 0;
        e.mode = Mode.FREE;
        if (e.waitingWriters > 0) {
          e.notifyAll();
        }
      }
    }
    leave(key);
  }

  private static void awaitUninterruptibly(Object monitor) {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          monitor.wait();
          return;
        } catch (InterruptedException ie) {
          interrupted = true;
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** The number of keys currently locked or waited for (for tests and diagnostics). */
  public int size() {
    return entries.size();
  }
}
