package io.dynamo4j.engine.journal;

import io.dynamo4j.engine.op.CommitListener;
import io.dynamo4j.engine.op.EngineContext;
import io.dynamo4j.engine.table.Table;
import io.dynamo4j.model.Item;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where committed changes enter the engine's history: the one {@link CommitListener} of streams,
 * point-in-time recovery and backups. Per table, it appends each change to the {@link Journal} when
 * some feature needs history ({@link Need}), hands it to running {@linkplain Capture captures}
 * (backups in progress), and wakes whoever waits for new records.
 *
 * <h2>Design</h2>
 *
 * <p>A table that needs nothing has no feed, and a write to it costs one map lookup (and nothing
 * at all while no table of the engine has ever needed a feed: the listener is registered on first
 * use). A feed is a monitor: appends, and every change of what the feed does (a stream opening or
 * closing shards, a capture starting), happen while holding it, so "the journal position now" read
 * under the monitor ({@link #nextSequence}) splits the table's changes exactly into those before
 * and those after. The write path calls the listener under the item's key lock, so the records of
 * one key are in commit order; the monitor puts all records of one table in one order. Commit
 * times never decrease within a table.
 *
 * <p>Thread-safe.
 */
public final class ChangeFeed implements CommitListener {

  /** Why a table's changes are journaled. */
  public enum Need {
    /** The table has an enabled stream. */
    STREAM,
    /** Point-in-time recovery is enabled. */
    POINT_IN_TIME_RECOVERY
  }

  /** Receives a table's changes while a backup copies it. Called under the feed's monitor; keep it short. */
  @FunctionalInterface
  public interface Capture {
    /** {@code key} changed from {@code oldItem} to {@code newItem} (either may be null). */
    void changed(byte[] key, Item oldItem, Item newItem);
  }

  private static final class Feed {
    final EnumSet<Need> needs = EnumSet.noneOf(Need.class);
    final List<Capture> captures = new ArrayList<>(1);
    long lastTime;
    boolean dropped; // the feed left the map: a writer holding it looks again
    volatile Runnable onAppend;

    boolean idle() {
      return needs.isEmpty() && captures.isEmpty() && onAppend == null;
    }
  }

  private final EngineContext context;
  private final Journal journal;
  private final JournalRetention retention;
  private final ConcurrentHashMap<Table, Feed> feeds = new ConcurrentHashMap<>();
  private volatile boolean registered;

  /** The feed of {@code context}'s tables into {@code journal}. */
  public ChangeFeed(EngineContext context, Journal journal, JournalRetention retention) {
    this.context = context;
    this.journal = journal;
    this.retention = retention;
  }

  /** The journal. */
  public Journal journal() {
    return journal;
  }

  // Structural changes (feeds created, changed, dropped) hold this object's monitor, then the
  // feed's; the write path holds only the feed's.
  private Feed feed(Table table) {
    if (!registered) {
      context.addCommitListener(this);
      registered = true;
    }
    return feeds.computeIfAbsent(table, t -> new Feed());
  }

  /**
   * Runs {@code action} under {@code table}'s feed monitor, so that no change of the table is
   * journaled meanwhile; {@link #nextSequence} read inside splits its changes exactly.
   */
  public synchronized void locked(Table table, Runnable action) {
    Feed f = feed(table);
    synchronized (f) {
      try {
        action.run();
      } finally {
        dropIfIdle(table, f);
      }
    }
  }

  /** The journal position the table's next change will get at least. Exact under {@link #locked}. */
  public long nextSequence() {
    return journal.nextSequence();
  }

  /** Starts (or stops) journaling {@code table}'s changes for {@code need}. */
  public synchronized void need(Table table, Need need, boolean on) {
    Feed f = feed(table);
    synchronized (f) {
      if (on) {
        f.needs.add(need);
        retention.schedule();
      } else {
        f.needs.remove(need);
      }
      dropIfIdle(table, f);
    }
  }

  /** Whether {@code table}'s changes are journaled for {@code need}. */
  public boolean needs(Table table, Need need) {
    Feed f = feeds.get(table);
    if (f == null) {
      return false;
    }
    synchronized (f) {
      return f.needs.contains(need);
    }
  }

  /** Sets what runs after each journaled change of {@code table} (null for nothing): wakes stream subscribers. */
  public synchronized void onAppend(Table table, Runnable signal) {
    Feed f = feed(table);
    synchronized (f) {
      f.onAppend = signal;
      dropIfIdle(table, f);
    }
  }

  /**
   * Starts handing {@code table}'s changes to {@code capture}; returns the journal position at the
   * start (the changes before it are the ones the capture does not see).
   */
  public synchronized long startCapture(Table table, Capture capture) {
    Feed f = feed(table);
    synchronized (f) {
      f.captures.add(capture);
      return journal.nextSequence();
    }
  }

  /** Stops a capture started with {@link #startCapture}. */
  public synchronized void stopCapture(Table table, Capture capture) {
    Feed f = feeds.get(table);
    if (f == null) {
      return;
    }
    synchronized (f) {
      f.captures.remove(capture);
      dropIfIdle(table, f);
    }
  }

  /** Forgets {@code table} (deleted): nothing of it is journaled any more; its records stay until retention drops them. */
  public synchronized void forget(Table table) {
    Feed f = feeds.remove(table);
    if (f != null) {
      synchronized (f) {
        f.needs.clear();
        f.onAppend = null;
        f.dropped = true;
      }
    }
  }

  private void dropIfIdle(Table table, Feed f) {
    if (f.idle() && feeds.remove(table, f)) {
      f.dropped = true;
    }
  }

  @Override
  public void committed(Table table, byte[] key, Item oldItem, Item newItem, Cause cause, String transactionId) {
    // A change is reported at the moment its feed's monitor is held (or no feed was found): a
    // feed dropped meanwhile is looked up again, so no change slips past a capture or a stream
    // that starts on a new feed.
    while (true) {
      Feed f = feeds.get(table);
      if (f == null) {
        return;
      }
      if (report(f, table, key, oldItem, newItem, cause, transactionId)) {
        return;
      }
    }
  }

  private boolean report(Feed f, Table table, byte[] key, Item oldItem, Item newItem, Cause cause, String transactionId) {
    Runnable signal;
    synchronized (f) {
      if (f.dropped) {
        return false;
      }
      if (!f.captures.isEmpty()) {
        for (Capture c : f.captures) {
          c.changed(key, oldItem, newItem);
        }
      }
      if (f.needs.isEmpty()) {
        return true;
      }
      long now = Math.max(context.now().toEpochMilli(), f.lastTime);
      f.lastTime = now;
      journal.append(table.definition().id(), key, oldItem, newItem, now, cause, transactionId);
      signal = f.onAppend;
    }
    if (signal != null) {
      signal.run();
    }
    retention.appended();
    return true;
  }
}
