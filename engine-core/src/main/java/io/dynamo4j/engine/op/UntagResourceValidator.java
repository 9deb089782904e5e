package io.dynamo4j.engine.op;

import io.dynamo4j.api.UntagResourceRequest;

/**
 * UntagResource's checks after the model constraints: at least one key, none with the reserved
 * {@code aws:} prefix.
 *
 * <p>Stateless and thread-safe.
 */
final class UntagResourceValidator {

  private UntagResourceValidator() {}

  static void validate(UntagResourceRequest r) {
    if (r.tagKeys().isEmpty()) {
      throw Errors.noTagKeys();
    }
    for (String key : r.tagKeys()) {
      if (key.regionMatches(true, 0, "aws:", 0, 4)) {
        throw Errors.reservedTagKey(key);
      }
    }
  }
}
