package io.dynamo4j.engine;

import io.dynamo4j.engine.capacity.TableCapacity;
import io.dynamo4j.engine.op.EngineContext;
import io.dynamo4j.engine.op.Errors;
import io.dynamo4j.engine.partition.Partition;
import io.dynamo4j.engine.partition.PartitionMap;
import io.dynamo4j.engine.table.Table;
import io.dynamo4j.model.AttributeValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What a {@link LocalEngine} can show of its inner state that DynamoDB keeps to itself: a table's
 * partitions and their sizes, an item collection's size. For tests, tooling and curiosity; nothing
 * here changes the engine.
 *
 * <p>Thread-safe. Sizes are exact while writes are quiet.
 */
public final class Diagnostics {

  /**
   * One partition of a table.
   *
   * @param id the partition's id, unique within the table
   * @param startHash the lowest partition hash it holds (unsigned)
   * @param endHash the highest partition hash it holds, inclusive (unsigned)
   * @param parentId the partition it split from, or null
   * @param created when it came to be, on the engine's clock
   * @param sizeBytes the bytes of its items and local secondary index entries
   */
  public record PartitionInfo(String id, long startHash, long endHash, String parentId, Instant created, long sizeBytes) {}

  private final EngineContext context;

  Diagnostics(EngineContext context) {
    this.context = context;
  }

  /**
   * The partitions of table {@code tableName} now, in hash order (a table has at least as many as
   * its throughput needs: four for a new on-demand table, one per 1,000 write or 3,000 read units
   * provisioned); ResourceNotFoundException if there is no such table.
   */
  public List<PartitionInfo> partitions(String tableName) {
    Table table = table(tableName);
    Instant now = context.now();
    TableCapacity.ensurePartitions(table, now, context.partitionSizer(table));
    PartitionMap map = table.partitions();
    List<PartitionInfo> out = new ArrayList<>();
    for (Partition p : map.current()) {
      out.add(new PartitionInfo(p.id(), p.startHash(), p.endHash(), p.parentId(), p.created(), Math.max(0, map.bytes(p))));
    }
    return out;
  }

  /**
   * The bytes of the item collection of partition key value {@code partitionKey} in table
   * {@code tableName} (its items and their local secondary index entries; tracked for tables with
   * a local secondary index only, 0 otherwise).
   */
  public long itemCollectionBytes(String tableName, AttributeValue partitionKey) {
    Table table = table(tableName);
    TableCapacity c = context.capacity().peek(table);
    return c == null ? 0 : c.collectionBytes(partitionKey);
  }

  private Table table(String tableName) {
    Table table = context.catalog().get(tableName);
    if (table == null) {
      throw Errors.tableNotFound(tableName);
    }
    return table;
  }
}
