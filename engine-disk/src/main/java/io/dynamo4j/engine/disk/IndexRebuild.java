package io.dynamo4j.engine.disk;

import io.dynamo4j.engine.op.EngineContext;
import io.dynamo4j.engine.storage.Cursor;
import io.dynamo4j.engine.storage.KeyRange;
import io.dynamo4j.engine.storage.WriteBatch;
import io.dynamo4j.engine.table.IndexDefinition;
import io.dynamo4j.engine.table.Table;
import io.dynamo4j.model.Item;
import java.util.ArrayList;
import java.util.List;

/**
 * Finishes, at open, the global indexes whose backfill a restart interrupted: stores the entry of
 * every item (before the engine serves, so no writer runs meanwhile) and marks them complete.
 * Stateless.
 */
final class IndexRebuild {

  private IndexRebuild() {}

  static void run(EngineContext context, Table table, List<IndexDefinition> unfinished) {
    for (IndexDefinition index : unfinished) {
      Table.Counters counters = table.counters(index);
      try (Cursor c = table.base().scan(KeyRange.all(), false)) {
        while (c.next()) {
          Item item = c.item();
          byte[] entryKey = index.entryKey(item);
          if (entryKey == null) {
            continue;
          }
          Item entry = index.project(item);
          Item stored = table.keyspace(index).get(entryKey);
          if (entry.equals(stored)) {
            continue;
          }
          context.storage().apply(new WriteBatch().put(index.keyspaceId(), entryKey, entry));
          context.storage().endCommit();
          counters.add(stored == null ? 1 : 0, entry.sizeInBytes() - (stored == null ? 0 : stored.sizeInBytes()));
        }
      }
    }
    List<IndexDefinition> done = new ArrayList<>();
    for (IndexDefinition i : table.definition().indexes()) {
      done.add(unfinished.contains(i) ? i.withBackfill(false) : i);
    }
    table.define(table.definition().withIndexes(table.definition().description(), done));
    context.controlPlaneChanged();
  }
}
