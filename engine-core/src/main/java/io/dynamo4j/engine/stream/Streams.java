package io.dynamo4j.engine.stream;

import io.dynamo4j.api.DescribeStreamResponse;
import io.dynamo4j.api.GetRecordsResponse;
import io.dynamo4j.api.KeySchemaElement;
import io.dynamo4j.api.ListStreamsResponse;
import io.dynamo4j.api.Record;
import io.dynamo4j.api.Shard;
import io.dynamo4j.api.ShardFilter;
import io.dynamo4j.api.ShardFilterType;
import io.dynamo4j.api.ShardIteratorType;
import io.dynamo4j.api.Stream;
import io.dynamo4j.api.StreamDescription;
import io.dynamo4j.api.StreamStatus;
import io.dynamo4j.api.StreamViewType;
import io.dynamo4j.engine.journal.ChangeFeed;
import io.dynamo4j.engine.journal.Journal;
import io.dynamo4j.engine.journal.JournalRecord;
import io.dynamo4j.engine.journal.JournalRetention;
import io.dynamo4j.engine.op.EngineContext;
import io.dynamo4j.engine.op.Errors;
import io.dynamo4j.engine.partition.Partition;
import io.dynamo4j.engine.schedule.Scheduler;
import io.dynamo4j.engine.table.KeySchema;
import io.dynamo4j.engine.table.Table;
import io.dynamo4j.engine.table.TableDefinition;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.ToLongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * DynamoDB Streams over the journal: every stream of the engine (enabled ones, and disabled ones
 * for the 24 hours they stay readable), their shards, iterators and records, and the in-process
 * subscriptions.
 *
 * <h2>Design</h2>
 *
 * <p>A stream's records are the table's journal records from the position where it was enabled
 * to the one where it was disabled. A shard is a hash range (one partition) and a range of journal
 * positions; shards open when the stream is enabled (one per partition), and are closed and
 * succeeded by children when they roll over (every {@code streamShardRollover}), when their
 * partition splits (two children) and when the stream is disabled. Every such cut is taken under
 * the table's feed monitor, at the journal's next position, so each record belongs to exactly one
 * shard. Reading a shard walks the table's journal from the iterator's position, keeping the
 * records in the shard's hash range and before its end.
 *
 * <p>Retention: the journal keeps a table's records 24 hours while the table has a stream
 * ({@link JournalRetention.Reader}); as records are trimmed each shard notes the highest trimmed
 * position, and a read from a position at or below it fails with TrimmedDataAccessException.
 * Closed shards disappear 24 hours after they closed, disabled streams 24 hours after they were
 * disabled. Iterators expire 15 minutes after they were issued, on the engine clock.
 *
 * <p>Thread-safe.
 */
public final class Streams implements JournalRetention.Reader, AutoCloseable {

  /** How long records (and closed shards, and disabled streams) stay readable. */
  public static final Duration RETENTION = Duration.ofHours(24);
  /** How long a shard iterator is valid. */
  public static final Duration ITERATOR_LIFETIME = Duration.ofMinutes(15);
  /** The most records one GetRecords returns. */
  public static final int MAX_RECORDS = 1000;
  /** The most bytes of records one GetRecords returns. */
  public static final long MAX_BYTES = 1 << 20;

  private static final DateTimeFormatter LABEL =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS").withZone(ZoneOffset.UTC);
  private static final Pattern STREAM_ARN = Pattern.compile(
      "arn:aws[a-z-]*:dynamodb:([a-z0-9-]+):([0-9]{12}):table/([a-zA-Z0-9_.-]{3,255})/stream/"
          + "(\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3})");

