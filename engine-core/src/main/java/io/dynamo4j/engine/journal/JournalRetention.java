package io.dynamo4j.engine.journal;

import io.dynamo4j.engine.schedule.Scheduler;
import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The one component that decides how long the {@link Journal} keeps records. Each reader of
 * history (streams: 24 hours; point-in-time recovery: its recovery window) says from which commit
 * time it still needs a table's records; a table's records older than what every reader needs are
 * trimmed, and a table nobody needs is dropped. On top of that the journal is held to a memory
 * bound: when its records take more, the oldest records of any table go first, and the readers are
 * told (a stream then answers TrimmedDataAccessException for them, point-in-time recovery moves its
 * earliest restorable time).
 *
 * <p>{@link #run()} is the scheduled task; the write path calls {@link #appended()}, which checks
 * the memory bound every so many appends.
 *
 * <p>Thread-safe: one run at a time.
 */
public final class JournalRetention {

  /** A reader of history: streams, point-in-time recovery. */
  public interface Reader {
    /**
     * The oldest commit time (epoch milliseconds) of {@code tableId}'s records this reader still
     * needs at {@code nowMillis}, or {@link Long#MAX_VALUE} if it needs none.
     */
    long retainSince(String tableId, long nowMillis);

    /** {@code record} is about to be trimmed. */
    default void trimmed(JournalRecord record) {}
  }

  private static final int CHECK_EVERY = 1024;
  private static final int BATCH = 256;

  private final Journal journal;
  private final Clock clock;
  private final Scheduler scheduler;
  private final long limitBytes;
  private final List<Reader> readers = new CopyOnWriteArrayList<>();
  private final ReentrantLock lock = new ReentrantLock();
  private final AtomicLong appends = new AtomicLong();

  /** Retention of {@code journal}, holding it under {@code limitBytes} (estimated), run every minute on {@code scheduler}. */
  public JournalRetention(Journal journal, Clock clock, Scheduler scheduler, long limitBytes) {
    this.journal = journal;
    this.clock = clock;
    this.scheduler = scheduler;
    this.limitBytes = limitBytes;
  }

  /** Schedules {@link #run()} every minute (once some table is journaled). */
  public void schedule() {
    scheduler.every("journal", Duration.ofMinutes(1), this::run);
  }

  /** Adds a reader of history. */
  public void addReader(Reader reader) {
    readers.add(reader);
  }

  /** The memory bound, in estimated bytes. */
  public long limitBytes() {
    return limitBytes;
  }

  /** Called after each append: enforces the memory bound every so many appends. */
  public void appended() {
    if (appends.incrementAndGet() % CHECK_EVERY == 0 && journal.statistics().estimatedBytes() > limitBytes
        && lock.tryLock()) {
      try {
        enforceLimit();
      } finally {
        lock.unlock();
      }
    }
  }

  /** Trims what no reader needs any more and enforces the memory bound. */
  public void run() {
    lock.lock();
    try {
      long now = clock.millis();
      for (String table : journal.tables()) {
        // Records appended after this point are kept whatever the readers say: a reader may start
        // needing the table right after it answered.
        long cut = journal.nextSequence();
        long since = Long.MAX_VALUE;
        for (Reader r : readers) {
          since = Math.min(since, r.retainSince(table, now));
        }
        trimOlderThan(table, since, cut);
      }
      enforceLimit();
    } finally {
      lock.unlock();
    }
  }

  private void trimOlderThan(String table, long sinceMillis, long beforeSequence) {
    Iterator<JournalRecord> it = journal.read(table, 0);
    long cut = -1;
    while (it.hasNext()) {
      JournalRecord r = it.next();
      if (r.timeMillis() >= sinceMillis || r.sequence() >= beforeSequence) {
        break;
      }
      tell(r);
      cut = r.sequence();
    }
    if (cut >= 0) {
      journal.trim(table, cut + 1);
    }
  }

  private void enforceLimit() {
    while (journal.statistics().estimatedBytes() > limitBytes) {
      String oldestTable = null;
      long oldest = Long.MAX_VALUE;
      for (String table : journal.tables()) {
        JournalRecord first = journal.first(table);
        if (first != null && first.timeMillis() < oldest) {
          oldest = first.timeMillis();
          oldestTable = table;
        }
      }
      if (oldestTable == null) {
        return;
      }
      Iterator<JournalRecord> it = journal.read(oldestTable, 0);
      long cut = -1;
      for (int i = 0; i < BATCH && it.hasNext(); i++) {
        JournalRecord r = it.next();
        tell(r);
        cut = r.sequence();
      }
      if (cut < 0 || journal.trim(oldestTable, cut + 1) == 0) {
        return;
      }
    }
  }

  private void tell(JournalRecord r) {
    for (Reader reader : readers) {
      reader.trimmed(r);
    }
  }
}
