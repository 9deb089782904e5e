package io.dynamo4j.mapper;

import io.dynamo4j.DynamoClient;
import io.dynamo4j.api.BatchGetItemResponse;
import io.dynamo4j.api.DeleteItemRequest;
import io.dynamo4j.api.DeleteRequest;
import io.dynamo4j.api.GetItemRequest;
import io.dynamo4j.api.KeysAndAttributes;
import io.dynamo4j.api.PutItemRequest;
import io.dynamo4j.api.PutRequest;
import io.dynamo4j.api.ReturnValue;
import io.dynamo4j.api.ReturnValuesOnConditionCheckFailure;
import io.dynamo4j.api.TimeToLiveSpecification;
import io.dynamo4j.api.UpdateItemRequest;
import io.dynamo4j.api.WriteRequest;
import io.dynamo4j.error.ConditionalCheckFailedException;
import io.dynamo4j.expr.ConditionExpression;
import io.dynamo4j.expr.Expressions;
import io.dynamo4j.expr.ProjectionExpression;
import io.dynamo4j.expr.UpdateExpression;
import io.dynamo4j.model.AttributeValue;
import io.dynamo4j.model.Item;
import io.dynamo4j.model.Key;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A DynamoDB table of mapped objects: typed get, put, update, delete, query, scan and batches,
 * over a {@link DynamoClient} (so with its retries), against any engine.
 *
 * <pre>{@code
 * MappedTable<Order> orders = mapper.table(client, Order.class);
 * orders.createTable();
 * Order saved = orders.put(order);                           // version, timestamps filled in
 * Order o = orders.get("c-7", 42);
 * MappedProperty<Status> status = orders.schema().property("status");
 * orders.update(orders.schema().key("c-7", 42), status.set(Status.SHIPPED));
 * List<Order> open = orders.query("c-7").sortGe(40).filter(status.eq(Status.OPEN)).list();
 * }</pre>
 *
 * <p>Writes of classes with {@code @Version} carry a condition on the version and throw
 * {@link OptimisticLockException} when it fails; {@code @CreatedAt}, {@code @UpdatedAt} and
 * {@code @AtomicCounter} attributes are filled in on every write. Batches split into DynamoDB's
 * limits (100 keys per BatchGetItem, 25 writes per BatchWriteItem) and resend unprocessed items
 * with backoff ({@link DynamoClient#batchWriteItemAll}).
 *
 * <p>Immutable and thread-safe.
 *
 * @param <T> the mapped type
 */
public final class MappedTable<T> {

  static final int BATCH_GET_MAX = 100;
  static final int BATCH_WRITE_MAX = 25;

  private final Mapper mapper;
  private final DynamoClient client;
  private final String tableName;
  private final TableSchema<T> schema;

  MappedTable(Mapper mapper, DynamoClient client, String tableName, TableSchema<T> schema) {
    schema.requireKeys();
    this.mapper = mapper;
    this.client = client;
    this.tableName = tableName;
    this.schema = schema;
  }

  /** The table's name. */
  public String tableName() {
    return tableName;
  }

  /** The schema of the table's items. */
  public TableSchema<T> schema() {
    return schema;
  }

  /** The client the table calls. */
  public DynamoClient client() {
    return client;
  }

  Mapper mapper() {
    return mapper;
  }

  // ---------------------------------------------------------------- control plane

  /**
   * Creates the table from the annotations: keys, attribute definitions, secondary indexes (on
   * demand), waits until it is active, and enables TTL on the {@code @TimeToLive} attribute.
   */
  public void createTable() {
    client.createTable(schema.createTableRequest(tableName));
    client.waitUntilTableActive(tableName);
    if (schema.ttlAttribute != null) {
      client.updateTimeToLive(r -> r.tableName(tableName).timeToLiveSpecification(
          TimeToLiveSpecification.builder().enabled(true).attributeName(schema.ttlAttribute).build()));
    }
  }

  /** Deletes the table. */
  public void deleteTable() {
    client.deleteTable(r -> r.tableName(tableName));
  }

  // ---------------------------------------------------------------- get

  /** The item with this partition key (a table with a simple key), or null. */
  public T get(Object partitionValue) {
    return get(schema.key(partitionValue));
  }

  /** The item with this key (a table with a composite key), or null. */
  public T get(Object partitionValue, Object sortValue) {
    return get(schema.key(partitionValue, sortValue));
  }

  /** The item with this key, or null; eventually consistent. */
  public T get(Key key) {
    return get(key, false);
  }

  /** The item with this key, or null. */
  public T get(Key key, boolean consistentRead) {
    Item item = client.getItem(GetItemRequest.builder().tableName(tableName).key(key.toItem())
        .consistentRead(consistentRead ? Boolean.TRUE : null).build()).item();
    return item == null ? null : schema.fromItem(item);
  }

  /**
   * The item with this key read into {@code projection}, a smaller mapped class: only its
   * attributes are read (a {@code ProjectionExpression} derived from it), or null.
   */
  public <P> P get(Key key, Class<P> projection) {
    TableSchema<P> p = mapper.schema(projection);
    GetItemRequest.Builder b = GetItemRequest.builder().tableName(tableName).key(key.toItem());
    Expressions.builder().projection(projectionOf(p, keyAttributes(null))).build().applyTo(b);
    Item item = client.getItem(b.build()).item();
    return item == null ? null : p.fromItem(item);
  }

  // ---------------------------------------------------------------- put

  /**
   * Writes {@code object}, replacing any item with its key, and returns it as written (version
   * incremented, timestamps and counters filled in).
   *
   * @throws OptimisticLockException if the class is versioned and the stored version is not the object's
   */
  public T put(T object) {
    return put(object, null);
  }

  /**
   * Writes {@code object} if {@code condition} (may be null) holds for the stored item.
   *
   * @throws ConditionalCheckFailedException if the condition fails
   * @throws OptimisticLockException if the version check fails
   */
  public T put(T object, ConditionExpression condition) {
    WritePlan plan = WritePlan.put(schema, object);
    ConditionExpression all = WritePlan.combine(condition, plan.versionCondition);
    PutItemRequest.Builder b = PutItemRequest.builder().tableName(tableName).item(plan.item);
    if (all != null) {
      Expressions.builder().condition(all).build().applyTo(b);
      if (plan.versionCondition != null) {
        b.returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD);
      }
    }
    try {
      client.putItem(b.build());
    } catch (ConditionalCheckFailedException e) {
      throw lockFailure(e, plan.versionAttribute, plan.expectedVersion, condition != null, plan.key);
    }
    return schema.fromItem(plan.item);
  }

  // ---------------------------------------------------------------- update

  /** {@link #update(Object, UpdateMode)} with {@link UpdateMode#IGNORE_NULLS}. */
  public T update(T object) {
    return update(object, UpdateMode.IGNORE_NULLS, null);
  }

  /** Updates the item of {@code object}'s key to hold its properties; returns the item as it is afterwards. */
  public T update(T object, UpdateMode mode) {
    return update(object, mode, null);
  }

  /**
   * Updates the item of {@code object}'s key, creating it if absent: SET for its non-null
   * properties, REMOVE for its null ones in {@link UpdateMode#REPLACE}; versions, timestamps and
   * counters as their annotations say. Returns the item as it is afterwards.
   *
   * @param condition a condition on the stored item, or null
   * @throws OptimisticLockException if the version check fails
   */
  public T update(T object, UpdateMode mode, ConditionExpression condition) {
    Objects.requireNonNull(mode, "mode");
    WritePlan.Update plan = WritePlan.update(schema, object, mode);
    return send(plan.key(), plan.update(), WritePlan.combine(condition, plan.versionCondition()),
        plan.versionAttribute(), plan.expectedVersion(), condition != null);
  }

  /**
   * Applies {@code update} (typed actions from {@link MappedProperty}, combined with
   * {@link UpdateExpression#combine}) to the item with {@code key}, creating it if absent; returns
   * the item as it is afterwards. {@code @UpdatedAt} attributes are set and counters incremented too.
   */
  public T update(Key key, UpdateExpression update) {
    return update(key, update, null);
  }

  /** {@link #update(Key, UpdateExpression)} if {@code condition} (may be null) holds. */
  public T update(Key key, UpdateExpression update, ConditionExpression condition) {
    Objects.requireNonNull(update, "update");
    return send(key, withGenerated(update), condition, null, null, condition != null);
  }

  /** Adds the updated-at timestamps and counter increments that every class of the schema shares to {@code update}. */
  private UpdateExpression withGenerated(UpdateExpression update) {
    if (!(schema.mapping instanceof Mapping.Concrete<T> c)) {
      return update;
    }
    TableSchema.Roles roles = schema.rolesOf(c.model.type);
    if (roles == null) {
      return update;
    }
    UpdateExpression u = update;
    for (PropertyModel p : roles.updatedAt()) {
      u = u.set(io.dynamo4j.expr.AttributePath.of(p.attribute), TableSchema.timestamp(p, mapper.clock()));
    }
    for (PropertyModel p : roles.counters()) {
      io.dynamo4j.expr.AttributePath path = io.dynamo4j.expr.AttributePath.of(p.attribute);
      u = u.set(path, io.dynamo4j.expr.SetValue.plus(io.dynamo4j.expr.SetValue.ifNotExists(path,
          AttributeValue.n(p.counterStart - p.counterDelta)), AttributeValue.n(p.counterDelta)));
    }
    return u;
  }

  private T send(Key key, UpdateExpression update, ConditionExpression condition, String versionAttribute,
      BigDecimal expected, boolean userCondition) {
    UpdateItemRequest.Builder b = UpdateItemRequest.builder().tableName(tableName).key(key.toItem())
        .returnValues(ReturnValue.ALL_NEW);
    Expressions.Builder e = Expressions.builder().condition(condition);
    if (!update.isEmpty()) {
      e.update(update);
    }
    e.build().applyTo(b);
    if (versionAttribute != null) {
      b.returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD);
    }
    Item after;
    try {
      after = client.updateItem(b.build()).attributes();
    } catch (ConditionalCheckFailedException x) {
      throw lockFailure(x, versionAttribute, expected, userCondition, key);
    }
    return after == null ? null : schema.fromItem(after);
  }

  // ---------------------------------------------------------------- delete

  /** Deletes the item with this partition key; returns it as it was, or null. */
  public T delete(Object partitionValue) {
    return delete(schema.key(partitionValue), null);
  }

  /** Deletes the item with this key; returns it as it was, or null. */
  public T delete(Object partitionValue, Object sortValue) {
    return delete(schema.key(partitionValue, sortValue), null);
  }

  /** Deletes the item with {@code key}; returns it as it was, or null. */
  public T delete(Key key) {
    return delete(key, null);
  }

  /**
   * Deletes the item with {@code key} if {@code condition} (may be null) holds; returns it as it
   * was, or null.
   *
   * @throws ConditionalCheckFailedException if the condition fails
   */
  public T delete(Key key, ConditionExpression condition) {
    DeleteItemRequest.Builder b = DeleteItemRequest.builder().tableName(tableName).key(key.toItem())
        .returnValues(ReturnValue.ALL_OLD);
    if (condition != null) {
      Expressions.builder().condition(condition).build().applyTo(b);
    }
    Item old = client.deleteItem(b.build()).attributes();
    return old == null ? null : schema.fromItem(old);
  }

  /**
   * Deletes the item of {@code object}'s key; for a versioned class only if the stored version is
   * still the object's. Returns the item as it was, or null.
   *
   * @throws OptimisticLockException if the version check fails
   */
  public T deleteItem(T object) {
    WritePlan plan = WritePlan.delete(schema, object);
    DeleteItemRequest.Builder b = DeleteItemRequest.builder().tableName(tableName).key(plan.key.toItem())
        .returnValues(ReturnValue.ALL_OLD);
    if (plan.versionCondition != null) {
      Expressions.builder().condition(plan.versionCondition).build().applyTo(b);
      b.returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD);
    }
    Item old;
    try {
      old = client.deleteItem(b.build()).attributes();
    } catch (ConditionalCheckFailedException e) {
      throw lockFailure(e, plan.versionAttribute, plan.expectedVersion, false, plan.key);
    }
    return old == null ? null : schema.fromItem(old);
  }

  /** The exception for a failed condition: an {@link OptimisticLockException} when the version caused it. */
  RuntimeException lockFailure(ConditionalCheckFailedException e, String versionAttribute, BigDecimal expected,
      boolean userCondition, Key key) {
    if (versionAttribute == null) {
      return e;
    }
    Item old = e.item();
    AttributeValue stored = old == null ? null : old.get(versionAttribute);
    boolean versionHolds = expected == null ? old == null
        : stored instanceof AttributeValue.N n && n.value().compareTo(expected) == 0;
    if (userCondition && versionHolds) {
      return e;
    }
    String message = expected == null
        ? schema.type().getSimpleName() + " " + key.toItem() + " has no version, so it must be new, but table "
            + tableName + " already holds an item with its key" + (stored == null ? "" : " at version " + stored)
            + "; read the stored item and apply the change to it"
        : schema.type().getSimpleName() + " " + key.toItem() + " was read at version " + expected.toPlainString()
            + " but table " + tableName + " holds " + (old == null ? "no such item (it was deleted)"
                : "version " + (stored == null ? "none" : stored)) + "; read it again and reapply the change";
    OptimisticLockException x = new OptimisticLockException(message, old, expected);
    x.initCause(e);
    return x;
  }

  // ---------------------------------------------------------------- query and scan

  /** A query of the item collection with these partition key values (one, unless the table key has several). */
  public Query<T> query(Object partitionValue) {
    return new Query<>(this, null, List.of(partitionValue));
  }

  /** A scan of the whole table. */
  public Query<T> scan() {
    return new Query<>(this, null, null);
  }

  /** The secondary index {@code indexName}, to query or scan. */
  public MappedIndex<T> index(String indexName) {
    TableSchema.IndexModel index = schema.indexes.get(indexName);
    if (index == null) {
      throw new IllegalArgumentException(schema.type().getSimpleName() + " has no index \"" + indexName
          + "\"; its indexes are " + schema.indexNames());
    }
    return new MappedIndex<>(this, index);
  }

  /** Key attributes that identify an item in a query's results: the table's and the index's. */
  List<String> keyAttributes(TableSchema.IndexModel index) {
    Set<String> names = new LinkedHashSet<>();
    names.add(schema.partition.attribute());
    if (schema.sort != null) {
      names.add(schema.sort.attribute());
    }
    if (index != null) {
      for (TableSchema.KeyAttribute k : index.partition()) {
        names.add(k.attribute());
      }
      for (TableSchema.KeyAttribute k : index.sort()) {
        names.add(k.attribute());
      }
    }
    return List.copyOf(names);
  }

  /** The projection of {@code p}'s attributes plus {@code keys} and the discriminator. */
  ProjectionExpression projectionOf(TableSchema<?> p, List<String> keys) {
    Set<String> names = new LinkedHashSet<>(keys);
    names.addAll(p.attributeNames());
    if (schema.mapping.discriminatorName() != null) {
      names.add(schema.mapping.discriminatorName());
    }
    List<io.dynamo4j.expr.AttributePath> paths = new ArrayList<>();
    for (String n : names) {
      paths.add(io.dynamo4j.expr.AttributePath.of(n));
    }
    return ProjectionExpression.of(paths);
  }

  // ---------------------------------------------------------------- batches

  /**
   * The items with these keys, in the order of the keys (missing ones left out), read with
   * BatchGetItem in requests of 100 keys, unprocessed keys resent with backoff.
   */
  public List<T> getAll(Collection<Key> keys) {
    Map<Key, Item> found = new HashMap<>();
    List<Item> batch = new ArrayList<>(BATCH_GET_MAX);
    Set<Key> distinct = new LinkedHashSet<>(keys);
    for (Key k : distinct) {
      batch.add(k.toItem());
      if (batch.size() == BATCH_GET_MAX) {
        readBatch(batch, found);
        batch = new ArrayList<>(BATCH_GET_MAX);
      }
    }
    if (!batch.isEmpty()) {
      readBatch(batch, found);
    }
    List<T> out = new ArrayList<>(keys.size());
    for (Key k : keys) {
      Item item = found.get(k);
      if (item != null) {
        out.add(schema.fromItem(item));
      }
    }
    return out;
  }

  private void readBatch(List<Item> keys, Map<Key, Item> found) {
    BatchGetItemResponse r = client.batchGetItemAll(b -> b.requestItems(
        Map.of(tableName, KeysAndAttributes.builder().keys(keys).build())));
    List<Item> items = r.responses() == null ? null : r.responses().get(tableName);
    if (items != null) {
      for (Item item : items) {
        found.put(schema.keyOf(item), item);
      }
    }
  }

  /**
   * Writes every object with BatchWriteItem, 25 per request, unprocessed ones resent with
   * backoff. Generated attributes are filled in, but a batch cannot carry conditions, so versions
   * are incremented without being checked.
   */
  public void putAll(Collection<? extends T> objects) {
    List<WriteRequest> writes = new ArrayList<>(objects.size());
    for (T o : objects) {
      writes.add(WriteRequest.builder().putRequest(PutRequest.builder().item(WritePlan.put(schema, o).item).build()).build());
    }
    writeBatches(client, tableName, writes);
  }

  /** Deletes the items with these keys with BatchWriteItem, 25 per request. */
  public void deleteAll(Collection<Key> keys) {
    List<WriteRequest> writes = new ArrayList<>(keys.size());
    for (Key k : keys) {
      writes.add(WriteRequest.builder().deleteRequest(DeleteRequest.builder().key(k.toItem()).build()).build());
    }
    writeBatches(client, tableName, writes);
  }

  static void writeBatches(DynamoClient client, String table, List<WriteRequest> writes) {
    for (int i = 0; i < writes.size(); i += BATCH_WRITE_MAX) {
      List<WriteRequest> chunk = writes.subList(i, Math.min(writes.size(), i + BATCH_WRITE_MAX));
      client.batchWriteItemAll(b -> b.requestItems(Map.of(table, List.copyOf(chunk))));
    }
  }

  @Override
  public String toString() {
    return "MappedTable{" + tableName + ", " + schema.type().getSimpleName() + "}";
  }
}
