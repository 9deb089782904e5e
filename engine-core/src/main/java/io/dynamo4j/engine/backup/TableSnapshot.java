package io.dynamo4j.engine.backup;

import io.dynamo4j.api.TimeToLiveDescription;
import io.dynamo4j.engine.table.TableDefinition;
import io.dynamo4j.model.Item;
import java.util.List;

/**
 * A consistent copy of a table: its definition (key, indexes, throughput, stream and encryption
 * settings), its TTL setting and its items as of one moment. What backups keep and restores read.
 *
 * <p>Immutable and thread-safe: the items are the engine's immutable items.
 *
 * @param definition the table's definition at the moment of the copy
 * @param timeToLive the table's TTL setting then
 * @param items the items, in storage key order
 * @param sizeBytes the summed item size
 */
public record TableSnapshot(TableDefinition definition, TimeToLiveDescription timeToLive, List<Item> items, long sizeBytes) {

  public TableSnapshot {
    items = List.copyOf(items);
  }
}
