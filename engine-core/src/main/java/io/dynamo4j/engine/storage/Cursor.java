package io.dynamo4j.engine.storage;

import io.dynamo4j.model.Item;

/**
 * Iterates the entries of a keyspace range. Use {@link #next()} until it returns false, reading
 * {@link #key()} and {@link #item()} after each true. Close when done.
 *
 * <p>Not thread-safe: one cursor belongs to one thread.
 */
public interface Cursor extends AutoCloseable {

  /** Advances to the next entry; false when there is none. */
  boolean next();

  /** The current entry's key. Callers must not modify the array. */
  byte[] key();

  /** The current entry's item. */
  Item item();

  /** Releases the cursor's resources. Idempotent. */
  @Override
  void close();
}
