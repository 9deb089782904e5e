package io.dynamo4j.engine.table;

import java.util.Collection;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The engine's tables by name, sorted by name (the order ListTables returns them in).
 *
 * <p>Thread-safe.
 */
public final class Catalog {

  private final ConcurrentSkipListMap<String, Table> tables = new ConcurrentSkipListMap<>();

  /** The table named {@code name}, or null. */
  public Table get(String name) {
    return tables.get(name);
  }

  /** Adds {@code table}; returns false (and adds nothing) if the name is taken. */
  public boolean add(Table table) {
    return tables.putIfAbsent(table.definition().name(), table) == null;
  }

  /** Removes {@code table} if it is still the one registered under its name. */
  public boolean remove(Table table) {
    return tables.remove(table.definition().name(), table);
  }

  /** Every table, by name. */
  public Collection<Table> all() {
    return tables.values();
  }

  /** The tables whose names are greater than {@code exclusiveStart} (or all if null), by name. */
  public NavigableMap<String, Table> after(String exclusiveStart) {
    return exclusiveStart == null ? tables : tables.tailMap(exclusiveStart, false);
  }
}