  private final EngineContext context;
  private final ChangeFeed feed;
  private final Journal journal;
  private final Scheduler scheduler;
  private final Duration rollover;
  private final ShardIterators iterators = new ShardIterators();
  private final ConcurrentHashMap<String, LiveStream> byArn = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<Table, LiveStream> enabled = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, CopyOnWriteArrayList<LiveStream>> byTableId = new ConcurrentHashMap<>();
  private final Set<Table> splitListeners = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));
  private final Map<String, Instant> lastLabel = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, ConcurrentHashMap<String, Long>> checkpoints = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, SubscriptionWorker> subscriptions = new ConcurrentHashMap<>();
  private final List<ShardListener> shardListeners = new CopyOnWriteArrayList<>();

  /** The streams of {@code context}'s tables. */
  public Streams(EngineContext context, ChangeFeed feed, Scheduler scheduler) {
    this.context = context;
    this.feed = feed;
    this.journal = feed.journal();
    this.scheduler = scheduler;
    this.rollover = context.config().streamShardRollover();
  }

  // ---- Stream lifecycle (CreateTable, UpdateTable, DeleteTable) ----

  /**
   * A new stream label for the table with ARN {@code tableArn} at {@code now}: the time, to the
   * millisecond, moved on by a millisecond while a label of the table's is already taken (on a
   * clock that stands still, a table may enable streams twice within a millisecond).
   */
  public synchronized String newLabel(String tableArn, Instant now) {
    Instant at = now.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    Instant last = lastLabel.get(tableArn);
    if (last != null && !at.isAfter(last)) {
      at = last.plusMillis(1);
    }
    while (byArn.containsKey(tableArn + "/stream/" + LABEL.format(at))) {
      at = at.plusMillis(1);
    }
    lastLabel.put(tableArn, at);
    return LABEL.format(at);
  }

  /** Enables a stream on {@code table} with {@code label} (from {@link #newLabel}): one open shard per partition. */
  public void enable(Table table, StreamViewType viewType, String label, Instant now) {
    TableDefinition d = table.definition();
    String arn = d.arn() + "/stream/" + label;
    LiveStream s = new LiveStream(arn, label, d.name(), d.id(), viewType, now, d.description().keySchema(), d.primaryKey());
    feed.locked(table, () -> {
      long start = feed.nextSequence();
      for (Partition p : table.partitions().current()) {
        s.openShard(p.startHash(), p.endHash(), null, start, now);
      }
      feed.need(table, ChangeFeed.Need.STREAM, true);
      feed.onAppend(table, s::signal);
      byArn.put(arn, s);
      byTableId.computeIfAbsent(d.id(), id -> new CopyOnWriteArrayList<>()).add(s);
      enabled.put(table, s);
      changed(s);
    });
    if (splitListeners.add(table)) {
      table.partitions().addListener((parent, left, right) -> split(table, left, right));
    }
    scheduler.every("streams", Duration.ofMinutes(1), this::maintain);
  }

  /**
   * An enabled stream, as a persistent engine saves it to resume it after a restart.
   *
   * @param label the stream label
   * @param viewType what its records show
   * @param created when it was enabled
   * @param startSequence the journal position of its first record
   */
  public record Enabled(String label, StreamViewType viewType, Instant created, long startSequence) {}

  /** {@code table}'s enabled stream, or null. */
  public Enabled enabled(Table table) {
    LiveStream s = enabled.get(table);
    if (s == null || s.shards.isEmpty()) {
      return null;
    }
    long start = Long.MAX_VALUE;
    for (StreamShard shard : s.shards) {
      start = Math.min(start, shard.startSequence);
    }
    return new Enabled(s.label, s.viewType, s.created, start);
  }

  /**
   * Resumes a saved stream on a reopened {@code table}: one open shard per partition, holding the
   * table's journal records from the stream's start on (shard ids and lineage from before the
   * restart are not kept). Does nothing if the stream was {@linkplain #restore restored} whole.
   */
  public void resume(Table table, Enabled saved) {
    TableDefinition d = table.definition();
    String arn = d.arn() + "/stream/" + saved.label();
    if (byArn.containsKey(arn)) {
      return;
    }
    LiveStream s = new LiveStream(arn, saved.label(), d.name(), d.id(), saved.viewType(), saved.created(),
        d.description().keySchema(), d.primaryKey());
    feed.locked(table, () -> {
      for (Partition p : table.partitions().current()) {
        s.openShard(p.startHash(), p.endHash(), null, saved.startSequence(), saved.created());
      }
      feed.need(table, ChangeFeed.Need.STREAM, true);
      feed.onAppend(table, s::signal);
      byArn.put(arn, s);
      byTableId.computeIfAbsent(d.id(), id -> new CopyOnWriteArrayList<>()).add(s);
      enabled.put(table, s);
    });
    if (splitListeners.add(table)) {
      table.partitions().addListener((parent, left, right) -> split(table, left, right));
    }
    Instant last = lastLabel.get(d.arn());
    Instant at = saved.created().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    if (last == null || at.isAfter(last)) {
      lastLabel.put(d.arn(), at);
    }
    scheduler.every("streams", Duration.ofMinutes(1), this::maintain);
  }

  /** Disables {@code table}'s stream: its shards close; it stays readable for 24 hours. */
  public void disable(Table table, Instant now) {
    LiveStream s = enabled.get(table);
    if (s == null) {
      return;
    }
    feed.locked(table, () -> {
      s.disable(feed.nextSequence(), now);
      feed.need(table, ChangeFeed.Need.STREAM, false);
      feed.onAppend(table, null);
      enabled.remove(table, s);
      changed(s);
    });
  }

  /** Forgets a stream enabled for a table that could not be created. */
  public void discard(Table table) {
    LiveStream s = enabled.remove(table);
    if (s != null) {
      feed.locked(table, () -> {
        feed.need(table, ChangeFeed.Need.STREAM, false);
        feed.onAppend(table, null);
      });
      byArn.remove(s.arn, s);
      List<LiveStream> list = byTableId.get(s.tableId);
      if (list != null) {
        list.remove(s);
      }
    }
  }

  /** Whether {@code table} has an enabled stream. */
  public boolean isEnabled(Table table) {
    return enabled.containsKey(table);
  }

  private void split(Table table, Partition left, Partition right) {
    LiveStream s = enabled.get(table);
    if (s == null) {
      return;
    }
    Instant now = context.now();
    feed.locked(table, () -> {
      StreamShard old = s.openShardFor(left.startHash());
      if (old == null || !old.contains(right.startHash())) {
        return;
      }
      long cut = feed.nextSequence();
      s.closeShard(old, cut, now);
      s.openShard(old.startHash, left.endHash(), old.id, cut, now);
      s.openShard(right.startHash(), old.endHash, old.id, cut, now);
      changed(s);
    });
  }

  // ---- Saving and restoring (persistent engines) ----

  /**
   * A shard as a persistent engine saves it.
   *
   * @param id the shard id
   * @param startHash the lowest hash of its range (unsigned)
   * @param endHash the highest hash of its range, inclusive (unsigned)
   * @param parentId the shard it succeeded, or null
   * @param startSequence the journal position of its first record
   * @param created when it opened
   * @param endSequence the journal position after its last record, {@link Long#MAX_VALUE} while open
   * @param closedAt when it closed, null while open
   */
  public record SavedShard(String id, long startHash, long endHash, String parentId, long startSequence,
      Instant created, long endSequence, Instant closedAt) {}

  /**
   * A stream (enabled, or disabled and still readable) as a persistent engine saves it.
   *
   * @param arn the stream ARN
   * @param label the stream label
   * @param tableName the table's name
   * @param tableId the table's id (its journal)
   * @param viewType what its records show
   * @param created when it was enabled
   * @param disabledAt when it was disabled, null while enabled
   * @param keySchema the table's key schema, as DescribeStream shows it
   * @param primaryKey the table's key
   * @param shardCounter the number of shards ever opened (new shard ids go on from it)
   * @param shards every shard, in creation order
   */
  public record SavedStream(String arn, String label, String tableName, String tableId, StreamViewType viewType,
      Instant created, Instant disabledAt, List<KeySchemaElement> keySchema, KeySchema primaryKey, int shardCounter,
      List<SavedShard> shards) {}

  /**
   * An in-process consumer's checkpoint.
   *
   * @param streamArn the stream it reads
   * @param consumerName the consumer
   * @param positions per shard id, the journal position to read next ({@link Long#MAX_VALUE}: read to its end)
   */
  public record SavedCheckpoint(String streamArn, String consumerName, Map<String, Long> positions) {}

  /**
   * Everything of the streams a persistent engine saves to resume them after a restart.
   *
   * @param iteratorKey the key sealing shard iterators (iterators issued before the restart stay valid)
   * @param streams every stream
   * @param checkpoints every consumer's checkpoint
   */
  public record Saved(long iteratorKey, List<SavedStream> streams, List<SavedCheckpoint> checkpoints) {}

  /** Hears of a stream's shards changing (opened, closed, the stream disabled). */
  @FunctionalInterface
  public interface ShardListener {
    /**
     * {@code stream} is now as given. Called under the table's feed monitor, before any record
     * of the table lands in a new shard: a persistent engine saves it durably here. Keep it short;
     * do not call back into the streams.
     */
    void changed(SavedStream stream);
  }

  /** Adds a listener of shard changes. */
  public void addShardListener(ShardListener listener) {
    shardListeners.add(listener);
  }

  private void changed(LiveStream s) {
    if (!shardListeners.isEmpty()) {
      SavedStream saved = save(s);
      for (ShardListener l : shardListeners) {
        l.changed(saved);
      }
    }
  }

  private static SavedStream save(LiveStream s) {
    List<SavedShard> shards = new ArrayList<>(s.shards.size());
    for (StreamShard x : s.shards) {
      shards.add(new SavedShard(x.id, x.startHash, x.endHash, x.parentId, x.startSequence, x.created,
          x.endSequence(), x.closedAt()));
    }
    return new SavedStream(s.arn, s.label, s.tableName, s.tableId, s.viewType, s.created, s.disabledAt(),
        s.keySchema, s.primaryKey, s.counter(), shards);
  }

  /**
   * The streams as they are now, for a persistent engine's checkpoint. Takes no lock: a stream
   * whose shards change meanwhile may be seen half changed, and is then reported whole to the
   * {@linkplain #addShardListener shard listeners} right after.
   */
  public Saved save() {
    List<SavedStream> streams = new ArrayList<>();
    for (LiveStream s : byArn.values()) {
      streams.add(save(s));
    }
    List<SavedCheckpoint> saved = new ArrayList<>();
    checkpoints.forEach((key, positions) -> {
      int cut = key.indexOf('\u0000');
      saved.add(new SavedCheckpoint(key.substring(0, cut), key.substring(cut + 1), Map.copyOf(positions)));
    });
    return new Saved(iterators.key(), streams, saved);
  }

  /**
   * Restores saved streams on a reopened engine whose tables are in the catalog: the same shards
   * (ids, lineage, sequence ranges), consumers' checkpoints and iterator key. An enabled stream
   * goes on receiving its table's changes. {@code trimmedBefore} gives, per table id, the journal
   * position before which the table's records were trimmed (0 if none): the shards' records
   * before it read as trimmed.
   */
  public void restore(Saved saved, ToLongFunction<String> trimmedBefore) {
    iterators.key(saved.iteratorKey());
    for (SavedStream x : saved.streams()) {
      if (byArn.containsKey(x.arn())) {
        continue;
      }
      LiveStream s = new LiveStream(x.arn(), x.label(), x.tableName(), x.tableId(), x.viewType(), x.created(),
          x.keySchema(), x.primaryKey());
      long trimmed = trimmedBefore.applyAsLong(x.tableId());
      List<StreamShard> shards = new ArrayList<>(x.shards().size());
      for (SavedShard y : x.shards()) {
        StreamShard shard = new StreamShard(y.id(), y.startHash(), y.endHash(), y.parentId(), y.startSequence(), y.created());
        if (y.closedAt() != null) {
          shard.close(y.endSequence(), y.closedAt());
        }
        if (trimmed > shard.startSequence) {
          shard.trimmed(Math.min(trimmed - 1, shard.lastSequence()));
        }
        shards.add(shard);
      }
      s.restore(x.shardCounter(), shards, x.disabledAt());
      Table table = context.catalog().get(x.tableName());
      Runnable register = () -> {
        byArn.put(x.arn(), s);
        byTableId.computeIfAbsent(x.tableId(), id -> new CopyOnWriteArrayList<>()).add(s);
      };
      if (x.disabledAt() == null && table != null && table.definition().id().equals(x.tableId())) {
        feed.locked(table, () -> {
          feed.need(table, ChangeFeed.Need.STREAM, true);
          feed.onAppend(table, s::signal);
          register.run();
          enabled.put(table, s);
        });
        if (splitListeners.add(table)) {
          table.partitions().addListener((parent, left, right) -> split(table, left, right));
        }
      } else {
        register.run();
      }
      String tableArn = x.arn().substring(0, x.arn().indexOf("/stream/"));
      Instant at = x.created().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
      lastLabel.merge(tableArn, at, (a, b) -> a.isAfter(b) ? a : b);
    }
    for (SavedCheckpoint c : saved.checkpoints()) {
      if (byArn.containsKey(c.streamArn())) {
        checkpoints.computeIfAbsent(c.streamArn() + "\u0000" + c.consumerName(), k -> new ConcurrentHashMap<>())
            .putAll(c.positions());
      }
    }
    if (!byArn.isEmpty()) {
      scheduler.every("streams", Duration.ofMinutes(1), this::maintain);
    }
  }

  // ---- Background work ----

  /** Rolls over shards older than the roll-over interval and forgets what is past retention. Scheduled every minute. */
  public void maintain() {
    Instant now = context.now();
    for (Map.Entry<Table, LiveStream> e : enabled.entrySet()) {
      Table table = e.getKey();
      LiveStream s = e.getValue();
      feed.locked(table, () -> {
        if (!s.isEnabled()) {
          return;
        }
        long cut = -1;
        for (StreamShard shard : s.open()) {
          if (!now.isBefore(shard.created.plus(rollover))) {
            if (cut < 0) {
              cut = feed.nextSequence();
            }
            s.closeShard(shard, cut, now);
            s.openShard(shard.startHash, shard.endHash, shard.id, cut, now);
          }
        }
        if (cut >= 0) {
          changed(s);
        }
      });
    }
    for (LiveStream s : byArn.values()) {
      for (StreamShard shard : s.shards) {
        if (expired(shard, now)) {
          s.shards.remove(shard);
        }
      }
      if (expired(s, now)) {
        byArn.remove(s.arn, s);
        List<LiveStream> list = byTableId.get(s.tableId);
        if (list != null) {
          list.remove(s);
          if (list.isEmpty()) {
            byTableId.remove(s.tableId, list);
          }
        }
        for (SubscriptionWorker w : subscriptions.values()) {
          if (w.stream() == s) {
            w.close();
          }
        }
        checkpoints.keySet().removeIf(k -> k.startsWith(s.arn + "\u0000"));
      }
    }
  }

  @Override
  public long retainSince(String tableId, long nowMillis) {
    List<LiveStream> list = byTableId.get(tableId);
    return list == null || list.isEmpty() ? Long.MAX_VALUE : nowMillis - RETENTION.toMillis();
  }

  @Override
  public void trimmed(JournalRecord record) {
    List<LiveStream> list = byTableId.get(record.tableId());
    if (list == null) {
      return;
    }
    for (LiveStream s : list) {
      for (StreamShard shard : s.shards) {
        if (shard.holds(record)) {
          shard.trimmed(record.sequence());
        }
      }
    }
  }

  // ---- ListStreams, DescribeStream, GetShardIterator, GetRecords ----

  /** ListStreams: the streams (of {@code tableName}, or all), by table name and age, after {@code exclusiveStart}. */
  public ListStreamsResponse list(String tableName, int limit, String exclusiveStartArn) {
    Comparator<LiveStream> order = Comparator.<LiveStream, String>comparing(s -> s.tableName).thenComparing(s -> s.label);
    List<LiveStream> all = new ArrayList<>();
    Instant now = context.now();
    for (LiveStream s : byArn.values()) {
      if ((tableName == null || s.tableName.equals(tableName)) && !expired(s, now)) {
        all.add(s);
      }
    }
    all.sort(order);
    String startTable = null;
    String startLabel = null;
    if (exclusiveStartArn != null) {
      Matcher m = STREAM_ARN.matcher(exclusiveStartArn);
      if (!m.matches()) {
        throw Errors.invalidStreamArn();
      }
      startTable = m.group(3);
      startLabel = m.group(4);
    }
    List<Stream> out = new ArrayList<>();
    String last = null;
    boolean more = false;
    for (LiveStream s : all) {
      if (startTable != null) {
        int c = s.tableName.compareTo(startTable);
        if (c < 0 || (c == 0 && s.label.compareTo(startLabel) <= 0)) {
          continue;
        }
      }
      if (out.size() == limit) {
        more = true;
        break;
      }
      out.add(new Stream(s.arn, s.tableName, s.label));
      last = s.arn;
    }
    return new ListStreamsResponse(out, more ? last : null);
  }

  /** DescribeStream. */
  public DescribeStreamResponse describe(String arn, int limit, String exclusiveStartShardId, ShardFilter filter) {
    LiveStream s = find(arn);
    if (s == null) {
      throw Errors.streamNotFound(arn);
    }
    List<Shard> shards = new ArrayList<>();
    String last = null;
    boolean more = false;
    Instant now = context.now();
    for (StreamShard shard : s.shards) {
      if (expired(shard, now)) {
        continue;
      }
      if (exclusiveStartShardId != null && shard.id.compareTo(exclusiveStartShardId) <= 0) {
        continue;
      }
      if (filter != null && filter.type() == ShardFilterType.CHILD_SHARDS
          && (shard.parentId == null || !shard.parentId.equals(filter.shardId()))) {
        continue;
      }
      if (shards.size() == limit) {
        more = true;
        break;
      }
      shards.add(shard.describe());
      last = shard.id;
    }
    return new DescribeStreamResponse(StreamDescription.builder()
        .streamArn(s.arn)
        .streamLabel(s.label)
        .streamStatus(status(s))
        .streamViewType(s.viewType)
        .creationRequestDateTime(s.created)
        .tableName(s.tableName)
        .keySchema(s.keySchema)
        .shards(shards)
        .lastEvaluatedShardId(more ? last : null)
        .build());
  }

  private StreamStatus status(LiveStream s) {
    Instant now = context.now();
    Duration delay = context.config().statusDelay();
    Instant disabled = s.disabledAt();
    if (disabled == null) {
      return now.isBefore(s.created.plus(delay)) ? StreamStatus.ENABLING : StreamStatus.ENABLED;
    }
    return now.isBefore(disabled.plus(delay)) ? StreamStatus.DISABLING : StreamStatus.DISABLED;
  }

  /** The stream {@code arn} names: ValidationException if it is no stream ARN, null if there is no such stream. */
  private LiveStream find(String arn) {
    if (!STREAM_ARN.matcher(arn).matches()) {
      throw Errors.invalidStreamArn();
    }
    return live(byArn.get(arn));
  }

  /** {@code s} unless it is null or its 24 hours after being disabled are over (then {@link #maintain} drops it). */
  private LiveStream live(LiveStream s) {
    return s == null || expired(s, context.now()) ? null : s;
  }

  private static boolean expired(LiveStream s, Instant now) {
    Instant disabled = s.disabledAt();
    return disabled != null && !disabled.plus(RETENTION).isAfter(now);
  }

  private static boolean expired(StreamShard shard, Instant now) {
    Instant closed = shard.closedAt();
    return closed != null && !closed.plus(RETENTION).isAfter(now);
  }

  /** The shard {@code id} of {@code s} unless it left (24 hours after it closed). */
  private StreamShard shard(LiveStream s, String id) {
    StreamShard shard = s.shard(id);
    return shard == null || expired(shard, context.now()) ? null : shard;
  }

  /**
   * GetShardIterator. The sequence number and timestamp have been checked against the iterator
   * type: a sequence number exactly for AT_ and AFTER_SEQUENCE_NUMBER, a timestamp for AT_TIMESTAMP.
   */
  public String iterator(String arn, String shardId, ShardIteratorType type, String sequenceNumber, Instant timestamp) {
    LiveStream s = find(arn);
    if (s == null) {
      throw Errors.streamDoesNotExist();
    }
    StreamShard shard = shard(s, shardId);
    if (shard == null) {
      throw Errors.shardDoesNotExist();
    }
    long position = switch (type) {
      case TRIM_HORIZON -> shard.horizon();
      case LATEST -> shard.isOpen() ? Math.max(shard.startSequence, journal.nextSequence()) : shard.endSequence();
      case AT_SEQUENCE_NUMBER, AFTER_SEQUENCE_NUMBER -> {
        long n = StreamRecords.parseSequenceNumber(sequenceNumber);
        if (n < shard.startSequence || n > shard.lastSequence()) {
          throw Errors.sequenceNumberNotInShard();
        }
        if (n <= shard.lastTrimmedSequence()) {
          throw Errors.trimmedData();
        }
        yield type == ShardIteratorType.AT_SEQUENCE_NUMBER ? n : n + 1;
      }
      case AT_TIMESTAMP -> firstAtOrAfter(s, shard, timestamp.toEpochMilli());
    };
    return iterators.encode(new ShardIterators.Position(s.arn, shard.id, position, context.now().toEpochMilli()));
  }

  /** The position of the shard's first record committed at or after {@code millis} (its end if none yet). */
  private long firstAtOrAfter(LiveStream s, StreamShard shard, long millis) {
    long position = shard.horizon();
    Iterator<JournalRecord> it = journal.read(s.tableId, position);
    while (it.hasNext()) {
      JournalRecord r = it.next();
      if (r.sequence() >= shard.endSequence()) {
        return shard.endSequence();
      }
      if (shard.holds(r) && r.timeMillis() >= millis) {
        return r.sequence();
      }
      position = r.sequence() + 1;
    }
    return shard.isOpen() ? Math.max(position, journal.nextSequence()) : shard.endSequence();
  }

  /** Whether {@code iterator} is an iterator this engine issued (its syntax; not whether it expired). */
  public boolean isIterator(String iterator) {
    return iterators.decode(iterator) != null;
  }

  /** GetRecords; the iterator was checked with {@link #isIterator}, the limit is 1..1000. */
  public GetRecordsResponse records(String iterator, int limit) {
    ShardIterators.Position p = iterators.decode(iterator);
    if (p == null) {
      throw Errors.invalidShardIterator();
    }
    Instant now = context.now();
    if (now.toEpochMilli() - p.createdMillis() > ITERATOR_LIFETIME.toMillis()) {
      throw Errors.expiredIterator();
    }
    LiveStream s = live(byArn.get(p.streamArn()));
    if (s == null) {
      throw Errors.streamNotFound(p.streamArn());
    }
    StreamShard shard = shard(s, p.shardId());
    if (shard == null) {
      throw Errors.trimmedData();
    }
    Batch b = read(s, shard, p.sequence(), limit, MAX_BYTES);
    String region = context.config().region();
    List<Record> records = new ArrayList<>(b.records().size());
    for (JournalRecord r : b.records()) {
      records.add(StreamRecords.toRecord(s, r, region));
    }
    String next = b.end() ? null
        : iterators.encode(new ShardIterators.Position(s.arn, shard.id, b.next(), now.toEpochMilli()));
    return new GetRecordsResponse(records, next);
  }

  /**
   * What a read of a shard found.
   *
   * @param records the shard's records from the position on, in order
   * @param next the position to read from next
   * @param end whether the shard is closed and was read to its end
   */
  record Batch(List<JournalRecord> records, long next, boolean end) {}

  /** Reads up to {@code limit} records (and {@code maxBytes}) of {@code shard} from {@code position}. */
  Batch read(LiveStream s, StreamShard shard, long position, int limit, long maxBytes) {
    if (position <= shard.lastTrimmedSequence()) {
      throw Errors.trimmedData();
    }
    boolean closedBefore = !shard.isOpen();
    List<JournalRecord> out = new ArrayList<>();
    long bytes = 0;
    long next = position;
    boolean exhausted = true;
    Iterator<JournalRecord> it = journal.read(s.tableId, position);
    while (it.hasNext()) {
      JournalRecord r = it.next();
      if (r.sequence() >= shard.endSequence()) {
        break;
      }
      if (r.sequence() < shard.startSequence || !shard.contains(r.hash())) {
        next = r.sequence() + 1;
        continue;
      }
      if (out.size() == limit) {
        exhausted = false;
        break;
      }
      long size = StreamRecords.sizeBytes(s, r);
      if (!out.isEmpty() && bytes + size > maxBytes) {
        exhausted = false;
        break;
      }
      bytes += size;
      out.add(r);
      next = r.sequence() + 1;
    }
    // Records trimmed while we read were skipped: report them as trimmed rather than lose them.
    if (position <= shard.lastTrimmedSequence()) {
      throw Errors.trimmedData();
    }
    boolean end = closedBefore && exhausted;
    return new Batch(out, end ? Math.max(next, shard.endSequence()) : next, end);
  }

  // ---- Subscriptions ----

  /** The region named in records. */
  String region() {
    return context.config().region();
  }

  /** Starts an in-process consumer of a table's stream. */
  public Subscription subscribe(Subscriber subscriber) {
    Table table = context.catalog().get(subscriber.tableName());
    LiveStream s = table == null ? null : enabled.get(table);
    if (s == null) {
      throw new IllegalArgumentException("Cannot subscribe " + subscriber.consumerName() + " to the stream of table "
          + subscriber.tableName() + ": the table " + (table == null ? "does not exist" : "has no enabled stream")
          + "; create it with a StreamSpecification or enable one with UpdateTable");
    }
    String key = s.arn + "\u0000" + subscriber.consumerName();
    ConcurrentHashMap<String, Long> positions = checkpoints.computeIfAbsent(key, k -> new ConcurrentHashMap<>());
    SubscriptionWorker w = new SubscriptionWorker(this, s, subscriber, positions, () -> subscriptions.remove(key));
    if (subscriptions.putIfAbsent(key, w) != null) {
      throw new IllegalStateException("Consumer " + subscriber.consumerName() + " is already subscribed to the stream of table "
          + subscriber.tableName() + "; close that subscription first (one consumer name reads one checkpoint)");
    }
    w.start(journal.nextSequence());
    return w;
  }

  /** Stops every subscription. */
  @Override
  public void close() {
    for (SubscriptionWorker w : subscriptions.values()) {
      w.close();
    }
  }
}
