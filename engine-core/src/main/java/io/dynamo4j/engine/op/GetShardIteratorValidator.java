package io.dynamo4j.engine.op;

import io.dynamo4j.api.GetShardIteratorRequest;
import io.dynamo4j.api.ShardIteratorType;

/**
 * GetShardIterator's checks of the request alone, after the model constraints: a SequenceNumber
 * exactly with AT_SEQUENCE_NUMBER and AFTER_SEQUENCE_NUMBER, made of digits; a Timestamp with
 * AT_TIMESTAMP.
 *
 * <p>Stateless and thread-safe.
 */
final class GetShardIteratorValidator {

  private GetShardIteratorValidator() {}

  static void validate(GetShardIteratorRequest r) {
    boolean needsNumber = r.shardIteratorType() == ShardIteratorType.AT_SEQUENCE_NUMBER
        || r.shardIteratorType() == ShardIteratorType.AFTER_SEQUENCE_NUMBER;
    if (!needsNumber && r.sequenceNumber() != null) {
      throw Errors.sequenceNumberNotAllowed();
    }
    if (needsNumber && (r.sequenceNumber() == null || !r.sequenceNumber().chars().allMatch(c -> c >= '0' && c <= '9'))) {
      throw Errors.sequenceNumberRequired();
    }
    if (r.shardIteratorType() == ShardIteratorType.AT_TIMESTAMP && r.timestamp() == null) {
      throw Errors.timestampRequired();
    }
  }
}
