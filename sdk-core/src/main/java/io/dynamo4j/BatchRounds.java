package io.dynamo4j;

import io.dynamo4j.api.BatchGetItemRequest;
import io.dynamo4j.api.BatchGetItemResponse;
import io.dynamo4j.api.BatchWriteItemRequest;
import io.dynamo4j.api.BatchWriteItemResponse;
import io.dynamo4j.api.ItemCollectionMetrics;
import io.dynamo4j.api.KeysAndAttributes;
import io.dynamo4j.api.WriteRequest;
import io.dynamo4j.model.Item;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The batch helpers of {@link DynamoClient}: send a batch, then resend what DynamoDB left
 * unprocessed, with the retry policy's backoff between rounds, until nothing is left or the
 * policy's attempts are used up.
 *
 * <p>Each round is one call of the client, so an error in a round is itself retried by the
 * client; an error that escapes that ends the helper as is (what earlier rounds wrote stays
 * written). Stateless; each call keeps its own state, so thread-safe.
 */
final class BatchRounds {

  private BatchRounds() {}

  static BatchWriteItemResponse writeAll(DynamoClient client, BatchWriteItemRequest request) {
    int maxAttempts = client.config().retryPolicy().maxAttempts();
    CapacityTotals capacity = new CapacityTotals();
    Map<String, List<ItemCollectionMetrics>> metrics = null;
    BatchWriteItemRequest current = request;
    for (int round = 1; ; round++) {
      BatchWriteItemResponse response = client.batchWriteItem(current);
      capacity.add(response.consumedCapacity());
      metrics = concat(metrics, response.itemCollectionMetrics());
      Map<String, List<WriteRequest>> left = nonEmpty(response.unprocessedItems());
      if (left.isEmpty()) {
        return BatchWriteItemResponse.builder()
            .unprocessedItems(Map.of())
            .itemCollectionMetrics(metrics)
            .consumedCapacity(capacity.result())
            .build();
      }
      if (round >= maxAttempts) {
        throw BatchIncompleteException.ofWrites(left, round, null);
      }
      try {
        client.pause(round);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw BatchIncompleteException.ofWrites(left, round, e);
      }
      current = current.toBuilder().requestItems(left).build();
    }
  }

  static BatchGetItemResponse getAll(DynamoClient client, BatchGetItemRequest request) {
    int maxAttempts = client.config().retryPolicy().maxAttempts();
    CapacityTotals capacity = new CapacityTotals();
    Map<String, List<Item>> items = new LinkedHashMap<>();
    BatchGetItemRequest current = request;
    for (int round = 1; ; round++) {
      BatchGetItemResponse response = client.batchGetItem(current);
      capacity.add(response.consumedCapacity());
      items = concat(items, response.responses());
      Map<String, KeysAndAttributes> left = withKeys(response.unprocessedKeys());
      if (left.isEmpty()) {
        return BatchGetItemResponse.builder()
            .responses(items)
            .unprocessedKeys(Map.of())
            .consumedCapacity(capacity.result())
            .build();
      }
      if (round >= maxAttempts) {
        throw BatchIncompleteException.ofReads(left, items, round, null);
      }
      try {
        client.pause(round);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw BatchIncompleteException.ofReads(left, items, round, e);
      }
      current = current.toBuilder().requestItems(left).build();
    }
  }

  /** The tables that still have write requests (DynamoDB rejects a table with an empty list). */
  private static Map<String, List<WriteRequest>> nonEmpty(Map<String, List<WriteRequest>> unprocessed) {
    if (unprocessed == null) {
      return Map.of();
    }
    Map<String, List<WriteRequest>> left = new LinkedHashMap<>();
    unprocessed.forEach((table, writes) -> {
      if (!writes.isEmpty()) {
        left.put(table, writes);
      }
    });
    return left;
  }

  /** The tables that still have keys to read. */
  private static Map<String, KeysAndAttributes> withKeys(Map<String, KeysAndAttributes> unprocessed) {
    if (unprocessed == null) {
      return Map.of();
    }
    Map<String, KeysAndAttributes> left = new LinkedHashMap<>();
    unprocessed.forEach((table, keys) -> {
      if (keys.keys() != null && !keys.keys().isEmpty()) {
        left.put(table, keys);
      }
    });
    return left;
  }

  /** {@code so far} with {@code more}'s lists appended table by table; null while both are absent. */
  private static <V> Map<String, List<V>> concat(Map<String, List<V>> soFar, Map<String, List<V>> more) {
    if (more == null) {
      return soFar;
    }
    Map<String, List<V>> all = soFar == null ? new LinkedHashMap<>() : soFar;
    more.forEach((table, list) -> all.computeIfAbsent(table, t -> new ArrayList<>()).addAll(list));
    return all;
  }
}
