package io.dynamo4j.engine.ttl;

import io.dynamo4j.api.TableStatus;
import io.dynamo4j.api.TimeToLiveDescription;
import io.dynamo4j.api.TimeToLiveSpecification;
import io.dynamo4j.api.TimeToLiveStatus;
import io.dynamo4j.engine.op.CommitListener;
import io.dynamo4j.engine.op.EngineContext;
import io.dynamo4j.engine.op.Errors;
import io.dynamo4j.engine.op.ItemWriter;
import io.dynamo4j.engine.schedule.Scheduler;
import io.dynamo4j.engine.storage.Cursor;
import io.dynamo4j.engine.storage.KeyRange;
import io.dynamo4j.engine.table.Table;
import io.dynamo4j.model.AttributeValue;
import io.dynamo4j.model.Item;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * DynamoDB's Time to Live: each table's setting (UpdateTimeToLive, DescribeTimeToLive) and the
 * sweeper that deletes expired items.
 *
 * <p>The setting moves ENABLING to ENABLED and DISABLING to DISABLED after the engine's status
 * delay (at once by default), and may change at most once an hour, as DynamoDB rules.
 *
 * <p>The sweeper runs every {@code timeToLiveSweepInterval} of the engine clock (and on demand).
 * For each table with TTL ENABLED it walks the items and deletes those whose TTL attribute is a
 * number of epoch seconds at or before now, but not more than five years before now (DynamoDB
 * ignores such values, and every value that is not a number). Each deletion goes through the write
 * path with cause {@link CommitListener.Cause#TIME_TO_LIVE}: under the item's key lock, re-checking
 * that the item is still expired (a write may have refreshed it), maintaining every index, consuming
 * no capacity, and writing a REMOVE stream record whose user is the service. Until a sweep deletes
 * it, an expired item is an ordinary item: reads return it.
 *
 * <p>Thread-safe.
 */
public final class TimeToLive {

  /** How long after a change the setting cannot change again. */
  public static final Duration COOLDOWN = Duration.ofHours(1);
  /** TTL values older than this before now are ignored. */
  public static final Duration IGNORED_AGE = Duration.ofDays(5 * 365);

  private record Setting(boolean enabled, String attributeName, Instant changedAt, Instant settledAt) {}

  private final EngineContext context;
  private final Scheduler scheduler;
  private final ConcurrentHashMap<Table, Setting> settings = new ConcurrentHashMap<>();

  /** TTL of {@code context}'s tables, swept on {@code scheduler}. */
  public TimeToLive(EngineContext context, Scheduler scheduler) {
    this.context = context;
    this.scheduler = scheduler;
  }

  /** DescribeTimeToLive's answer for {@code table} at {@code now}. */
  public TimeToLiveDescription describe(Table table, Instant now) {
    Setting s = settings.get(table);
    if (s == null) {
      return new TimeToLiveDescription(TimeToLiveStatus.DISABLED, null);
    }
    boolean settled = !now.isBefore(s.settledAt);
    if (s.enabled) {
      return new TimeToLiveDescription(settled ? TimeToLiveStatus.ENABLED : TimeToLiveStatus.ENABLING, s.attributeName);
    }
    return settled
        ? new TimeToLiveDescription(TimeToLiveStatus.DISABLED, null)
        : new TimeToLiveDescription(TimeToLiveStatus.DISABLING, s.attributeName);
  }

  /**
   * UpdateTimeToLive on {@code table}: DynamoDB's checks of the request against the setting, in
   * its order (what the request asks, then the hourly limit), then the change. Returns the
   * specification as the response echoes it.
   */
  public TimeToLiveSpecification update(Table table, TimeToLiveSpecification spec, Instant now) {
    synchronized (table) {
      Setting s = settings.get(table);
      boolean on = s != null && s.enabled;
      if (spec.enabled()) {
        if (on && s.attributeName.equals(spec.attributeName())) {
          throw Errors.timeToLiveAlreadyEnabled();
        }
        if (on) {
          throw Errors.timeToLiveOtherAttribute();
        }
      } else {
        if (!on) {
          throw Errors.timeToLiveAlreadyDisabled();
        }
        if (!s.attributeName.equals(spec.attributeName())) {
          throw Errors.timeToLiveOtherAttribute();
        }
      }
      if (s != null && now.isBefore(s.changedAt.plus(COOLDOWN))) {
        throw Errors.timeToLiveChangedRecently();
      }
      settings.put(table, new Setting(spec.enabled(), spec.attributeName(), now, now.plus(context.config().statusDelay())));
      if (spec.enabled()) {
        scheduler.every("ttl", context.config().timeToLiveSweepInterval(), this::sweep);
      }
      return new TimeToLiveSpecification(spec.enabled(), spec.attributeName());
    }
  }

  /**
   * A table's TTL setting, as a persistent engine saves it.
   *
   * @param enabled whether TTL is (being) enabled
   * @param attributeName the TTL attribute
   * @param changedAt when it was last changed
   * @param settledAt when ENABLING or DISABLING is over
   */
  public record Saved(boolean enabled, String attributeName, Instant changedAt, Instant settledAt) {}

  /** {@code table}'s TTL setting, or null if TTL was never set. */
  public Saved saved(Table table) {
    Setting s = settings.get(table);
    return s == null ? null : new Saved(s.enabled, s.attributeName, s.changedAt, s.settledAt);
  }

  /** Restores a saved setting on a reopened {@code table}. */
  public void restore(Table table, Saved saved) {
    synchronized (table) {
      settings.put(table, new Setting(saved.enabled(), saved.attributeName(), saved.changedAt(), saved.settledAt()));
      if (saved.enabled()) {
        scheduler.every("ttl", context.config().timeToLiveSweepInterval(), this::sweep);
      }
    }
  }

  /** Forgets a deleted table's setting. */
  public void forget(Table table) {
    settings.remove(table);
  }

  /** Deletes every expired item of every table with TTL enabled; returns how many. */
  public int sweep() {
    Instant now = context.now();
    int deleted = 0;
    for (Table table : context.catalog().all()) {
      Setting s = settings.get(table);
      if (s == null || !s.enabled || now.isBefore(s.settledAt) || table.status(now) == TableStatus.DELETING
          || table.isGone(now)) {
        continue;
      }
      deleted += sweep(table, s.attributeName, now);
    }
    return deleted;
  }

  private int sweep(Table table, String attribute, Instant now) {
    BigDecimal nowSeconds = BigDecimal.valueOf(now.toEpochMilli(), 3);
    BigDecimal oldest = BigDecimal.valueOf(now.minus(IGNORED_AGE).toEpochMilli(), 3);
    List<byte[]> expired = new ArrayList<>();
    try (Cursor c = table.base().scan(KeyRange.all(), false)) {
      while (c.next()) {
        if (isExpired(c.item(), attribute, nowSeconds, oldest)) {
          expired.add(c.key().clone());
        }
      }
    }
    int deleted = 0;
    for (byte[] key : expired) {
      ItemWriter.Result r = context.writer().write(table, table.definition(), key,
          current -> current != null && isExpired(current, attribute, nowSeconds, oldest) ? null : ItemWriter.UNCHANGED,
          CommitListener.Cause.TIME_TO_LIVE);
      if (r.written()) {
        deleted++;
      }
    }
    return deleted;
  }

  /** Whether {@code item}'s TTL attribute is a number of epoch seconds in [oldest, now]. */
  static boolean isExpired(Item item, String attribute, BigDecimal nowSeconds, BigDecimal oldest) {
    AttributeValue v = item.get(attribute);
    if (!(v instanceof AttributeValue.N n)) {
      return false;
    }
    BigDecimal at = n.value();
    return at.compareTo(nowSeconds) <= 0 && at.compareTo(oldest) >= 0;
  }
}
