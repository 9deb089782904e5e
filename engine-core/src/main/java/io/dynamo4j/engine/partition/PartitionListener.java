package io.dynamo4j.engine.partition;

/**
 * Hears of a table's partitions changing, e.g. to close a stream shard and open its children.
 * Called on the thread that made the change, after it is visible in {@link PartitionMap#current()};
 * keep it short and do not call back into the table's write path.
 */
@FunctionalInterface
public interface PartitionListener {

  /** {@code parent} was replaced by {@code left} (lower hashes) and {@code right} (higher hashes). */
  void split(Partition parent, Partition left, Partition right);
}
