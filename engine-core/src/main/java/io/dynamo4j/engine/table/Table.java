package io.dynamo4j.engine.table;

import io.dynamo4j.api.GlobalSecondaryIndexDescription;
import io.dynamo4j.api.IndexStatus;
import io.dynamo4j.api.LocalSecondaryIndexDescription;
import io.dynamo4j.api.ProvisionedThroughputDescription;
import io.dynamo4j.api.TableDescription;
import io.dynamo4j.api.TableStatus;
import io.dynamo4j.engine.partition.PartitionMap;
import io.dynamo4j.engine.storage.Keyspace;
import io.dynamo4j.engine.storage.Storage;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * A live table: its current {@link TableDefinition}, the keyspaces of its items and index entries,
 * and the live counters behind ItemCount, TableSizeBytes, IndexSizeBytes and the index ItemCount.
 *
 * <p>The definition is replaced atomically by control-plane operations; data-plane operations read
 * it once per request and work with that version. Counters are adjusted by the write path under the
 * item's key lock, so they add up exactly once writes are quiet.
 *
 * <p>Statuses are computed lazily from the clock: a CREATING or UPDATING table (or index) shows
 * ACTIVE once its end time has passed, and a DELETING table is gone then ({@link #isGone}).
 * Control-plane operations serialise their changes of one table by synchronising on it.
 *
 * <p>Thread-safe.
 */
public final class Table {

  /** Live entry count and byte size of a table or index. */
  public static final class Counters {
    private final LongAdder items = new LongAdder();
    private final LongAdder bytes = new LongAdder();

    /** Adds {@code itemDelta} entries and {@code byteDelta} bytes (negative to remove). */
    public void add(long itemDelta, long byteDelta) {
      if (itemDelta != 0) {
        items.add(itemDelta);
      }
      if (byteDelta != 0) {
        bytes.add(byteDelta);
      }
    }

    /** The number of entries. */
    public long items() {
      return items.sum();
    }

    /** The summed item size of the entries. */
    public long bytes() {
      return bytes.sum();
    }

    /** Forgets everything (the table was emptied). */
    public void reset() {
      items.reset();
      bytes.reset();
    }
  }

  private final Storage storage;
  private volatile TableDefinition definition;
  private final Keyspace base;
  private final Counters baseCounters = new Counters();
  private final Map<String, Keyspace> indexKeyspaces = new ConcurrentHashMap<>();
  private final Map<String, Counters> indexCounters = new ConcurrentHashMap<>();
  private final PartitionMap partitions;

  /** A table over {@code storage}, opening the keyspaces its definition names. */
  public Table(Storage storage, TableDefinition definition) {
    this.storage = storage;
    this.definition = definition;
    this.base = storage.keyspace(definition.id());
    Instant created = definition.description().creationDateTime();
    this.partitions = new PartitionMap(created == null ? Instant.EPOCH : created);
    for (IndexDefinition i : definition.indexes()) {
      openIndex(i);
    }
  }

  /** The table's partitions (hash ranges), for throughput, stream shards and diagnostics. */
  public PartitionMap partitions() {
    return partitions;
  }

  /** The current definition. */
  public TableDefinition definition() {
    return definition;
  }

  /**
   * Replaces the definition, opening keyspaces of new indexes. Keyspaces of removed indexes are
   * dropped by the caller when no request can use them any more.
   */
  public synchronized void define(TableDefinition newDefinition) {
    for (IndexDefinition i : newDefinition.indexes()) {
      openIndex(i);
    }
    definition = newDefinition;
  }

  private void openIndex(IndexDefinition i) {
    indexKeyspaces.computeIfAbsent(i.keyspaceId(), storage::keyspace);
    indexCounters.computeIfAbsent(i.keyspaceId(), k -> new Counters());
  }

  /** Forgets an index's keyspace and counters after the index was deleted. */
  public synchronized void forgetIndex(IndexDefinition i) {
    indexKeyspaces.remove(i.keyspaceId());
    indexCounters.remove(i.keyspaceId());
    storage.drop(i.keyspaceId());
  }

  /** The keyspace of the table's items. */
  public Keyspace base() {
    return base;
  }

  /** The counters of the table's items. */
  public Counters baseCounters() {
    return baseCounters;
  }

  /** The keyspace of an index's entries. */
  public Keyspace keyspace(IndexDefinition index) {
    return indexKeyspaces.get(index.keyspaceId());
  }

  /** The counters of an index's entries. */
  public Counters counters(IndexDefinition index) {
    return indexCounters.get(index.keyspaceId());
  }

  /**
   * The table's status at {@code now}: CREATING and UPDATING end at their end time; DELETING lasts
   * until the table is gone (see {@link #isGone}).
   */
  public TableStatus status(Instant now) {
    TableDefinition d = definition;
    TableStatus s = d.storedStatus();
    if (d.statusUntil() != null && !now.isBefore(d.statusUntil()) && s != TableStatus.DELETING) {
      return TableStatus.ACTIVE;
    }
    return s;
  }

  /** Whether the table was deleted and its DELETING time is over at {@code now}. */
  public boolean isGone(Instant now) {
    TableDefinition d = definition;
    return d.storedStatus() == TableStatus.DELETING && (d.statusUntil() == null || !now.isBefore(d.statusUntil()));
  }

  /** Drops the keyspaces of the table and its indexes (after it was removed from the catalog). */
  public synchronized void drop() {
    storage.drop(definition.id());
    for (String id : indexKeyspaces.keySet()) {
      storage.drop(id);
    }
    indexKeyspaces.clear();
    indexCounters.clear();
    baseCounters.reset();
  }

  /** The description DescribeTable returns at {@code now}, with live counts, sizes and statuses. */
  public TableDescription describe(Instant now) {
    TableDefinition d = definition;
    TableDescription stored = d.description();
    TableStatus tableStatus = status(now);
    TableDescription.Builder b = stored.toBuilder()
        .tableStatus(tableStatus)
        .itemCount(baseCounters.items())
        .tableSizeBytes(baseCounters.bytes())
        .provisionedThroughput(today(stored.provisionedThroughput(), now));
    if (stored.warmThroughput() != null) {
      b.warmThroughput(stored.warmThroughput().toBuilder()
          .status(tableStatus == TableStatus.DELETING ? TableStatus.DELETING : TableStatus.ACTIVE).build());
    }
    List<GlobalSecondaryIndexDescription> gsis = new ArrayList<>();
    List<LocalSecondaryIndexDescription> lsis = new ArrayList<>();
    for (IndexDefinition i : d.indexes()) {
      Counters c = indexCounters.get(i.keyspaceId());
      long items = c == null ? 0 : c.items();
      long bytes = c == null ? 0 : c.bytes();
      if (i.isGlobal()) {
        GlobalSecondaryIndexDescription g = i.globalDescription();
        IndexStatus s = i.status(now);
        GlobalSecondaryIndexDescription.Builder gb = g.toBuilder()
            .indexStatus(s)
            .backfilling(i.createdByUpdate() && s == IndexStatus.CREATING ? Boolean.TRUE : null)
            .provisionedThroughput(today(g.provisionedThroughput(), now))
            .itemCount(items)
            .indexSizeBytes(bytes);
        if (g.warmThroughput() != null) {
          gb.warmThroughput(g.warmThroughput().toBuilder().status(s).build());
        }
        gsis.add(gb.build());
      } else {
        lsis.add(i.localDescription().toBuilder().itemCount(items).indexSizeBytes(bytes).build());
      }
    }
    for (TableDefinition.DeletingIndex g : d.deletingIndexes()) {
      if (now.isBefore(g.until())) {
        gsis.add(g.description());
      }
    }
    b.globalSecondaryIndexes(gsis.isEmpty() ? null : gsis);
    b.localSecondaryIndexes(lsis.isEmpty() ? null : lsis);
    return b.build();
  }

  /** Throughput as shown at {@code now}: NumberOfDecreasesToday counts only decreases of the current UTC day. */
  private static ProvisionedThroughputDescription today(ProvisionedThroughputDescription p, Instant now) {
    if (p == null || p.lastDecreaseDateTime() == null || p.numberOfDecreasesToday() == null
        || p.numberOfDecreasesToday() == 0) {
      return p;
    }
    LocalDate day = p.lastDecreaseDateTime().atZone(ZoneOffset.UTC).toLocalDate();
    return day.equals(now.atZone(ZoneOffset.UTC).toLocalDate()) ? p : p.toBuilder().numberOfDecreasesToday(0L).build();
  }
}
