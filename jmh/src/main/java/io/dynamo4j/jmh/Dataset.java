package io.dynamo4j.jmh;

import static io.dynamo4j.model.AttributeValue.n;
import static io.dynamo4j.model.AttributeValue.s;

import io.dynamo4j.model.Item;

/**
 * The benchmark table's key layout: item {@code i} has the string partition key
 * {@code pk = "user#" + i / 10} (zero-padded) and the number sort key {@code sk = i % 10}, so every
 * partition key holds {@value #ITEMS_PER_PARTITION} items (for Query benchmarks later), and a
 * table of {@code n} items holds exactly the items {@code 0 .. n-1}. {@link ItemShape} says what
 * else an item holds. Stateless.
 */
final class Dataset {

  /** The benchmark table's name, in every target. */
  static final String TABLE = "bench";

  /** The partition key attribute (a string). */
  static final String PK = "pk";

  /** The sort key attribute (a number). */
  static final String SK = "sk";

  /** Items per partition key. */
  static final int ITEMS_PER_PARTITION = 10;

  private Dataset() {}

  /** The key of item {@code index}. */
  static Item key(int index) {
    return Item.of(PK, s(partitionKey(index)), SK, n(index % ITEMS_PER_PARTITION));
  }

  /** The partition key of item {@code index}: {@code user#0000012} for items 120 to 129. */
  static String partitionKey(int index) {
    String digits = Integer.toString(index / ITEMS_PER_PARTITION);
    return "user#" + "0000000".substring(Math.min(7, digits.length())) + digits;
  }
}
