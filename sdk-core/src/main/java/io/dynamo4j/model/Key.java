package io.dynamo4j.model;

import java.util.Objects;

/**
 * A primary key: the partition key attribute and, for tables with a composite key, the sort key
 * attribute, each with its name.
 *
 * <pre>{@code
 * Key key = Key.of("customer", s("c-7"), "orderedAt", n(1700000000));
 * client.getItem(r -> r.tableName("Orders").key(key.toItem()));
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param partitionName the partition (HASH) key attribute's name
 * @param partitionValue its value
 * @param sortName the sort (RANGE) key attribute's name, or null for a simple key
 * @param sortValue its value, or null for a simple key
 */
public record Key(String partitionName, AttributeValue partitionValue, String sortName, AttributeValue sortValue) {

  public Key {
    Objects.requireNonNull(partitionName, "partitionName");
    Objects.requireNonNull(partitionValue, "partitionValue");
    if ((sortName == null) != (sortValue == null)) {
      throw new IllegalArgumentException("Key: give both sortName and sortValue, or neither");
    }
  }

  /** A simple (partition-only) key. */
  public static Key of(String partitionName, AttributeValue partitionValue) {
    return new Key(partitionName, partitionValue, null, null);
  }

  /** A composite key. */
  public static Key of(String partitionName, AttributeValue partitionValue, String sortName, AttributeValue sortValue) {
    return new Key(partitionName, partitionValue, sortName, sortValue);
  }

  /**
   * The key attributes of {@code item}, or null if the item lacks one of them.
   *
   * @param sortName null for a table with a simple key
   */
  public static Key from(Item item, String partitionName, String sortName) {
    AttributeValue p = item.get(partitionName);
    if (p == null) {
      return null;
    }
    if (sortName == null) {
      return of(partitionName, p);
    }
    AttributeValue s = item.get(sortName);
    return s == null ? null : of(partitionName, p, sortName, s);
  }

  /** Whether this key has a sort key. */
  public boolean isComposite() {
    return sortName != null;
  }

  /** The key as an item, the form DynamoDB's {@code Key} parameters take. */
  public Item toItem() {
    return sortName == null ? Item.of(partitionName, partitionValue) : Item.of(partitionName, partitionValue, sortName, sortValue);
  }
}
