package io.dynamo4j.engine.op;

import io.dynamo4j.engine.table.Table;
import io.dynamo4j.model.Item;

/**
 * Hears every item change the engine commits: the base of streams, point-in-time recovery and
 * anything else that follows the table's history. Called by the write path while the item's key
 * lock is still held, after storage applied the change, so the calls for one key come in commit
 * order. A change that leaves an item as it was is not reported.
 *
 * <p>Implementations must be thread-safe and quick, must not throw, and must not call back into
 * the write path.
 */
@FunctionalInterface
public interface CommitListener {

  /** Who made a change: an application request, or DynamoDB itself (TTL expiry). */
  enum Cause {
    /** A request: PutItem, UpdateItem, DeleteItem, BatchWriteItem, a transaction, PartiQL. */
    REQUEST,
    /** The TTL sweeper deleting an expired item (stream records name the service as the user). */
    TIME_TO_LIVE
  }

  /**
   * {@code key} of {@code table} changed from {@code oldItem} to {@code newItem}; either may be
   * null (an insert or a delete), never both.
   *
   * @param transactionId the id shared by every change of one transaction, or null
   */
  void committed(Table table, byte[] key, Item oldItem, Item newItem, Cause cause, String transactionId);
}
