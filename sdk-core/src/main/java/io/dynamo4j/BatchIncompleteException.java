package io.dynamo4j;

import io.dynamo4j.api.KeysAndAttributes;
import io.dynamo4j.api.Operation;
import io.dynamo4j.api.WriteRequest;
import io.dynamo4j.model.Item;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Thrown by {@link DynamoClient#batchWriteItemAll} and {@link DynamoClient#batchGetItemAll} when
 * DynamoDB still leaves part of a batch unprocessed after the last attempt the
 * {@link RetryPolicy} allows (or when the thread is interrupted between two rounds). It carries
 * what is left, ready to send again later, and for {@code BatchGetItem} the items already read.
 *
 * <p>This is the client giving up, not an error of DynamoDB's, so it is not a
 * {@link io.dynamo4j.error.DynamoException}. Everything not in {@link #unprocessedItems()} was
 * written; everything not in {@link #unprocessedKeys()} was read and is in {@link #responses()}.
 *
 * <p>Immutable; safe to share between threads.
 */
public final class BatchIncompleteException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient Operation operation;
  private final int attempts;
  private final transient Map<String, List<WriteRequest>> unprocessedItems;
  private final transient Map<String, KeysAndAttributes> unprocessedKeys;
  private final transient Map<String, List<Item>> responses;

  private BatchIncompleteException(
      Operation operation,
      int attempts,
      Map<String, Integer> leftByTable,
      Map<String, List<WriteRequest>> unprocessedItems,
      Map<String, KeysAndAttributes> unprocessedKeys,
      Map<String, List<Item>> responses,
      InterruptedException interrupted) {
    super(message(operation, attempts, leftByTable, interrupted != null), interrupted);
    this.operation = operation;
    this.attempts = attempts;
    this.unprocessedItems = unprocessedItems;
    this.unprocessedKeys = unprocessedKeys;
    this.responses = responses;
  }

  /** BatchWriteItem gave up with {@code unprocessed} left, after {@code attempts} rounds. */
  static BatchIncompleteException ofWrites(
      Map<String, List<WriteRequest>> unprocessed, int attempts, InterruptedException interrupted) {
    Map<String, Integer> left = new LinkedHashMap<>();
    unprocessed.forEach((table, writes) -> left.put(table, writes.size()));
    return new BatchIncompleteException(Operation.BATCH_WRITE_ITEM, attempts, left,
        ordered(unprocessed), Map.of(), Map.of(), interrupted);
  }

  /** BatchGetItem gave up with {@code unprocessed} left and {@code responses} read, after {@code attempts} rounds. */
  static BatchIncompleteException ofReads(
      Map<String, KeysAndAttributes> unprocessed,
      Map<String, List<Item>> responses,
      int attempts,
      InterruptedException interrupted) {
    Map<String, Integer> left = new LinkedHashMap<>();
    unprocessed.forEach((table, keys) -> left.put(table, keys.keys() == null ? 0 : keys.keys().size()));
    return new BatchIncompleteException(Operation.BATCH_GET_ITEM, attempts, left,
        Map.of(), ordered(unprocessed), readOnly(responses), interrupted);
  }

  private static Map<String, List<Item>> readOnly(Map<String, List<Item>> responses) {
    Map<String, List<Item>> copy = new LinkedHashMap<>();
    responses.forEach((table, items) -> copy.put(table, List.copyOf(items)));
    return Collections.unmodifiableMap(copy);
  }

  private static <V> Map<String, V> ordered(Map<String, V> map) {
    return Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }

  private static String message(
      Operation operation, int attempts, Map<String, Integer> leftByTable, boolean interrupted) {
    StringJoiner tables = new StringJoiner(", ", " (", ")");
    leftByTable.forEach((table, n) -> tables.add(table + ": " + n));
    int left = leftByTable.values().stream().mapToInt(Integer::intValue).sum();
    boolean writes = operation == Operation.BATCH_WRITE_ITEM;
    String what = left + (writes ? " write request" : " key") + (left == 1 ? "" : "s");
    String accessor = writes ? "unprocessedItems()" : "unprocessedKeys()";
    String why = interrupted
        ? "the thread was interrupted after " + attempts + " attempt" + (attempts == 1 ? "" : "s")
        : "the last of " + attempts + " attempt" + (attempts == 1 ? "" : "s") + " allowed by the RetryPolicy";
    return operation.wireName() + " left " + what + " unprocessed" + tables + " after " + why
        + "; they are in " + accessor + " to send again later, or allow more attempts in ClientConfig.retryPolicy";
  }

  /** {@link Operation#BATCH_WRITE_ITEM} or {@link Operation#BATCH_GET_ITEM}. */
  public Operation operation() {
    return operation;
  }

  /** How many requests were sent before the client gave up. */
  public int attempts() {
    return attempts;
  }

  /** The write requests not written, by table, as DynamoDB last returned them; empty for BatchGetItem. */
  public Map<String, List<WriteRequest>> unprocessedItems() {
    return unprocessedItems;
  }

  /** The keys not read, by table, as DynamoDB last returned them; empty for BatchWriteItem. */
  public Map<String, KeysAndAttributes> unprocessedKeys() {
    return unprocessedKeys;
  }

  /** The items read before the client gave up, by table; empty for BatchWriteItem. */
  public Map<String, List<Item>> responses() {
    return responses;
  }
}
