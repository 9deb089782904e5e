package io.dynamo4j.engine.backup;

import io.dynamo4j.api.ContinuousBackupsDescription;
import io.dynamo4j.api.ContinuousBackupsStatus;
import io.dynamo4j.api.PointInTimeRecoveryDescription;
import io.dynamo4j.api.PointInTimeRecoveryStatus;
import io.dynamo4j.engine.journal.ChangeFeed;
import io.dynamo4j.engine.journal.Journal;
import io.dynamo4j.engine.journal.JournalRecord;
import io.dynamo4j.engine.journal.JournalRetention;
import io.dynamo4j.engine.op.EngineContext;
import io.dynamo4j.engine.table.Table;
import io.dynamo4j.model.Item;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Point-in-time recovery: per table, whether it is on, its recovery period (1 to 35 days, 35 by
 * default), and the table's history in the journal from which any second of the window can be
 * rebuilt.
 *
 * <h2>Design</h2>
 *
 * <p>While recovery is on, every change of the table is journaled with its before-image. The state
 * at time T is rebuilt backwards from now: a consistent copy of the table ({@link Snapshots}), which
 * stands at a journal position, and then, newest first, every journaled change after T undone
 * (the key set to its before-image). So history must reach back only to the start of the window:
 * the journal keeps the records from EarliestRestorableDateTime on ({@link JournalRetention.Reader}).
 * When the journal's memory bound forces older records out, the earliest restorable time moves up
 * to the newest record given up, and DescribeContinuousBackups says so.
 *
 * <p>EarliestRestorableDateTime is the latest of: when recovery was enabled, now minus the
 * recovery period, and the newest record given up. LatestRestorableDateTime is five minutes before
 * now, but not before recovery was enabled.
 *
 * <p>Thread-safe.
 */
public final class PointInTimeRecovery implements JournalRetention.Reader {

  /** How far LatestRestorableDateTime trails now. */
  public static final Duration LATEST_LAG = Duration.ofMinutes(5);
  /** The recovery period when none is given. */
  public static final int DEFAULT_PERIOD_DAYS = 35;

  private record State(int periodDays, Instant enabledAt) {}

  private final EngineContext context;
  private final ChangeFeed feed;
  private final Journal journal;
  private final ConcurrentHashMap<String, State> states = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Long> givenUp = new ConcurrentHashMap<>();

  /** Point-in-time recovery of {@code context}'s tables, on {@code feed}'s journal. */
  public PointInTimeRecovery(EngineContext context, ChangeFeed feed) {
    this.context = context;
    this.feed = feed;
    this.journal = feed.journal();
  }

  /** Whether recovery is on for {@code table}. */
  public boolean isEnabled(Table table) {
    return states.containsKey(table.definition().id());
  }

  /** DescribeContinuousBackups' answer at {@code now}. */
  public ContinuousBackupsDescription describe(Table table, Instant now) {
    State s = states.get(table.definition().id());
    if (s == null) {
      return new ContinuousBackupsDescription(ContinuousBackupsStatus.ENABLED,
          new PointInTimeRecoveryDescription(PointInTimeRecoveryStatus.DISABLED, null, null, null));
    }
    return new ContinuousBackupsDescription(ContinuousBackupsStatus.ENABLED,
        new PointInTimeRecoveryDescription(PointInTimeRecoveryStatus.ENABLED, s.periodDays, earliest(table, now), latest(table, now)));
  }

  /**
   * Turns recovery on (with {@code periodDays}, or the current or default period when null) or
   * off. Turning it on when it is on only changes the period.
   */
  public void update(Table table, boolean on, Integer periodDays, Instant now) {
    String id = table.definition().id();
    now = ceilMillis(now);
    synchronized (table) {
      State s = states.get(id);
      if (on) {
        int period = periodDays != null ? periodDays : s != null ? s.periodDays : DEFAULT_PERIOD_DAYS;
        if (s == null) {
          givenUp.remove(id);
          // Journal first, then publish the state: the window starts once changes are journaled.
          feed.need(table, ChangeFeed.Need.POINT_IN_TIME_RECOVERY, true);
          states.put(id, new State(period, now));
        } else {
          states.put(id, new State(period, s.enabledAt));
        }
      } else if (s != null) {
        states.remove(id);
        givenUp.remove(id);
        feed.need(table, ChangeFeed.Need.POINT_IN_TIME_RECOVERY, false);
      }
    }
  }

