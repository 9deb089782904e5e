package io.dynamo4j.engine.capacity;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.dynamo4j.engine.partition.PartitionMap;
import io.dynamo4j.engine.table.Table;
import java.time.Instant;
import java.util.function.Function;

/**
 * The capacity state of every table of one engine ({@link TableCapacity}): token buckets when
 * throughput is enforced, item collection sizes of tables with a local secondary index. A table's
 * state is made on first use and lives as long as the table (keys are held weakly, so a deleted
 * table's state goes with it).
 *
 * <p>Thread-safe.
 */
public final class Capacity {

  private final Cache<Table, TableCapacity> tables = Caffeine.newBuilder().weakKeys().build();
  private final Function<Table, PartitionMap.Sizer> sizers;

  /** The state of an engine whose partition splits count bytes with {@code sizers}. */
  public Capacity(Function<Table, PartitionMap.Sizer> sizers) {
    this.sizers = sizers;
  }

  /** The state of {@code table}, brought in line with its current definition. */
  public TableCapacity of(Table table, Instant now) {
    TableCapacity c = tables.get(table, t -> new TableCapacity(sizers));
    c.refresh(table, now);
    return c;
  }

  /** The state of {@code table} if it has one, without making one. */
  public TableCapacity peek(Table table) {
    return tables.getIfPresent(table);
  }
}
