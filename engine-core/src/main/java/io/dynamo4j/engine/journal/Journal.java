package io.dynamo4j.engine.journal;

import io.dynamo4j.engine.op.CommitListener;
import io.dynamo4j.model.Item;
import java.util.Iterator;
import java.util.Set;

/**
 * The SPI of the engine's history: committed item changes, in commit order, as versioned
 * {@link JournalRecord}s, one ordered log per table. DynamoDB Streams and point-in-time recovery
 * read it; engine-core decides what is kept and for how long ({@link JournalRetention}).
 *
 * <p>Only tables that need history are journaled (a stream, point-in-time recovery): engine-core
 * appends nothing for the others. {@link #inMemory()} is the journal of the memory engine; a
 * persistent engine brings its own (which can also be its write-ahead log).
 *
 * <h2>Contract</h2>
 *
 * <ul>
 *   <li>Sequences are unique in the journal and increase in append order, across all tables.
 *   <li>Appends to one table are serialised by engine-core (one at a time per table); appends to
 *       different tables may run in parallel.
 *   <li>A reader that sees a record sees every earlier record of the same table that was not
 *       trimmed; readers never block appends.
 *   <li>Records are kept until {@link #trim} or {@link #drop} removes them.
 * </ul>
 *
 * <p>Implementations are thread-safe.
 */
public interface Journal extends AutoCloseable {

  /** A journal in memory: records keep the engine's immutable items, never copies. */
  static Journal inMemory() {
    return new MemoryJournal();
  }

  /**
   * Appends a change of {@code tableId} and returns its record, with the next sequence.
   *
   * @param oldItem the item before the change, or null
   * @param newItem the item after the change, or null for a delete
   * @param timeMillis the commit time (epoch milliseconds)
   * @param transactionId the transaction's id, or null
   */
  JournalRecord append(String tableId, byte[] key, Item oldItem, Item newItem, long timeMillis,
      CommitListener.Cause cause, String transactionId);

  /** The sequence the next append (of any table) will get. */
  long nextSequence();

  /**
   * The records of {@code tableId} with a sequence of at least {@code fromSequence}, in order. The
   * iterator is live: it also returns records appended while it is used, and skips records
   * trimmed meanwhile.
   */
  Iterator<JournalRecord> read(String tableId, long fromSequence);

  /** The oldest record of {@code tableId} still held, or null. */
  JournalRecord first(String tableId);

  /** Removes the records of {@code tableId} with a sequence below {@code beforeSequence}; returns how many. */
  long trim(String tableId, long beforeSequence);

  /** Removes every record of {@code tableId}. */
  void drop(String tableId);

  /** The tables that have records. */
  Set<String> tables();

  /** How much the journal holds. */
  JournalStatistics statistics();

  /** Releases resources. Idempotent. */
  @Override
  void close();
}
