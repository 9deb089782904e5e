package io.dynamo4j.engine.expr;

import io.dynamo4j.model.AttributeValue;
import io.dynamo4j.model.Item;
import java.util.List;

/**
 * What a key condition asks for, once checked against a {@link KeySchema}: the partition to read
 * and the part of it, in sort key order, to return. An engine reads the partition whose key
 * attributes equal {@link #partitionValues()}, restricted to items whose leading sort attributes
 * equal {@link #sortEqualities()} and, if {@link #range()} is present, whose next sort attribute
 * satisfies it.
 *
 * <p>Immutable and thread-safe.
 */
public final class KeyQuery {

  /** The comparison a range applies to the sort attribute. */
  public enum Operator {
    LT, LE, GT, GE, BETWEEN, BEGINS_WITH
  }

  /**
   * The condition on one sort attribute beyond the equalities.
   *
   * @param attribute the sort attribute it applies to
   * @param operator the comparison
   * @param value the operand; the lower bound for BETWEEN; the prefix for BEGINS_WITH
   * @param upper the upper bound for BETWEEN, otherwise null
   */
  public record Range(String attribute, Operator operator, AttributeValue value, AttributeValue upper) {

    /** The lower bound of the range (inclusive unless the operator is GT), or null if it has none. */
    public AttributeValue lower() {
      return switch (operator) {
        case GT, GE, BETWEEN -> value;
        default -> null;
      };
    }

    /** The upper bound of the range (inclusive unless the operator is LT), or null if it has none. */
    public AttributeValue upperBound() {
      return switch (operator) {
        case LT, LE -> value;
        case BETWEEN -> upper;
        default -> null;
      };
    }

    /** Whether the sort value must satisfy this range. */
    boolean test(AttributeValue sortValue) {
      if (sortValue == null) {
        return false;
      }
      if (operator == Operator.BEGINS_WITH) {
        return Values.beginsWith(sortValue, value);
      }
      int order = Values.compare(sortValue, value);
      if (order == Integer.MIN_VALUE) {
        return false;
      }
      return switch (operator) {
        case LT -> order < 0;
        case LE -> order <= 0;
        case GT -> order > 0;
        case GE -> order >= 0;
        default -> {
          int toUpper = Values.compare(sortValue, upper);
          yield order >= 0 && toUpper != Integer.MIN_VALUE && toUpper <= 0;
        }
      };
    }
  }

  private final KeySchema schema;
  private final List<AttributeValue> partitionValues;
  private final List<AttributeValue> sortEqualities;
  private final Range range;

  KeyQuery(KeySchema schema, List<AttributeValue> partitionValues, List<AttributeValue> sortEqualities, Range range) {
    this.schema = schema;
    this.partitionValues = List.copyOf(partitionValues);
    this.sortEqualities = List.copyOf(sortEqualities);
    this.range = range;
  }

  /** The value of each partition key attribute, in key schema order. */
  public List<AttributeValue> partitionValues() {
    return partitionValues;
  }

  /** The values the leading sort key attributes must equal, in key schema order (possibly none). */
  public List<AttributeValue> sortEqualities() {
    return sortEqualities;
  }

  /** The condition on the sort attribute after the equalities, or null if there is none. */
  public Range range() {
    return range;
  }

  /** Whether {@code item}'s key attributes satisfy this key condition. */
  public boolean matches(Item item) {
    if (item == null) {
      return false;
    }
    for (int i = 0; i < partitionValues.size(); i++) {
      if (!partitionValues.get(i).equals(item.get(schema.partition().get(i).name()))) {
        return false;
      }
    }
    for (int i = 0; i < sortEqualities.size(); i++) {
      if (!sortEqualities.get(i).equals(item.get(schema.sort().get(i).name()))) {
        return false;
      }
    }
    return range == null || range.test(item.get(range.attribute()));
  }

  /**
   * Whether {@code item}'s sort key attributes satisfy the sort part of this key condition (the
   * equalities and the range), whatever its partition key: how a Query checks that an
   * ExclusiveStartKey lies within its sort key range.
   */
  public boolean matchesSort(Item item) {
    for (int i = 0; i < sortEqualities.size(); i++) {
      if (!sortEqualities.get(i).equals(item.get(schema.sort().get(i).name()))) {
        return false;
      }
    }
    return range == null || range.test(item.get(range.attribute()));
  }

  @Override
  public String toString() {
    return "KeyQuery{partition=" + partitionValues + ", sortEqualities=" + sortEqualities + ", range=" + range + "}";
  }
}
