package io.dynamo4j.engine.journal;

import io.dynamo4j.engine.codec.KeyCodec;
import io.dynamo4j.engine.op.CommitListener;
import io.dynamo4j.model.Item;

/**
 * One committed item change, as the {@link Journal} keeps it: the item's after-image (null for a
 * delete) and, where the journal keeps it, its before-image, with the journal position, the commit
 * time and who made the change.
 *
 * <p>Records are versioned and self-describing: {@link #version()} names the record format, so a
 * persistent journal can read records written by an older release.
 *
 * <p>Immutable and thread-safe (callers must not modify {@link #key()}).
 *
 * @param version the record format, {@link #FORMAT}
 * @param sequence the journal position: unique in the journal, increasing in append order
 * @param tableId the id of the table (and of its base keyspace) the item belongs to
 * @param key the item's storage key
 * @param oldItem the item before the change, or null if it did not exist (or was not kept)
 * @param newItem the item after the change, or null if it was deleted
 * @param timeMillis the commit time, epoch milliseconds on the engine clock, never decreasing
 *     within one table
 * @param cause who made the change
 * @param transactionId the id shared by the changes of one transaction, or null
 */
public record JournalRecord(
    int version,
    long sequence,
    String tableId,
    byte[] key,
    Item oldItem,
    Item newItem,
    long timeMillis,
    CommitListener.Cause cause,
    String transactionId) {

  /** The record format this release writes. */
  public static final int FORMAT = 1;

  /** The partition hash of the item (the first eight bytes of its storage key). */
  public long hash() {
    return KeyCodec.getHash(key);
  }

  /** An estimate of the memory the record holds on to: key, both images and bookkeeping. */
  public long estimatedBytes() {
    return 64L + key.length + (oldItem == null ? 0 : oldItem.sizeInBytes()) + (newItem == null ? 0 : newItem.sizeInBytes());
  }
}
