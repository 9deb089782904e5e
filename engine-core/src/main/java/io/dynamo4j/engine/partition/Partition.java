package io.dynamo4j.engine.partition;

import java.time.Instant;

/**
 * One partition of a table: the items whose partition hash (the first eight bytes of their storage
 * key, see {@link io.dynamo4j.engine.codec.KeyCodec}) lies in {@code [startHash, endHash]},
 * compared unsigned. A table starts with one partition covering the whole hash space; a partition
 * that splits is replaced by two children that cover its range, and keeps existing as their
 * parent (stream shards keep that lineage).
 *
 * <p>Immutable and thread-safe.
 *
 * @param id unique within the table, never reused
 * @param startHash the lowest hash in the partition (unsigned)
 * @param endHash the highest hash in the partition, inclusive (unsigned)
 * @param parentId the partition this one split from, or null for the first
 * @param created when the partition came to be, on the engine's clock
 */
public record Partition(String id, long startHash, long endHash, String parentId, Instant created) {

  /** Whether {@code hash} lies in this partition. */
  public boolean contains(long hash) {
    return Long.compareUnsigned(hash, startHash) >= 0 && Long.compareUnsigned(hash, endHash) <= 0;
  }
}
