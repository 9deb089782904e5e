package io.dynamo4j.engine.stream;

import io.dynamo4j.engine.codec.KeyCodec;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Shard iterators in DynamoDB's form, {@code <stream ARN>|1|<opaque>}, where the opaque part
 * carries the shard, the journal position to read from and the creation time (iterators expire
 * after 15 minutes), sealed with a keyed hash so that only this engine's iterators parse.
 *
 * <p>Thread-safe.
 */
final class ShardIterators {

  /** What an iterator says. */
  record Position(String streamArn, String shardId, long sequence, long createdMillis) {}

  private volatile long secret = new SecureRandom().nextLong();

  /** The key sealing iterators (a persistent engine saves it so that iterators outlive a restart). */
  long key() {
    return secret;
  }

  /** Seals iterators with {@code key} from now on (a reopened engine: its earlier iterators parse again). */
  void key(long key) {
    this.secret = key;
  }

  /** The iterator of {@code position}. */
  String encode(Position p) {
    String body = p.shardId() + "|" + p.sequence() + "|" + p.createdMillis();
    String sealed = body + "|" + Long.toHexString(mac(p.streamArn(), body));
    return p.streamArn() + "|1|" + Base64.getEncoder().withoutPadding().encodeToString(sealed.getBytes(StandardCharsets.UTF_8));
  }

  /** What {@code iterator} says, or null if it is not an iterator of this engine. */
  Position decode(String iterator) {
    if (iterator == null) {
      return null;
    }
    int second = iterator.lastIndexOf('|');
    int first = second <= 0 ? -1 : iterator.lastIndexOf('|', second - 1);
    if (first <= 0 || !iterator.substring(first + 1, second).equals("1")) {
      return null;
    }
    String arn = iterator.substring(0, first);
    String sealed;
    try {
      sealed = new String(Base64.getDecoder().decode(iterator.substring(second + 1)), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return null;
    }
    String[] parts = sealed.split("\\|", -1);
    if (parts.length != 4) {
      return null;
    }
    String body = parts[0] + "|" + parts[1] + "|" + parts[2];
    if (!Long.toHexString(mac(arn, body)).equals(parts[3])) {
      return null;
    }
    try {
      return new Position(arn, parts[0], Long.parseLong(parts[1]), Long.parseLong(parts[2]));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private long mac(String arn, String body) {
    byte[] bytes = (arn + "|" + body).getBytes(StandardCharsets.UTF_8);
    return KeyCodec.hash(bytes, 0, bytes.length) ^ (secret * 0x9E3779B97F4A7C15L) ^ Long.rotateLeft(secret, 17) * bytes.length;
  }
}
