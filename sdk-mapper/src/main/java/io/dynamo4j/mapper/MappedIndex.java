package io.dynamo4j.mapper;

import java.util.Arrays;
import java.util.List;

/**
 * A secondary index of a {@link MappedTable}, to query or scan; results are the table's type (or
 * a projection). Immutable and thread-safe.
 *
 * @param <T> the mapped type
 */
public final class MappedIndex<T> {

  private final MappedTable<T> table;
  private final TableSchema.IndexModel index;

  MappedIndex(MappedTable<T> table, TableSchema.IndexModel index) {
    this.table = table;
    this.index = index;
  }

  /** The index's name. */
  public String name() {
    return index.name();
  }

  /**
   * A query of the index's item collection with these partition key values: one per partition
   * key attribute, in their {@code order} (a multi-attribute key has several); a local index
   * takes the table's partition key value.
   */
  public Query<T> query(Object... partitionValues) {
    int expected = index.local() ? 1 : index.partition().size();
    if (partitionValues.length != expected) {
      throw new IllegalArgumentException("index \"" + index.name() + "\" has " + expected + " partition key attribute"
          + (expected == 1 ? "" : "s") + " " + names(index) + "; got " + partitionValues.length + " value"
          + (partitionValues.length == 1 ? "" : "s"));
    }
    return new Query<>(table, index, Arrays.asList(partitionValues));
  }

  /** A scan of the whole index. */
  public Query<T> scan() {
    return new Query<>(table, index, null);
  }

  private static List<String> names(TableSchema.IndexModel index) {
    return index.partition().stream().map(TableSchema.KeyAttribute::attribute).toList();
  }

  @Override
  public String toString() {
    return "MappedIndex{" + table.tableName() + "." + index.name() + "}";
  }
}