  /**
   * A table's recovery setting, as a persistent engine saves it.
   *
   * @param periodDays the recovery period
   * @param enabledAt when recovery was turned on (the window never starts earlier)
   * @param givenUpMillis the commit time of the newest history given up to the memory bound, or null
   */
  public record Setting(int periodDays, Instant enabledAt, Long givenUpMillis) {}

  /** {@code table}'s recovery setting, or null while recovery is off. */
  public Setting setting(Table table) {
    State s = states.get(table.definition().id());
    return s == null ? null : new Setting(s.periodDays, s.enabledAt, givenUp.get(table.definition().id()));
  }

  /** Turns recovery on for {@code table} with a saved setting (a persistent engine reopening). */
  public void restore(Table table, Setting setting) {
    synchronized (table) {
      feed.need(table, ChangeFeed.Need.POINT_IN_TIME_RECOVERY, true);
      states.put(table.definition().id(), new State(setting.periodDays(), setting.enabledAt()));
      if (setting.givenUpMillis() != null) {
        givenUp.put(table.definition().id(), setting.givenUpMillis());
      }
    }
  }

  /** Forgets a deleted table. */
  public void forget(Table table) {
    String id = table.definition().id();
    if (states.remove(id) != null) {
      feed.need(table, ChangeFeed.Need.POINT_IN_TIME_RECOVERY, false);
    }
    givenUp.remove(id);
  }

  /** EarliestRestorableDateTime of {@code table} (recovery on). */
  public Instant earliest(Table table, Instant now) {
    String id = table.definition().id();
    State s = states.get(id);
    Instant e = s.enabledAt;
    Instant window = ceilMillis(now.minus(Duration.ofDays(s.periodDays)));
    if (window.isAfter(e)) {
      e = window;
    }
    Long lost = givenUp.get(id);
    if (lost != null && Instant.ofEpochMilli(lost).isAfter(e)) {
      e = Instant.ofEpochMilli(lost);
    }
    return e;
  }

  /** LatestRestorableDateTime of {@code table} (recovery on). */
  public Instant latest(Table table, Instant now) {
    State s = states.get(table.definition().id());
    Instant l = now.minus(LATEST_LAG).truncatedTo(ChronoUnit.MILLIS);
    if (l.isBefore(s.enabledAt)) {
      l = s.enabledAt;
    }
    Instant e = earliest(table, now);
    return l.isBefore(e) ? e : l;
  }

  /**
   * The table as it was at {@code at}: a consistent copy now, with every journaled change after
   * {@code at} undone, newest first. {@code at} must lie in the restorable window.
   */
  public TableSnapshot stateAt(Table table, Instant at) {
    Snapshots.Taken now = Snapshots.take(context, feed, table, null);
    NavigableMap<byte[], Item> items = now.byKey();
    long atMillis = at.toEpochMilli();
    List<JournalRecord> undo = new ArrayList<>();
    Iterator<JournalRecord> it = journal.read(table.definition().id(), 0);
    while (it.hasNext()) {
      JournalRecord r = it.next();
      if (r.sequence() >= now.cut()) {
        break;
      }
      if (r.timeMillis() > atMillis) {
        undo.add(r);
      }
    }
    for (int i = undo.size() - 1; i >= 0; i--) {
      JournalRecord r = undo.get(i);
      if (r.oldItem() == null) {
        items.remove(r.key());
      } else {
        items.put(r.key(), r.oldItem());
      }
    }
    return Snapshots.snapshot(now.snapshot().definition(), null, items);
  }

  /** {@code t} rounded up to the millisecond (times are shown, and history is kept, to the millisecond). */
  private static Instant ceilMillis(Instant t) {
    Instant down = t.truncatedTo(ChronoUnit.MILLIS);
    return down.equals(t) ? t : down.plusMillis(1);
  }

  @Override
  public long retainSince(String tableId, long nowMillis) {
    State s = states.get(tableId);
    if (s == null) {
      return Long.MAX_VALUE;
    }
    long window = nowMillis - Duration.ofDays(s.periodDays).toMillis();
    return Math.max(window, s.enabledAt.toEpochMilli());
  }

  @Override
  public void trimmed(JournalRecord record) {
    if (states.containsKey(record.tableId())) {
      givenUp.merge(record.tableId(), record.timeMillis(), Math::max);
    }
  }
}
