package io.dynamo4j.engine.op;

import io.dynamo4j.api.TableStatus;
import io.dynamo4j.engine.EngineConfig;
import io.dynamo4j.engine.backup.BackupStore;
import io.dynamo4j.engine.backup.Backups;
import io.dynamo4j.engine.backup.PointInTimeRecovery;
import io.dynamo4j.engine.journal.ChangeFeed;
import io.dynamo4j.engine.journal.Journal;
import io.dynamo4j.engine.journal.JournalRetention;
import io.dynamo4j.engine.schedule.Scheduler;
import io.dynamo4j.engine.capacity.Capacity;
import io.dynamo4j.engine.storage.Storage;
import io.dynamo4j.engine.stream.Streams;
import io.dynamo4j.engine.ttl.TimeToLive;
import io.dynamo4j.engine.table.Catalog;
import io.dynamo4j.engine.table.Table;
import java.time.Instant;

/**
 * What every operation works with: storage, the catalog, configuration, the clock, key locks and
 * the write path; and the time-driven parts (scheduler, journal, streams, TTL, backups,
 * point-in-time recovery). One per engine.
 *
 * <p>Thread-safe.
 */
public final class EngineContext {

  private final Storage storage;
  private final Catalog catalog = new Catalog();
  private final EngineConfig config;
  private final KeyLocks locks = new KeyLocks();
  private final ItemWriter writer;
  private volatile CommitListener[] commitListeners = new CommitListener[0];
  private final java.util.List<Runnable> controlPlaneListeners = new java.util.concurrent.CopyOnWriteArrayList<>();
  private final java.util.concurrent.locks.ReentrantReadWriteLock commitGate =
      new java.util.concurrent.locks.ReentrantReadWriteLock();
  private final Scheduler scheduler;
  private final JournalRetention retention;
  private final ChangeFeed feed;
  private final Streams streams;
  private final TimeToLive timeToLive;
  private final Backups backups;
  private final PointInTimeRecovery pointInTimeRecovery;
  private final boolean throttling;
  private final Capacity capacity = new Capacity(PartitionBytes::of);

  /** A context over {@code storage}, with history and backups in memory. */
  public EngineContext(Storage storage, EngineConfig config) {
    this(storage, Journal.inMemory(), BackupStore.inMemory(), config);
  }

  /** A context over {@code storage}, keeping history in {@code journal} and backups in {@code backupStore}. */
  public EngineContext(Storage storage, Journal journal, BackupStore backupStore, EngineConfig config) {
    this.storage = storage;
    this.config = config;
    this.throttling = config.throttling();
    this.writer = new ItemWriter(this);
    this.scheduler = new Scheduler(config.clock());
    this.retention = new JournalRetention(journal, config.clock(), scheduler, config.historyMemoryLimit());
    this.feed = new ChangeFeed(this, journal, retention);
    this.streams = new Streams(this, feed, scheduler);
    this.timeToLive = new TimeToLive(this, scheduler);
    this.backups = new Backups(this, feed, backupStore, timeToLive, scheduler);
    this.pointInTimeRecovery = new PointInTimeRecovery(this, feed);
    retention.addReader(streams);
    retention.addReader(pointInTimeRecovery);
  }

  /** The clock-driven background work. */
  public Scheduler scheduler() {
    return scheduler;
  }

  /** Where committed changes enter the journal. */
  public ChangeFeed feed() {
    return feed;
  }

  /** The journal's retention (scheduled with the first stream or point-in-time recovery). */
  public JournalRetention retention() {
    return retention;
  }

  /** DynamoDB Streams. */
  public Streams streams() {
    return streams;
  }

  /** Time to Live. */
  public TimeToLive timeToLive() {
    return timeToLive;
  }

  /** On-demand backups. */
  public Backups backups() {
    return backups;
  }

  /** Point-in-time recovery. */
  public PointInTimeRecovery pointInTimeRecovery() {
    return pointInTimeRecovery;
  }

  /** Stops the background work and subscriptions and releases history and backups. */
  public void close() {
    streams.close();
    scheduler.close();
    feed.journal().close();
    backups.store().close();
  }

  /** Whether throughput is enforced (a final field: the check costs nothing on the hot path). */
  public boolean throttling() {
    return throttling;
  }

  /** Counts what a range of partition hashes of {@code table} holds, for sizing partitions. */
  public io.dynamo4j.engine.partition.PartitionMap.Sizer partitionSizer(Table table) {
    return PartitionBytes.of(table);
  }

  /** The capacity state of the engine's tables (token buckets, item collection sizes). */
  public Capacity capacity() {
    return capacity;
  }

  /** The storage. */
  public Storage storage() {
    return storage;
  }

  /** The tables. */
  public Catalog catalog() {
    return catalog;
  }

  /** The configuration. */
  public EngineConfig config() {
    return config;
  }

  /** The key locks. */
  public KeyLocks locks() {
    return locks;
  }

  /** Adds a listener of every committed item change. */
  public synchronized void addCommitListener(CommitListener listener) {
    CommitListener[] next = java.util.Arrays.copyOf(commitListeners, commitListeners.length + 1);
    next[next.length - 1] = listener;
    commitListeners = next;
  }

  /**
   * The gate between multi-item commits and consistent copies. A transaction holds its read lock
   * from applying its batch until it has reported its last change, so its changes reach commit
   * listeners as one; a backup takes the write lock for the instant it starts capturing changes,
   * so its moment falls before or after any transaction, never inside one. Acquire it before any
   * other monitor of the commit path.
   */
  public java.util.concurrent.locks.ReentrantReadWriteLock commitGate() {
    return commitGate;
  }

  /**
   * Adds what runs after every control-plane operation (tables, indexes, TTL, tags, streams,
   * point-in-time recovery, backups and restores), whether it succeeded or not: a persistent engine
   * saves its catalog there. Runs on the caller's thread.
   */
  public void addControlPlaneListener(Runnable listener) {
    controlPlaneListeners.add(listener);
  }

  /** Runs the control-plane listeners (see {@link #addControlPlaneListener}). */
  public void controlPlaneChanged() {
    for (Runnable r : controlPlaneListeners) {
      r.run();
    }
  }

  /** Whether anybody listens to commits (so callers can skip preparing a report). */
  public boolean hasCommitListeners() {
    return commitListeners.length > 0;
  }

  /**
   * Tells every commit listener about a committed change; write paths call this under the key
   * lock, after storage applied the change. Costs nothing when nobody listens.
   */
  public void committed(Table table, byte[] key, io.dynamo4j.model.Item oldItem, io.dynamo4j.model.Item newItem,
      CommitListener.Cause cause, String transactionId) {
    CommitListener[] listeners = commitListeners;
    for (CommitListener l : listeners) {
      l.committed(table, key, oldItem, newItem, cause, transactionId);
    }
  }

  /** The write path. */
  public ItemWriter writer() {
    return writer;
  }

  /** Now, on the engine's clock. */
  public Instant now() {
    return config.clock().instant();
  }

  /** The ARN of the table named {@code name}. */
  public String tableArn(String name) {
    return "arn:aws:dynamodb:" + config.region() + ":" + config.accountId() + ":table/" + name;
  }

  /**
   * The table a data-plane request names, if it can serve requests (not CREATING or DELETING);
   * otherwise DynamoDB's ResourceNotFoundException.
   */
  public Table dataTable(String name) {
    Table t = catalog.get(name);
    if (t == null) {
      throw Errors.tableNotFound();
    }
    TableStatus s = t.status(now());
    if (s == TableStatus.CREATING || s == TableStatus.DELETING) {
      throw Errors.tableNotFound();
    }
    return t;
  }
}
