package io.dynamo4j.engine.capacity;

import io.dynamo4j.api.BillingMode;
import io.dynamo4j.api.GlobalSecondaryIndexDescription;
import io.dynamo4j.api.OnDemandThroughput;
import io.dynamo4j.api.ProvisionedThroughputDescription;
import io.dynamo4j.api.TableDescription;
import io.dynamo4j.engine.partition.Partition;
import io.dynamo4j.engine.partition.PartitionMap;
import io.dynamo4j.engine.table.IndexDefinition;
import io.dynamo4j.engine.table.Table;
import io.dynamo4j.engine.table.TableDefinition;
import io.dynamo4j.model.AttributeValue;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The throughput state of one table and the sizes of its item collections.
 *
 * <h2>Throughput (enforced only when the engine throttles)</h2>
 *
 * DynamoDB's rules (Developer Guide, "Burst capacity", "Partitions and data distribution",
 * "Service quotas"):
 *
 * <ul>
 *   <li>A provisioned table has a read and a write {@link TokenBucket} refilled at its provisioned
 *       rate that keeps up to 300 seconds of unused capacity (burst); a new table starts with its
 *       burst full. Each provisioned global secondary index has its own pair.
 *   <li>An on-demand table (and each of its global indexes) may use up to its OnDemandThroughput
 *       maximum, or the default table quota of 40,000 read and 40,000 write request units, a
 *       second.
 *   <li>Every partition serves at most 3,000 read and 1,000 write units a second, whatever the
 *       table's throughput, so one hot partition key is throttled on a large table. A table has at
 *       least as many partitions as its throughput needs ({@link #partitionsNeeded}); an on-demand
 *       table starts with four (4,000 write and 12,000 read units).
 *   <li>A request starts only while each bucket it draws on holds any capacity, and then takes what
 *       it consumed (a bucket may go below zero). Writes to the table draw on the table and the
 *       partition; each global index whose entry changes draws on that index, so an index short of
 *       capacity throttles the table's writes. Reads draw on the table (or the global index read)
 *       and, for a table or local index, the partition.
 *   <li>A partition throttled in each of 60 consecutive seconds, by traffic to more than one
 *       partition key spread across both halves of its hash range, splits for heat.
 * </ul>
 *
 * <h2>Item collections</h2>
 *
 * For a table with a local secondary index, the bytes of each item collection (the items of one
 * partition key value with their local index entries) are kept exactly, updated by the write path
 * under the item's key lock.
 *
 * <p>Thread-safe.
 */
public final class TableCapacity {

  /** DynamoDB keeps up to 300 seconds of unused provisioned capacity for bursts. */
  public static final double BURST_SECONDS = 300;
  /** The most read units one partition serves a second. */
  public static final double PARTITION_READ_UNITS = 3_000;
  /** The most write units one partition serves a second. */
  public static final double PARTITION_WRITE_UNITS = 1_000;
  /** DynamoDB's default per-table quota of an on-demand table, read and write request units a second. */
  public static final double ON_DEMAND_TABLE_QUOTA = 40_000;
  /** What a new on-demand table serves before it scales: 12,000 read and 4,000 write units. */
  static final double ON_DEMAND_INITIAL_READ = 12_000;
  static final double ON_DEMAND_INITIAL_WRITE = 4_000;
  /** How many consecutive throttled seconds make a partition split for heat. */
  public static final int HEAT_SECONDS = 60;

  /** A read and a write bucket, and whether they serve an on-demand table or index. */
  private static final class Buckets {
    final TokenBucket read;
    final TokenBucket write;
    volatile boolean onDemand;

    Buckets(Rates rates, long now) {
      this.read = new TokenBucket(rates.read, rates.readCapacity, now);
      this.write = new TokenBucket(rates.write, rates.writeCapacity, now);
      this.onDemand = rates.onDemand;
    }

    void configure(Rates rates, long now) {
      read.configure(rates.read, rates.readCapacity, now);
      write.configure(rates.write, rates.writeCapacity, now);
      onDemand = rates.onDemand;
    }
  }

  /** Rates and capacities of a table or index. */
  private record Rates(double read, double readCapacity, double write, double writeCapacity, boolean onDemand) {}

  /** A partition's buckets and its heat: the run of consecutive seconds in which it throttled, and the hashes seen in it. */
  private static final class PartitionLoad {
    final TokenBucket read;
    final TokenBucket write;
    long streakStart;
    long lastThrottled = Long.MIN_VALUE / 2;
    long lowHash;
    long highHash;
    boolean sawHash;

    PartitionLoad(long now) {
      read = new TokenBucket(PARTITION_READ_UNITS, PARTITION_READ_UNITS, now);
      write = new TokenBucket(PARTITION_WRITE_UNITS, PARTITION_WRITE_UNITS, now);
    }

    /**
     * Notes a request for {@code hash} at {@code now}, throttled or not; returns whether the
     * partition has throttled for {@link #HEAT_SECONDS} consecutive seconds with traffic on both
     * sides of its midpoint, so a split would spread the load.
     */
    synchronized boolean note(long hash, boolean throttled, long now, Partition partition) {
      long second = Math.floorDiv(now, 1_000_000_000L);
      if (throttled && second != lastThrottled) {
        if (second != lastThrottled + 1) {
          streakStart = second;
          sawHash = false;
        }
        lastThrottled = second;
      }
      if (second > lastThrottled + 1) {
        return false; // no run of throttled seconds is going on
      }
      if (!sawHash) {
        lowHash = hash;
        highHash = hash;
        sawHash = true;
      } else {
        if (Long.compareUnsigned(hash, lowHash) < 0) {
          lowHash = hash;
        }
        if (Long.compareUnsigned(hash, highHash) > 0) {
          highHash = hash;
        }
      }
      if (lastThrottled - streakStart + 1 < HEAT_SECONDS) {
        return false;
      }
      long mid = partition.startHash() + ((partition.endHash() - partition.startHash()) >>> 1);
      return Long.compareUnsigned(lowHash, mid) <= 0 && Long.compareUnsigned(highHash, mid) > 0;
    }
  }

  private final Object configureLock = new Object();
  private volatile TableDefinition configuredFor;
  private volatile Buckets table;
  private final Map<String, Buckets> indexes = new ConcurrentHashMap<>();
  private final Map<String, PartitionLoad> partitions = new ConcurrentHashMap<>();
  private final Map<AttributeValue, long[]> collections = new ConcurrentHashMap<>();

  private final Function<Table, PartitionMap.Sizer> sizers;

  TableCapacity(Function<Table, PartitionMap.Sizer> sizers) {
    this.sizers = sizers;
  }

  // ---------------------------------------------------------------- configuration

  /**
   * How many partitions {@code description}'s throughput needs: one per 3,000 read or 1,000 write
   * units, whichever needs more, at least one; four for an on-demand table.
   */
  public static int partitionsNeeded(TableDescription description) {
    if (isOnDemand(description)) {
      return (int) Math.max(Math.ceil(ON_DEMAND_INITIAL_READ / PARTITION_READ_UNITS),
          Math.ceil(ON_DEMAND_INITIAL_WRITE / PARTITION_WRITE_UNITS));
    }
    ProvisionedThroughputDescription p = description.provisionedThroughput();
    long read = p == null || p.readCapacityUnits() == null ? 0 : p.readCapacityUnits();
    long write = p == null || p.writeCapacityUnits() == null ? 0 : p.writeCapacityUnits();
    return (int) Math.max(1, Math.max(Math.ceil(read / PARTITION_READ_UNITS), Math.ceil(write / PARTITION_WRITE_UNITS)));
  }

  /** Whether a table is billed per request. */
  public static boolean isOnDemand(TableDescription description) {
    return description.billingModeSummary() != null
        && description.billingModeSummary().billingMode() == BillingMode.PAY_PER_REQUEST;
  }

  private static Rates rates(ProvisionedThroughputDescription provisioned, OnDemandThroughput onDemand, boolean isOnDemand) {
    if (isOnDemand) {
      double read = onDemand != null && onDemand.maxReadRequestUnits() != null && onDemand.maxReadRequestUnits() > 0
          ? onDemand.maxReadRequestUnits() : ON_DEMAND_TABLE_QUOTA;
      double write = onDemand != null && onDemand.maxWriteRequestUnits() != null && onDemand.maxWriteRequestUnits() > 0
          ? onDemand.maxWriteRequestUnits() : ON_DEMAND_TABLE_QUOTA;
      return new Rates(read, read, write, write, true);
    }
    double read = provisioned == null || provisioned.readCapacityUnits() == null ? 0 : provisioned.readCapacityUnits();
    double write = provisioned == null || provisioned.writeCapacityUnits() == null ? 0 : provisioned.writeCapacityUnits();
    return new Rates(read, read * BURST_SECONDS, write, write * BURST_SECONDS, false);
  }

  /**
   * Brings the buckets in line with the table's definition (new tables and indexes, UpdateTable
   * changes) and gives the table the partitions its throughput needs. Cheap when nothing changed.
   */
  public void refresh(Table t, Instant now) {
    TableDefinition d = t.definition();
    if (d == configuredFor) {
      return;
    }
    synchronized (configureLock) {
      if (d == configuredFor) {
        return;
      }
      long nanos = nanos(now);
      TableDescription description = d.description();
      boolean onDemand = isOnDemand(description);
      Rates tableRates = rates(description.provisionedThroughput(), description.onDemandThroughput(), onDemand);
      if (table == null) {
        table = new Buckets(tableRates, nanos);
      } else {
        table.configure(tableRates, changedAt(description.provisionedThroughput(), description, nanos));
      }
      for (IndexDefinition i : d.indexes()) {
        if (!i.isGlobal()) {
          continue;
        }
        GlobalSecondaryIndexDescription g = i.globalDescription();
        Rates r = rates(g.provisionedThroughput(), g.onDemandThroughput(), onDemand);
        Buckets b = indexes.get(i.keyspaceId());
        if (b == null) {
          indexes.put(i.keyspaceId(), new Buckets(r, nanos));
        } else {
          b.configure(r, changedAt(g.provisionedThroughput(), description, nanos));
        }
      }
      indexes.keySet().removeIf(id -> d.indexes().stream().noneMatch(i -> i.keyspaceId().equals(id)));
      ensurePartitions(t, now, sizers.apply(t));
      configuredFor = d;
    }
  }

  /**
   * When a change of throughput took effect: the latest increase, decrease or switch to on-demand
   * the description records, so the time between UpdateTable and the next request refills at the
   * old rate up to the change and at the new one after it (never later than {@code now}).
   */
  private static long changedAt(ProvisionedThroughputDescription p, TableDescription d, long now) {
    long at = Long.MIN_VALUE;
    if (p != null) {
      at = Math.max(at, p.lastIncreaseDateTime() == null ? Long.MIN_VALUE : nanos(p.lastIncreaseDateTime()));
      at = Math.max(at, p.lastDecreaseDateTime() == null ? Long.MIN_VALUE : nanos(p.lastDecreaseDateTime()));
    }
    if (d.billingModeSummary() != null && d.billingModeSummary().lastUpdateToPayPerRequestDateTime() != null) {
      at = Math.max(at, nanos(d.billingModeSummary().lastUpdateToPayPerRequestDateTime()));
    }
    return at == Long.MIN_VALUE ? now : Math.min(at, now);
  }

  /** Gives {@code t} the partitions its throughput needs (all modes: partitions are a table's shape). */
  public static void ensurePartitions(Table t, Instant now, PartitionMap.Sizer sizer) {
    TableDefinition d = t.definition();
    PartitionMap map = t.partitions();
    if (map.sizedFor() == d) {
      return;
    }
    synchronized (map) {
      if (map.sizedFor() != d) {
        map.ensureAtLeast(partitionsNeeded(d.description()), now, sizer);
        map.sizedFor(d);
      }
    }
  }

  /** Nanoseconds since the epoch on the engine's clock. */
  public static long nanos(Instant now) {
    return now.getEpochSecond() * 1_000_000_000L + now.getNano();
  }

  private PartitionLoad load(Partition p, long now) {
    PartitionLoad l = partitions.get(p.id());
    return l != null ? l : partitions.computeIfAbsent(p.id(), k -> new PartitionLoad(now));
  }

  private Buckets index(IndexDefinition index) {
    return indexes.get(index.keyspaceId());
  }

  // ---------------------------------------------------------------- reads

  /**
   * Whether a read may start: the table's (or a global index's) read bucket and, for a read of the
   * table or a local index with a known partition hash, the partition's. Returns null to go on,
   * or why the read is throttled.
   *
   * @param hash the partition hash read, or null for a read of many partitions (Scan) or a global index
   * @param index the global index read, or null for the table and its local indexes
   */
  public Throttle admitRead(Table t, Long hash, IndexDefinition index, Instant now) {
    long n = nanos(now);
    Buckets b = index == null ? table : index(index);
    if (b != null && !b.read.available(n)) {
      return throttle(b, index != null);
    }
    if (hash != null && index == null) {
      Partition p = t.partitions().of(hash);
      PartitionLoad l = load(p, n);
      boolean ok = l.read.available(n);
      if (l.note(hash, !ok, n, p)) {
        splitForHeat(t, p, now);
      }
      if (!ok) {
        return table.onDemand ? Throttle.ON_DEMAND_TABLE : Throttle.TABLE;
      }
    }
    return null;
  }

  /** Takes {@code units} read units from the buckets {@link #admitRead} looked at. */
  public void chargeRead(Table t, Long hash, IndexDefinition index, double units, Instant now) {
    long n = nanos(now);
    Buckets b = index == null ? table : index(index);
    if (b != null) {
      b.read.consume(units, n);
    }
    if (hash != null && index == null) {
      load(t.partitions().of(hash), n).read.consume(units, n);
    }
  }

  // ---------------------------------------------------------------- writes

  /** Whether a write of the item with partition hash {@code hash} may start (table and partition). */
  public Throttle admitWrite(Table t, long hash, Instant now) {
    long n = nanos(now);
    if (!table.write.available(n)) {
      return throttle(table, false);
    }
    Partition p = t.partitions().of(hash);
    PartitionLoad l = load(p, n);
    boolean ok = l.write.available(n);
    if (l.note(hash, !ok, n, p)) {
      splitForHeat(t, p, now);
    }
    return ok ? null : throttle(table, false);
  }

  /** Whether a write may change an entry of global index {@code index} (back-pressure); null to go on. */
  public Throttle admitIndexWrite(IndexDefinition index, Instant now) {
    Buckets b = index(index);
    return b == null || b.write.available(nanos(now)) ? null : throttle(b, true);
  }

  /** Takes {@code units} write units (the item and its local index entries) from the table and partition. */
  public void chargeWrite(Table t, long hash, double units, Instant now) {
    long n = nanos(now);
    table.write.consume(units, n);
    load(t.partitions().of(hash), n).write.consume(units, n);
  }

  /** Takes {@code units} write units from global index {@code index}. */
  public void chargeIndexWrite(IndexDefinition index, double units, Instant now) {
    Buckets b = index(index);
    if (b != null) {
      b.write.consume(units, nanos(now));
    }
  }

  private static Throttle throttle(Buckets b, boolean index) {
    if (index) {
      return b.onDemand ? Throttle.ON_DEMAND_INDEX : Throttle.INDEX;
    }
    return b.onDemand ? Throttle.ON_DEMAND_TABLE : Throttle.TABLE;
  }

  private void splitForHeat(Table t, Partition p, Instant now) {
    if (t.partitions().split(p, now, sizers.apply(t))) {
      partitions.remove(p.id());
    }
  }

  /** The tokens a table's bucket holds now (for tests and diagnostics); {@code write} picks the write bucket. */
  public double tableTokens(boolean write, Instant now) {
    Buckets b = table;
    return b == null ? 0 : (write ? b.write : b.read).tokens(nanos(now));
  }

  // ---------------------------------------------------------------- item collections

  /**
   * Adds {@code delta} bytes to the item collection of partition key value {@code key}, unless
   * that would take it past {@code limit} (a write that does not grow a collection is always
   * allowed). Returns the collection's new size, or -1 if the limit refused the change.
   */
  public long addToCollection(AttributeValue key, long delta, long limit) {
    long[] result = {0};
    collections.compute(key, (k, size) -> {
      long current = size == null ? 0 : size[0];
      long next = current + delta;
      if (delta > 0 && next > limit) {
        result[0] = -1;
        return size;
      }
      result[0] = next;
      if (next == 0) {
        return null;
      }
      long[] s = size == null ? new long[1] : size;
      s[0] = next;
      return s;
    });
    return result[0];
  }

  /** The bytes of the item collection of partition key value {@code key}. */
  public long collectionBytes(AttributeValue key) {
    long[] size = collections.get(key);
    return size == null ? 0 : size[0];
  }
}
