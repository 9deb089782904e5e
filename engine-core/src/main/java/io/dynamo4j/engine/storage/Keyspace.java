package io.dynamo4j.engine.storage;

import io.dynamo4j.model.Item;

/**
 * One ordered map from byte-string keys to items: a table, a secondary index or the catalog.
 * Obtained from {@link Storage#keyspace}; written only through {@link Storage#apply}.
 *
 * <p>Thread-safe; reads never block.
 */
public interface Keyspace {

  /** The id this keyspace was opened with. */
  String id();

  /** The item stored under {@code key}, or null. */
  Item get(byte[] key);

  /**
   * The entries whose keys lie in {@code range}, in ascending key order, or descending if
   * {@code reverse}. The cursor is weakly consistent (see {@link Storage}).
   */
  Cursor scan(KeyRange range, boolean reverse);

  /** The number of entries; may be approximate while writes are in flight. */
  long count();
}
