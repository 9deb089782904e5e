package io.dynamo4j.engine.storage;

import io.dynamo4j.model.Item;
import java.util.ArrayList;
import java.util.List;

/**
 * Puts and deletes across keyspaces, applied together by {@link Storage#apply}. Later changes to
 * the same key win.
 *
 * <p>Not thread-safe: build it on one thread, then hand it to storage.
 */
public final class WriteBatch {

  /**
   * One change: put {@code item} under {@code key}, or delete {@code key} when {@code item} is
   * null.
   *
   * @param keyspace the keyspace id
   * @param key the key (must not be modified afterwards)
   * @param item the new item, or null to delete
   */
  public record Change(String keyspace, byte[] key, Item item) {}

  private final List<Change> changes = new ArrayList<>(4);

  /** Adds a put. */
  public WriteBatch put(String keyspace, byte[] key, Item item) {
    changes.add(new Change(keyspace, key, item));
    return this;
  }

  /** Adds a delete. */
  public WriteBatch delete(String keyspace, byte[] key) {
    changes.add(new Change(keyspace, key, null));
    return this;
  }

  /** Adds every change of {@code other}. */
  public WriteBatch addAll(WriteBatch other) {
    changes.addAll(other.changes);
    return this;
  }

  /** The changes, in the order added. */
  public List<Change> changes() {
    return changes;
  }

  /** Whether there is no change. */
  public boolean isEmpty() {
    return changes.isEmpty();
  }
}
