package io.dynamo4j.engine.journal;

import io.dynamo4j.engine.op.CommitListener;
import io.dynamo4j.model.Item;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The journal of the memory engine: one {@link RecordLog} per table. Records refer to the
 * engine's immutable items, so history costs the record bookkeeping plus the images that would
 * otherwise be garbage.
 *
 * <p>Thread-safe.
 */
final class MemoryJournal implements Journal {

  private final ConcurrentHashMap<String, RecordLog> logs = new ConcurrentHashMap<>();
  private final AtomicLong sequence = new AtomicLong(1);
  private final AtomicLong records = new AtomicLong();
  private final AtomicLong bytes = new AtomicLong();

  @Override
  public JournalRecord append(String tableId, byte[] key, Item oldItem, Item newItem, long timeMillis,
      CommitListener.Cause cause, String transactionId) {
    RecordLog log = logs.computeIfAbsent(tableId, id -> new RecordLog());
    JournalRecord r = new JournalRecord(JournalRecord.FORMAT, sequence.getAndIncrement(), tableId, key, oldItem, newItem,
        timeMillis, cause, transactionId);
    log.append(r);
    records.incrementAndGet();
    bytes.addAndGet(r.estimatedBytes());
    return r;
  }

  @Override
  public long nextSequence() {
    return sequence.get();
  }

  @Override
  public Iterator<JournalRecord> read(String tableId, long fromSequence) {
    RecordLog log = logs.get(tableId);
    if (log == null) {
      return java.util.Collections.emptyIterator();
    }
    return new Iterator<>() {
      long index = log.indexOf(fromSequence);
      JournalRecord next;

      @Override
      public boolean hasNext() {
        while (next == null) {
          if (index >= log.size()) {
            return false;
          }
          if (index < log.head()) {
            index = log.head();
            continue;
          }
          JournalRecord r = log.get(index);
          if (r == null) {
            index = Math.max(index, log.head());
            continue;
          }
          index++;
          if (r.sequence() >= fromSequence) {
            next = r;
          }
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
    RecordLog log = logs.get(tableId);
    if (log == null) {
      return null;
    }
    while (true) {
      long h = log.head();
      if (h >= log.size()) {
        return null;
      }
      JournalRecord r = log.get(h);
      if (r != null) {
        return r;
      }
    }
  }

  @Override
  public long trim(String tableId, long beforeSequence) {
    RecordLog log = logs.get(tableId);
    if (log == null) {
      return 0;
    }
    synchronized (log) {
      long from = log.head();
      long to = log.indexOf(beforeSequence);
      long freed = 0;
      for (long i = from; i < to; i++) {
        JournalRecord r = log.get(i);
        if (r != null) {
          freed += r.estimatedBytes();
        }
      }
      long dropped = log.trimTo(to);
      if (dropped > 0) {
        records.addAndGet(-dropped);
        bytes.addAndGet(-freed);
      }
      return dropped;
    }
  }

  @Override
  public void drop(String tableId) {
    RecordLog log = logs.remove(tableId);
    if (log != null) {
      trimAll(log);
    }
  }

  private void trimAll(RecordLog log) {
    synchronized (log) {
      long freed = 0;
      long size = log.size();
      for (long i = log.head(); i < size; i++) {
        JournalRecord r = log.get(i);
        if (r != null) {
          freed += r.estimatedBytes();
        }
      }
      long dropped = log.trimTo(size);
      records.addAndGet(-dropped);
      bytes.addAndGet(-freed);
    }
  }

  @Override
  public Set<String> tables() {
    java.util.HashSet<String> held = new java.util.HashSet<>();
    logs.forEach((id, log) -> {
      if (log.size() > log.head()) {
        held.add(id);
      }
    });
    return held;
  }

  @Override
  public JournalStatistics statistics() {
    return new JournalStatistics(tables().size(), records.get(), bytes.get());
  }

  @Override
  public void close() {
    for (String id : tables()) {
      drop(id);
    }
  }
}
