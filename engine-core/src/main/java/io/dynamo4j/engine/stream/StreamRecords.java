package io.dynamo4j.engine.stream;

import io.dynamo4j.api.Identity;
import io.dynamo4j.api.OperationType;
import io.dynamo4j.api.Record;
import io.dynamo4j.api.StreamRecord;
import io.dynamo4j.api.StreamViewType;
import io.dynamo4j.engine.codec.KeyCodec;
import io.dynamo4j.engine.journal.JournalRecord;
import io.dynamo4j.engine.op.CommitListener;
import io.dynamo4j.model.Item;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Stream records as DynamoDB writes them, from journal records: eventID, eventName (INSERT,
 * MODIFY, REMOVE), eventVersion 1.1, eventSource aws:dynamodb, awsRegion, and the dynamodb member
 * (ApproximateCreationDateTime rounded down to the second, Keys, NewImage and OldImage as the view
 * type includes them, SequenceNumber, SizeBytes, StreamViewType); TTL deletions carry the service
 * as userIdentity. Sequence numbers are journal positions, 21 digits, zero-padded.
 *
 * <p>Stateless and thread-safe.
 */
final class StreamRecords {

  /** Who DynamoDB names as the user of a TTL deletion. */
  static final Identity SERVICE = new Identity("dynamodb.amazonaws.com", "Service");

  private StreamRecords() {}

  /** The 21-digit sequence number of journal position {@code sequence}. */
  static String sequenceNumber(long sequence) {
    String digits = Long.toString(sequence);
    return digits.length() >= 21 ? digits : "0".repeat(21 - digits.length()) + digits;
  }

  /** The journal position of a sequence number, or -1 if it is not one (digits only, at most a long). */
  static long parseSequenceNumber(String text) {
    if (text == null || text.isEmpty()) {
      return -1;
    }
    int i = 0;
    while (i < text.length() - 1 && text.charAt(i) == '0') {
      i++;
    }
    String digits = text.substring(i);
    if (digits.length() > 19) {
      return -1;
    }
    for (int k = 0; k < digits.length(); k++) {
      char c = digits.charAt(k);
      if (c < '0' || c > '9') {
        return -1;
      }
    }
    try {
      return Long.parseLong(digits);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static Item newImage(LiveStream s, JournalRecord r) {
    return r.newItem() != null && (s.viewType == StreamViewType.NEW_IMAGE || s.viewType == StreamViewType.NEW_AND_OLD_IMAGES)
        ? r.newItem() : null;
  }

  private static Item oldImage(LiveStream s, JournalRecord r) {
    return r.oldItem() != null && (s.viewType == StreamViewType.OLD_IMAGE || s.viewType == StreamViewType.NEW_AND_OLD_IMAGES)
        ? r.oldItem() : null;
  }

  private static Item keys(LiveStream s, JournalRecord r) {
    return s.primaryKey.keyOf(r.newItem() != null ? r.newItem() : r.oldItem());
  }

  /** The record's SizeBytes: its keys and the images its view type includes. */
  static long sizeBytes(LiveStream s, JournalRecord r) {
    Item n = newImage(s, r);
    Item o = oldImage(s, r);
    return keys(s, r).sizeInBytes() + (n == null ? 0 : n.sizeInBytes()) + (o == null ? 0 : o.sizeInBytes());
  }

  /** The stream record of journal record {@code r} in stream {@code s}. */
  static Record toRecord(LiveStream s, JournalRecord r, String region) {
    Item keys = keys(s, r);
    Item n = newImage(s, r);
    Item o = oldImage(s, r);
    long size = keys.sizeInBytes() + (n == null ? 0 : n.sizeInBytes()) + (o == null ? 0 : o.sizeInBytes());
    OperationType type = r.oldItem() == null ? OperationType.INSERT : r.newItem() == null ? OperationType.REMOVE : OperationType.MODIFY;
    StreamRecord dynamodb = new StreamRecord(
        Instant.ofEpochSecond(Math.floorDiv(r.timeMillis(), 1000L)),
        keys, n, o, sequenceNumber(r.sequence()), size, s.viewType);
    return new Record(eventId(s, r), type, "1.1", "aws:dynamodb", region, dynamodb,
        r.cause() == CommitListener.Cause.TIME_TO_LIVE ? SERVICE : null);
  }

  /** A 32-hex-digit event id, unique per stream and record, the same on every read. */
  static String eventId(LiveStream s, JournalRecord r) {
    byte[] arn = s.arn.getBytes(StandardCharsets.UTF_8);
    long a = KeyCodec.hash(arn, 0, arn.length);
    long b = (r.sequence() * 0x9E3779B97F4A7C15L) ^ a;
    b ^= b >>> 29;
    b *= 0xbf58476d1ce4e5b9L;
    b ^= b >>> 32;
    return String.format("%016x%016x", a ^ r.sequence(), b);
  }
}
