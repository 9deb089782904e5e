package io.dynamo4j.engine.tck;

import static org.assertj.core.api.Assertions.assertThat;

import io.dynamo4j.engine.LocalEngine;
import io.dynamo4j.engine.storage.Cursor;
import io.dynamo4j.engine.storage.KeyRange;
import io.dynamo4j.engine.table.IndexDefinition;
import io.dynamo4j.engine.table.Table;
import io.dynamo4j.engine.table.TableDefinition;
import io.dynamo4j.model.Item;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The checks the TCK runs after every test: every index entry is the projection of a base item
 * stored under the matching key, every base item is in each index it qualifies for, and the live
 * counters (ItemCount, TableSizeBytes, index counts and sizes) add up.
 */
public final class Invariants {

  private Invariants() {}

  /** Checks every table of {@code engine}. */
  public static void check(LocalEngine engine) {
    for (Table table : engine.operations().context().catalog().all()) {
      check(table);
    }
  }

  /** Checks one table. */
  public static void check(Table table) {
    TableDefinition d = table.definition();
    long items = 0;
    long bytes = 0;
    Map<IndexDefinition, Map<String, Item>> expected = new HashMap<>();
    for (IndexDefinition i : d.indexes()) {
      expected.put(i, new HashMap<>());
    }
    try (Cursor c = table.base().scan(KeyRange.all(), false)) {
      while (c.next()) {
        Item item = c.item();
        items++;
        bytes += item.sizeInBytes();
        assertThat(c.key()).as("table %s: item stored under its own key", d.name())
            .isEqualTo(d.primaryKey().storageKey(item, null));
        for (IndexDefinition i : d.indexes()) {
          byte[] k = i.entryKey(item);
          if (k != null) {
            expected.get(i).put(Arrays.toString(k), i.project(item));
          }
        }
      }
    }
    assertThat(table.baseCounters().items()).as("table %s: ItemCount", d.name()).isEqualTo(items);
    assertThat(table.baseCounters().bytes()).as("table %s: TableSizeBytes", d.name()).isEqualTo(bytes);
    for (IndexDefinition i : d.indexes()) {
      Map<String, Item> actual = new HashMap<>();
      long indexBytes = 0;
      try (Cursor c = table.keyspace(i).scan(KeyRange.all(), false)) {
        while (c.next()) {
          actual.put(Arrays.toString(c.key()), c.item());
          indexBytes += c.item().sizeInBytes();
        }
      }
      assertThat(actual).as("table %s index %s: entries equal the projections of qualifying items", d.name(), i.name())
          .isEqualTo(expected.get(i));
      assertThat(table.counters(i).items()).as("index %s: ItemCount", i.name()).isEqualTo(actual.size());
      assertThat(table.counters(i).bytes()).as("index %s: IndexSizeBytes", i.name()).isEqualTo(indexBytes);
    }
  }
}
