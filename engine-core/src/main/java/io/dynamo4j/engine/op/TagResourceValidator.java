package io.dynamo4j.engine.op;

import io.dynamo4j.api.Tag;
import io.dynamo4j.api.TagResourceRequest;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The checks of tags (TagResource, and CreateTable's Tags): at least one tag, keys without the
 * reserved {@code aws:} prefix, DynamoDB's allowed characters (letters, numbers, white space and
 * {@code + - = . _ : / @}), and at most 50 tags on a resource after the change. Lengths (key
 * 1..128, value 0..256) are model constraints, checked before.
 *
 * <p>Stateless and thread-safe.
 */
final class TagResourceValidator {

  static final int MAX_TAGS = 50;
  private static final Pattern ALLOWED = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*");

  private TagResourceValidator() {}

  /** The request's own checks (the resource is looked up afterwards). */
  static void validate(TagResourceRequest r) {
    if (r.tags().isEmpty()) {
      throw Errors.noTags();
    }
    checkTags(r.tags());
  }

  /** Each tag's key and value. */
  static void checkTags(List<Tag> tags) {
    for (Tag t : tags) {
      if (t.key().regionMatches(true, 0, "aws:", 0, 4)) {
        throw Errors.reservedTagKey(t.key());
      }
      if (!ALLOWED.matcher(t.key()).matches()) {
        throw Errors.invalidTagCharacters("key", t.key());
      }
      if (!ALLOWED.matcher(t.value()).matches()) {
        throw Errors.invalidTagCharacters("value", t.value());
      }
    }
  }

  /** At most 50 distinct keys once {@code added} joins {@code existing}. */
  static void checkCount(List<Tag> added, Collection<Tag> existing) {
    Set<String> keys = new HashSet<>();
    for (Tag t : existing) {
      keys.add(t.key());
    }
    for (Tag t : added) {
      keys.add(t.key());
    }
    if (keys.size() > MAX_TAGS) {
      throw Errors.tooManyTags();
    }
  }
}
