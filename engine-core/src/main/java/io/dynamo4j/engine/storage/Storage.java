package io.dynamo4j.engine.storage;

/**
 * The SPI an engine's storage implements: ordered maps from byte-string keys to items, grouped in
 * keyspaces (one per table, one per secondary index, one for the catalog), with atomic batches
 * of puts and deletes across keyspaces.
 *
 * <p>Everything DynamoDB means lives in engine-core above this interface; storage only keeps bytes
 * in order. Keys compare as unsigned bytes. engine-core builds every key with
 * {@link io.dynamo4j.engine.codec.KeyCodec}.
 *
 * <h2>Contract</h2>
 *
 * <ul>
 *   <li>Thread-safe. Readers never block and see every single-key change whole: a get returns an
 *       item as it was before or after a concurrent put, never a mix.
 *   <li>{@link #apply} is atomic with respect to failure: after a crash, all of a batch's changes
 *       are present or none. Concurrent readers may see a batch's keys change one after another;
 *       engine-core serialises writers to the same keys with its own locks.
 *   <li>A cursor sees a consistent view of each key but not a snapshot of the whole keyspace:
 *       changes made during iteration may or may not be seen (weakly consistent, like
 *       {@code ConcurrentSkipListMap}).
 * </ul>
 */
public interface Storage extends AutoCloseable {

  /** The keyspace with this id, created empty if it does not exist. */
  Keyspace keyspace(String id);

  /** Removes a keyspace and everything in it; a no-op if it does not exist. */
  void drop(String id);

  /** Applies every put and delete of {@code batch}, atomically with respect to failure. */
  void apply(WriteBatch batch);

  /**
   * Ends the commit this thread began with its first {@link #apply} since the last call: a
   * persistent storage makes that commit's changes, and the journal records appended for it on
   * this thread meanwhile, durable together before returning (the write path acknowledges a write
   * only after this). Throws if they could not be made durable. The default does nothing: storage
   * in memory has nothing to make durable.
   */
  default void endCommit() {}

  /** Releases resources. Idempotent. */
  @Override
  void close();
}
