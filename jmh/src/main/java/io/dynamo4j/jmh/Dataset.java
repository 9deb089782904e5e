package io.dynamo4j.jmh;

import static io.dynamo4j.model.AttributeValue.n;
import static io.dynamo4j.model.AttributeValue.s;

import io.dynamo4j.model.AttributeValue;
import io.dynamo4j.model.Item;

/**
 * The benchmark table's layout: item {@code i} has the string partition key
 * {@code pk = "user#" + i / 10} (zero-padded) and the number sort key {@code sk = i % 10}, so every
 * partition key holds {@value #ITEMS_PER_PARTITION} items (for the Query benchmark), and a table of
 * {@code n} items holds exactly the items {@code 0 .. n-1}.
 *
 * <p>The table has one global secondary index, {@value #GSI}, with the string partition key
 * {@value #GROUP} ({@code "g" + i % 1000}, zero-padded) and every attribute projected: each group
 * holds one item in a thousand, spread over the whole table (100 items in a table of 100,000), and
 * the GSI benchmark reads {@value #GSI_PAGE} of them. Every write to the table maintains it, in every
 * target. {@link ItemShape} says what else an item holds. Stateless.
 */
final class Dataset {

  /** The benchmark table's name, in every target. */
  static final String TABLE = "bench";

  /** The partition key attribute (a string). */
  static final String PK = "pk";

  /** The sort key attribute (a number). */
  static final String SK = "sk";

  /** The global secondary index. */
  static final String GSI = "byGroup";

  /** The GSI's partition key attribute (a string), on every item. */
  static final String GROUP = "g";

  /** Items per partition key. */
  static final int ITEMS_PER_PARTITION = 10;

  /** How many GSI groups there are: item {@code i} is in group {@code i % GROUPS}. */
  static final int GROUPS = 1_000;

  /** Items a GSI query reads (its Limit). */
  static final int GSI_PAGE = 10;

  private Dataset() {}

  /** The key of item {@code index}. */
  static Item key(int index) {
    return Item.of(PK, s(partitionKey(index)), SK, n(index % ITEMS_PER_PARTITION));
  }

  /** The key of item {@code index} and its GSI key: what every item holds. */
  static Item keys(int index) {
    return key(index).with(GROUP, group(index));
  }

  /** The partition key of item {@code index}: {@code user#0000012} for items 120 to 129. */
  static String partitionKey(int index) {
    String digits = Integer.toString(index / ITEMS_PER_PARTITION);
    return "user#" + "0000000".substring(Math.min(7, digits.length())) + digits;
  }

  /** The GSI partition key of item {@code index}: {@code g012} for items 12, 1012, 2012... */
  static AttributeValue group(int index) {
    return groupValue(index % GROUPS);
  }

  /** The GSI partition key value of group {@code group} (0 to {@link #GROUPS} - 1). */
  static AttributeValue groupValue(int group) {
    String digits = Integer.toString(group);
    return s("g" + "00".substring(Math.min(2, digits.length() - 1)) + digits);
  }
}
