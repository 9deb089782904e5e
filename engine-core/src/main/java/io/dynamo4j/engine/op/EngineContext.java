package io.dynamo4j.engine.op;

import io.dynamo4j.api.TableStatus;
import io.dynamo4j.engine.EngineConfig;
import io.dynamo4j.engine.capacity.Capacity;
import io.dynamo4j.engine.storage.Storage;
import io.dynamo4j.engine.table.Catalog;
import io.dynamo4j.engine.table.Table;
import java.time.Instant;

/**
 * What every operation works with: storage, the catalog, configuration, the clock, key locks and
 * the write path. One per engine.
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
  private final boolean throttling;
  private final Capacity capacity = new Capacity(PartitionBytes::of);

  /** A context over {@code storage}. */
  public EngineContext(Storage storage, EngineConfig config) {
    this.storage = storage;
    this.config = config;
    this.throttling = config.throttling();
    this.writer = new ItemWriter(this);
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
