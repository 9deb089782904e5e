package io.dynamo4j.jmh;

import io.dynamo4j.model.Item;
import java.util.List;

/**
 * One system under measurement, seen through the few operations the benchmarks need, so that each
 * benchmark is written once for every {@link Target}.
 *
 * <p>Items and keys are described in one neutral shape (dynamo4j's {@link Item}) and turned into
 * the target's own representation by {@link #item} and {@link #key} before measurement starts, so
 * a measured call pays only what an application using that client pays: building the request,
 * the call itself, and nothing else. Every implementation does the same amount of work around the
 * client call (one cast, one request built with the client's builder, no conversion of results),
 * so the adapter adds the same small cost to every target.
 *
 * <p>Thread-safe as far as the underlying client is: every client used here is.
 */
interface Database extends AutoCloseable {

  /**
   * Creates {@code table} with {@link Dataset}'s layout (string partition key {@link Dataset#PK},
   * number sort key {@link Dataset#SK}, the GSI {@link Dataset#GSI} on {@link Dataset#GROUP}
   * projecting every attribute), on demand, and returns when it can be used.
   */
  void createTable(String table);

  /** {@code item} in this target's own representation, for {@link #putItem} and {@link #load}. */
  Object item(Item item);

  /** {@code key} in this target's own representation, for {@link #getItem}. */
  Object key(Item key);

  /** Stores {@code items} (made by {@link #item}) as fast as this target allows; not measured. */
  void load(String table, List<Object> items);

  /** DynamoDB's PutItem of {@code item}, made by {@link #item}. */
  void putItem(String table, Object item);

  /**
   * DynamoDB's PutItem of {@code item} (made by {@link #item}) with the condition
   * {@code attribute_not_exists(pk)}: true if it was written, false if the condition failed
   * (ConditionalCheckFailedException, caught here as an application catches it).
   */
  boolean putIfAbsent(String table, Object item);

  /**
   * DynamoDB's BatchWriteItem of a Put of each of {@code items} (made by {@link #item}; distinct
   * keys, at most 25), sending what comes back unprocessed again until none is left.
   */
  void batchPut(String table, Object[] items);

  /**
   * DynamoDB's GetItem (eventually consistent) of {@code key}, made by {@link #key}: the response's
   * item in this target's own representation, as its client returns it (it may stand for "no
   * item" in its own way; {@link #neutral} tells).
   */
  Object getItem(String table, Object key);

  /** {@code value} in this target's own representation, for {@link #updateSet} and {@link #query}. */
  Object value(io.dynamo4j.model.AttributeValue value);

  /**
   * DynamoDB's UpdateItem of {@code key} (made by {@link #key}) with {@code SET #a = :v}, where
   * {@code #a} is {@code attribute} and {@code :v} is {@code value} (made by {@link #value}).
   */
  void updateSet(String table, Object key, String attribute, Object value);

  /**
   * DynamoDB's Query (eventually consistent) of every item whose partition key {@code pk} equals
   * {@code partitionValue} (made by {@link #value}); returns the number of items. One request:
   * the benchmark partitions hold far less than 1 MB.
   */
  int query(String table, Object partitionValue);

  /**
   * DynamoDB's Query of the GSI {@link Dataset#GSI}: items whose {@link Dataset#GROUP} equals
   * {@code groupValue} (made by {@link #value}), at most {@code limit} of them (one request);
   * returns the number of items.
   */
  int queryIndex(String table, Object groupValue, int limit);

  /**
   * DynamoDB's Scan (eventually consistent) from the start of the table, page after page (each page
   * up to 1 MB, as DynamoDB cuts them, with Limit set to what is still wanted) until {@code count}
   * items are read or the table ends; returns the number read.
   */
  int scan(String table, int count);

  /**
   * DynamoDB's TransactWriteItems of one unconditional Put into {@code table} for each of
   * {@code items} (made by {@link #item}; distinct keys).
   */
  void transactPut(String table, Object[] items);

  /**
   * DynamoDB's TransactGetItems of {@code keys} (made by {@link #key}; distinct) in {@code table};
   * returns how many items were found.
   */
  int transactGet(String table, Object[] keys);

  /**
   * What {@link #getItem} returned, in the neutral shape, or {@code null} if it found no item;
   * for tests and checks, not measured.
   */
  Item neutral(Object item);

  /** Stops the target and frees what it holds. */
  @Override
  void close();
}
