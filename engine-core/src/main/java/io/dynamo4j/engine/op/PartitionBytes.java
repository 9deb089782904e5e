package io.dynamo4j.engine.op;

import io.dynamo4j.engine.codec.KeyCodec;
import io.dynamo4j.engine.partition.PartitionMap;
import io.dynamo4j.engine.storage.Cursor;
import io.dynamo4j.engine.storage.KeyRange;
import io.dynamo4j.engine.storage.Keyspace;
import io.dynamo4j.engine.table.IndexDefinition;
import io.dynamo4j.engine.table.Table;

/**
 * Counts what a range of partition hashes of a table holds, for sizing partitions when they split:
 * the items and the local secondary index entries (they live in the partition of their item; global
 * indexes have partitions of their own). Storage keys start with the eight-byte hash, so a hash
 * range is a key range.
 *
 * <p>Stateless and thread-safe; reads without locks, so a count made while writes run is an
 * estimate.
 */
final class PartitionBytes {

  private PartitionBytes() {}

  /** A sizer over {@code table}'s storage. */
  static PartitionMap.Sizer of(Table table) {
    return (start, end) -> bytes(table, start, end);
  }

  static long bytes(Table table, long startHash, long endHash) {
    KeyRange range = KeyRange.halfOpen(KeyCodec.hashPrefix(startHash), endHash == -1L ? null : KeyCodec.hashPrefix(endHash + 1));
    long total = sum(table.base(), range);
    for (IndexDefinition i : table.definition().indexes()) {
      if (!i.isGlobal()) {
        Keyspace k = table.keyspace(i);
        if (k != null) {
          total += sum(k, range);
        }
      }
    }
    return total;
  }

  private static long sum(Keyspace keyspace, KeyRange range) {
    long total = 0;
    try (Cursor c = keyspace.scan(range, false)) {
      while (c.next()) {
        total += c.item().sizeInBytes();
      }
    }
    return total;
  }
}
