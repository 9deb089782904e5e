package io.dynamo4j.engine.expr;

import io.dynamo4j.api.ScalarAttributeType;
import java.util.List;

/**
 * The key attributes a Query reads by: a table's or an index's partition key attributes (one, or up
 * to four for a global secondary index with a multi-attribute key) and sort key attributes (none,
 * one, or up to four). {@link KeyCondition#analyze} checks a key condition against it.
 *
 * <p>Immutable and thread-safe.
 *
 * @param partition the partition key attributes, in key schema order (1 to 4)
 * @param sort the sort key attributes, in key schema order (0 to 4)
 */
public record KeySchema(List<Attribute> partition, List<Attribute> sort) {

  /**
   * One key attribute.
   *
   * @param name the attribute name
   * @param type its type from the attribute definitions (S, N or B), or null to skip the check
   *     that condition values have the key's type
   */
  public record Attribute(String name, ScalarAttributeType type) {
    public Attribute {
      if (name == null) {
        throw new IllegalArgumentException("KeySchema.Attribute: name is required");
      }
    }
  }

  public KeySchema {
    if (partition == null || partition.isEmpty() || partition.size() > 4) {
      throw new IllegalArgumentException("KeySchema: give 1 to 4 partition key attributes, got " + partition);
    }
    sort = sort == null ? List.of() : List.copyOf(sort);
    if (sort.size() > 4) {
      throw new IllegalArgumentException("KeySchema: give 0 to 4 sort key attributes, got " + sort);
    }
    partition = List.copyOf(partition);
  }

  /** A simple (partition-only) key. */
  public static KeySchema of(String partitionKey, ScalarAttributeType type) {
    return new KeySchema(List.of(new Attribute(partitionKey, type)), List.of());
  }

  /** A composite key. */
  public static KeySchema of(String partitionKey, ScalarAttributeType partitionType, String sortKey,
      ScalarAttributeType sortType) {
    return new KeySchema(List.of(new Attribute(partitionKey, partitionType)), List.of(new Attribute(sortKey, sortType)));
  }

  /** Whether {@code name} is one of the key attributes. */
  public boolean isKeyAttribute(String name) {
    for (Attribute a : partition) {
      if (a.name().equals(name)) {
        return true;
      }
    }
    for (Attribute a : sort) {
      if (a.name().equals(name)) {
        return true;
      }
    }
    return false;
  }
}
