package io.dynamo4j.engine.stream;

import io.dynamo4j.api.SequenceNumberRange;
import io.dynamo4j.api.Shard;
import io.dynamo4j.engine.journal.JournalRecord;
import java.time.Instant;

/**
 * One shard of a stream: the journal records of one hash range (a partition of the table) within
 * one range of journal positions. A shard is open until the stream rolls it over, its partition
 * splits or the stream is disabled; then it is closed at a journal position (its end) and its
 * successors start there. The shard holds no records itself: they are in the table's journal.
 *
 * <p>Thread-safe: the identity is final; the end, close time and trim mark are volatile and
 * written under the table's feed monitor (the end) or by the retention task (the trim mark).
 */
final class StreamShard {

  final String id;
  final long startHash;
  final long endHash;
  final String parentId;
  final long startSequence;
  final Instant created;
  private volatile long endSequence = Long.MAX_VALUE;
  private volatile Instant closedAt;
  private volatile long lastTrimmedSequence = -1;

  StreamShard(String id, long startHash, long endHash, String parentId, long startSequence, Instant created) {
    this.id = id;
    this.startHash = startHash;
    this.endHash = endHash;
    this.parentId = parentId;
    this.startSequence = startSequence;
    this.created = created;
  }

  /** Whether {@code hash} is in the shard's hash range (unsigned, inclusive). */
  boolean contains(long hash) {
    return Long.compareUnsigned(hash, startHash) >= 0 && Long.compareUnsigned(hash, endHash) <= 0;
  }

  /** Whether {@code r} belongs to this shard. */
  boolean holds(JournalRecord r) {
    return r.sequence() >= startSequence && r.sequence() < endSequence && contains(r.hash());
  }

  boolean isOpen() {
    return endSequence == Long.MAX_VALUE;
  }

  /** The first journal position after the shard (exclusive end); Long.MAX_VALUE while open. */
  long endSequence() {
    return endSequence;
  }

  Instant closedAt() {
    return closedAt;
  }

  /** Closes the shard at journal position {@code end} (exclusive). Under the feed monitor. */
  void close(long end, Instant now) {
    this.endSequence = Math.max(end, startSequence);
    this.closedAt = now;
  }

  /** The highest sequence trimmed from this shard, or -1. */
  long lastTrimmedSequence() {
    return lastTrimmedSequence;
  }

  void trimmed(long sequence) {
    if (sequence > lastTrimmedSequence) {
      lastTrimmedSequence = sequence;
    }
  }

  /** The first position still readable: after the trimmed records. */
  long horizon() {
    return Math.max(startSequence, lastTrimmedSequence + 1);
  }

  /** The last sequence number the shard can hold (shown as EndingSequenceNumber once closed). */
  long lastSequence() {
    long end = endSequence;
    return end == Long.MAX_VALUE ? Long.MAX_VALUE : Math.max(startSequence, end - 1);
  }

  /** As DescribeStream shows it. */
  Shard describe() {
    return new Shard(id, new SequenceNumberRange(StreamRecords.sequenceNumber(startSequence),
        isOpen() ? null : StreamRecords.sequenceNumber(lastSequence())), parentId);
  }
}
