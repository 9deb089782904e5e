package io.dynamo4j.engine.disk;

import io.dynamo4j.engine.journal.Journal;
import io.dynamo4j.engine.journal.JournalRecord;
import io.dynamo4j.engine.journal.JournalStatistics;
import io.dynamo4j.engine.op.CommitListener;
import io.dynamo4j.model.Item;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The Journal SPI on the write-ahead log: each record is written in the log document of the commit
 * that made the change ({@link DiskStorage#join}), so a change and its stream record are durable
 * together; trims and drops are logged too. Readers are served from an index in memory of the
 * records retained (one sorted map per table), rebuilt from the log when the engine opens; the
 * retention of engine-core bounds it ({@code EngineConfig.historyMemoryLimit}).
 *
 * <p>Thread-safe.
 */
final class ChronicleJournal implements Journal {

  private final DiskStorage storage;
  private final ConcurrentHashMap<String, ConcurrentSkipListMap<Long, JournalRecord>> logs = new ConcurrentHashMap<>();
  private final Map<String, Long> trimmedBefore = new ConcurrentHashMap<>();
  private final AtomicLong sequence;
  private final AtomicLong records = new AtomicLong();
  private final AtomicLong bytes = new AtomicLong();

  ChronicleJournal(DiskStorage storage, long nextSequence) {
    this.storage = storage;
    this.sequence = new AtomicLong(Math.max(1, nextSequence));
  }

  // ---- recovery ----

  /** A record read back from the log. */
  void recovered(JournalRecord r) {
    Long trimmed = trimmedBefore.get(r.tableId());
    if (trimmed != null && r.sequence() < trimmed) {
      return;
    }
    if (logs.computeIfAbsent(r.tableId(), id -> new ConcurrentSkipListMap<>()).putIfAbsent(r.sequence(), r) == null) {
      records.incrementAndGet();
      bytes.addAndGet(r.estimatedBytes());
    }
    sequence.accumulateAndGet(r.sequence() + 1, Math::max);
  }

  /** A trim read back from the log. */
  void recoveredTrim(String tableId, long beforeSequence) {
    trimmedBefore.merge(tableId, beforeSequence, Math::max);
    trimLocal(tableId, beforeSequence);
  }

  /** A drop read back from the log. */
  void recoveredDrop(String tableId) {
    trimmedBefore.merge(tableId, sequence.get(), Math::max);
    dropLocal(tableId);
  }

  /** Where each table's records were trimmed (kept with checkpoints: the log documents saying so may be deleted). */
  Map<String, Long> trims() {
    return Map.copyOf(trimmedBefore);
  }

  /** The position before which {@code tableId}'s records were trimmed (0 if none were). */
  long trimmedBefore(String tableId) {
    Long t = trimmedBefore.get(tableId);
    return t == null ? 0 : t;
  }

  // ---- Journal ----

  @Override
  public JournalRecord append(String tableId, byte[] key, Item oldItem, Item newItem, long timeMillis,
      CommitListener.Cause cause, String transactionId) {
    JournalRecord r = new JournalRecord(JournalRecord.FORMAT, sequence.getAndIncrement(), tableId, key, oldItem, newItem,
        timeMillis, cause, transactionId);
    logs.computeIfAbsent(tableId, id -> new ConcurrentSkipListMap<>()).put(r.sequence(), r);
    records.incrementAndGet();
    bytes.addAndGet(r.estimatedBytes());
    if (!storage.join(r)) {
      storage.writeRecordAlone(r);
    }
    return r;
  }

  @Override
  public long nextSequence() {
    return sequence.get();
  }

  @Override
  public Iterator<JournalRecord> read(String tableId, long fromSequence) {
    ConcurrentSkipListMap<Long, JournalRecord> log = logs.get(tableId);
    if (log == null) {
      return Collections.emptyIterator();
    }
    return new Iterator<>() {
      long from = fromSequence;
      JournalRecord next;

      @Override
      public boolean hasNext() {
        if (next == null) {
          Map.Entry<Long, JournalRecord> e = log.ceilingEntry(from);
          if (e == null) {
            return false;
          }
          next = e.getValue();
          from = e.getKey() + 1;
        }
        return true;
      }

      @Override
      public JournalRecord next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        JournalRecord r = next;
        next = null;
        return r;
      }
    };
  }

  @Override
  public JournalRecord first(String tableId) {
    ConcurrentSkipListMap<Long, JournalRecord> log = logs.get(tableId);
    Map.Entry<Long, JournalRecord> e = log == null ? null : log.firstEntry();
    return e == null ? null : e.getValue();
  }

  @Override
  public long trim(String tableId, long beforeSequence) {
    long n = trimLocal(tableId, beforeSequence);
    trimmedBefore.merge(tableId, beforeSequence, Math::max);
    if (n > 0) {
      storage.writeAlone(WalRecords.trim(tableId, beforeSequence));
    }
    return n;
  }

  private long trimLocal(String tableId, long beforeSequence) {
    ConcurrentSkipListMap<Long, JournalRecord> log = logs.get(tableId);
    if (log == null) {
      return 0;
    }
    long n = 0;
    synchronized (log) {
      for (Iterator<JournalRecord> it = log.headMap(beforeSequence).values().iterator(); it.hasNext(); ) {
        JournalRecord r = it.next();
        it.remove();
        n++;
        records.decrementAndGet();
        bytes.addAndGet(-r.estimatedBytes());
      }
    }
    return n;
  }

  @Override
  public void drop(String tableId) {
    trimmedBefore.merge(tableId, sequence.get(), Math::max);
    if (dropLocal(tableId)) {
      storage.writeAlone(WalRecords.forget(tableId));
    }
  }

  private boolean dropLocal(String tableId) {
    ConcurrentSkipListMap<Long, JournalRecord> log = logs.remove(tableId);
    if (log == null) {
      return false;
    }
    synchronized (log) {
      for (JournalRecord r : log.values()) {
        records.decrementAndGet();
        bytes.addAndGet(-r.estimatedBytes());
      }
    }
    return true;
  }

  @Override
  public Set<String> tables() {
    Set<String> held = new HashSet<>();
    logs.forEach((id, log) -> {
      if (!log.isEmpty()) {
        held.add(id);
      }
    });
    return held;
  }

  private final ConcurrentSkipListMap<Integer, Long> cycleMax = new ConcurrentSkipListMap<>();

  /** Notes that journal file {@code cycle} holds records up to sequence {@code maxSequence}. */
  void noteCycle(int cycle, long maxSequence) {
    cycleMax.merge(cycle, maxSequence, Math::max);
  }

  /** The first journal file holding a record at or after {@code sequence} ({@link Integer#MAX_VALUE} if none). */
  int firstCycleHolding(long sequence) {
    for (Map.Entry<Integer, Long> e : cycleMax.entrySet()) {
      if (e.getValue() >= sequence) {
        return e.getKey();
      }
    }
    return Integer.MAX_VALUE;
  }

  /** The lowest sequence still held by any table, or {@link Long#MAX_VALUE} if none. */
  long oldestHeld() {
    long min = Long.MAX_VALUE;
    for (ConcurrentSkipListMap<Long, JournalRecord> log : logs.values()) {
      Map.Entry<Long, JournalRecord> e = log.firstEntry();
      if (e != null) {
        min = Math.min(min, e.getKey());
      }
    }
    return min;
  }

  @Override
  public JournalStatistics statistics() {
    return new JournalStatistics(tables().size(), records.get(), bytes.get());
  }

  /** Nothing to release: the log belongs to the engine. */
  @Override
  public void close() {}
}
