package io.dynamo4j.engine.op;

import io.dynamo4j.api.ItemCollectionMetrics;
import io.dynamo4j.api.ReturnItemCollectionMetrics;
import io.dynamo4j.engine.table.TableDefinition;
import io.dynamo4j.model.Item;
import java.util.List;

/**
 * The ItemCollectionMetrics a write returns when asked ({@code ReturnItemCollectionMetrics=SIZE})
 * on a table with a local secondary index: the item collection's key (the partition key attribute)
 * and DynamoDB's size estimate, a range of whole gigabytes {@code [floor(size), floor(size) + 1]}
 * ({@code [0.0, 1.0]} for any collection under 1 GB). Nothing for other tables.
 *
 * <p>Stateless and thread-safe.
 */
final class CollectionMetrics {

  private static final double GIGABYTE = 1024.0 * 1024 * 1024;

  private CollectionMetrics() {}

  /** Whether {@code mode} asks for metrics. */
  static boolean asked(ReturnItemCollectionMetrics mode) {
    return mode == ReturnItemCollectionMetrics.SIZE;
  }

  /**
   * The metrics of the collection of {@code keyOrItem} (an item or key holding the partition key)
   * after a write that left it at {@code collectionBytes}; null when not asked or the table has no
   * local index.
   */
  static ItemCollectionMetrics of(ReturnItemCollectionMetrics mode, TableDefinition definition, Item keyOrItem,
      long collectionBytes) {
    if (!asked(mode) || collectionBytes < 0) {
      return null;
    }
    String name = definition.primaryKey().hashKey().name();
    double low = Math.floor(collectionBytes / GIGABYTE);
    return new ItemCollectionMetrics(Item.of(name, keyOrItem.get(name)), List.of(low, low + 1));
  }
}
