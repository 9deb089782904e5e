package io.dynamo4j.jmh;

import static io.dynamo4j.model.AttributeValue.bool;
import static io.dynamo4j.model.AttributeValue.n;
import static io.dynamo4j.model.AttributeValue.s;
import static io.dynamo4j.model.AttributeValue.ss;

import io.dynamo4j.model.Item;
import java.util.SplittableRandom;

/**
 * What the benchmark items hold besides their keys ({@link Dataset#keys}); a JMH {@code @Param}
 * ({@code -p shape=ONE_KB,TINY}). Items are a pure function of (index, version): the same in every
 * target and every run. Immutable and thread-safe.
 */
public enum ItemShape {

  /** The key, the GSI key and one number: about 25 bytes as DynamoDB counts them. */
  TINY {
    @Override
    Item item(int index, int version) {
      return Dataset.keys(index).with("v", n(version));
    }
  },

  /**
   * A customer record of exactly 1,000 bytes as DynamoDB counts them (attribute names plus
   * values): a few strings, numbers, a boolean, a string set and a random text filling the rest.
   */
  ONE_KB {
    @Override
    Item item(int index, int version) {
      SplittableRandom random = new SplittableRandom(index * 31L + version);
      Item.Builder item = Dataset.keys(index).toBuilder()
          .put("name", s("Customer " + index))
          .put("email", s("customer" + index + "@example.com"))
          .put("balance", n(random.nextInt(1_000_000) + "." + random.nextInt(10, 100)))
          .put("active", bool(random.nextBoolean()))
          .put("created", s("2026-" + (1 + random.nextInt(12)) + "-" + (1 + random.nextInt(28)) + "T12:00:00Z"))
          .put("tags", ss("gold", "newsletter", "region-" + random.nextInt(20)))
          .put("version", n(version));
      int soFar = item.build().sizeInBytes() + "payload".length();
      return item.put("payload", s(text(random, ONE_KB_BYTES - soFar))).build();
    }
  };

  /** The size of a {@link #ONE_KB} item. */
  static final int ONE_KB_BYTES = 1_000;

  private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 ";

  /** Item {@code index} (with {@link Dataset#keys}{@code (index)}) at {@code version}. */
  abstract Item item(int index, int version);

  private static String text(SplittableRandom random, int length) {
    char[] chars = new char[length];
    for (int i = 0; i < length; i++) {
      chars[i] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
    }
    return new String(chars);
  }
}
