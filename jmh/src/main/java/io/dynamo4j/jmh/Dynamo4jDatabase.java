package io.dynamo4j.jmh;

import io.dynamo4j.DynamoClient;
import io.dynamo4j.api.AttributeDefinition;
import io.dynamo4j.api.BatchWriteItemRequest;
import io.dynamo4j.api.BillingMode;
import io.dynamo4j.api.CreateTableRequest;
import io.dynamo4j.api.Get;
import io.dynamo4j.api.GetItemRequest;
import io.dynamo4j.api.GlobalSecondaryIndex;
import io.dynamo4j.api.ItemResponse;
import io.dynamo4j.api.KeySchemaElement;
import io.dynamo4j.api.Projection;
import io.dynamo4j.api.Put;
import io.dynamo4j.api.PutItemRequest;
import io.dynamo4j.api.PutRequest;
import io.dynamo4j.api.QueryRequest;
import io.dynamo4j.api.QueryResponse;
import io.dynamo4j.api.ScanRequest;
import io.dynamo4j.api.ScanResponse;
import io.dynamo4j.api.TransactGetItem;
import io.dynamo4j.api.TransactGetItemsRequest;
import io.dynamo4j.api.TransactWriteItem;
import io.dynamo4j.api.TransactWriteItemsRequest;
import io.dynamo4j.api.UpdateItemRequest;
import io.dynamo4j.api.WriteRequest;
import io.dynamo4j.engine.EngineConfig;
import io.dynamo4j.engine.disk.DiskEngine;
import io.dynamo4j.engine.disk.DiskOptions;
import io.dynamo4j.error.ConditionalCheckFailedException;
import io.dynamo4j.model.AttributeValue;
import io.dynamo4j.model.Item;
import io.dynamo4j.spi.Engine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A dynamo4j engine through {@link DynamoClient}, the way an application calls it. Items are
 * dynamo4j {@link Item}s already, so {@link #item} and {@link #key} return what they are given.
 * Thread-safe.
 */
final class Dynamo4jDatabase implements Database {

  private final Engine engine;
  private final DynamoClient client;

  /** Deleted after the engine closes; null for engines that keep nothing on disk. */
  private final Path folder;

  Dynamo4jDatabase(Engine engine) {
    this(engine, null);
  }

  private Dynamo4jDatabase(Engine engine, Path folder) {
    this.engine = engine;
    this.client = DynamoClient.create(engine);
    this.folder = folder;
  }

  /** A fresh disk engine with {@code options} over a new temporary folder, deleted at close. */
  static Dynamo4jDatabase onDisk(DiskOptions options) {
    Path folder;
    try {
      folder = Files.createTempDirectory("dynamo4j-disk-bench");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Dynamo4jDatabase(DiskEngine.open(folder, options, EngineConfig.defaults()), folder);
  }

  @Override
  public void createTable(String table) {
    client.createTable(CreateTableRequest.builder()
        .tableName(table)
        .keySchema(KeySchemaElement.hash(Dataset.PK), KeySchemaElement.range(Dataset.SK))
        .attributeDefinitions(AttributeDefinition.string(Dataset.PK), AttributeDefinition.number(Dataset.SK),
            AttributeDefinition.string(Dataset.GROUP))
        .globalSecondaryIndexes(GlobalSecondaryIndex.builder()
            .indexName(Dataset.GSI)
            .keySchema(KeySchemaElement.hash(Dataset.GROUP))
            .projection(Projection.all())
            .build())
        .billingMode(BillingMode.PAY_PER_REQUEST)
        .build());
  }

  @Override
  public Object item(Item item) {
    return item;
  }

  @Override
  public Object key(Item key) {
    return key;
  }

  @Override
  public void load(String table, List<Object> items) {
    // A put costs microseconds: one by one.
    for (Object item : items) {
      putItem(table, item);
    }
  }

  @Override
  public void putItem(String table, Object item) {
    client.putItem(PutItemRequest.builder().tableName(table).item((Item) item).build());
  }

  @Override
  public boolean putIfAbsent(String table, Object item) {
    try {
      client.putItem(PutItemRequest.builder().tableName(table).item((Item) item)
          .conditionExpression("attribute_not_exists(pk)")
          .build());
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    }
  }

  @Override
  public void batchPut(String table, Object[] items) {
    List<WriteRequest> writes = new ArrayList<>(items.length);
    for (Object item : items) {
      writes.add(WriteRequest.builder().putRequest(PutRequest.builder().item((Item) item).build()).build());
    }
    Map<String, List<WriteRequest>> pending = Map.of(table, writes);
    while (!pending.isEmpty()) {
      pending = client.batchWriteItem(BatchWriteItemRequest.builder().requestItems(pending).build()).unprocessedItems();
    }
  }

  @Override
  public Object getItem(String table, Object key) {
    return client.getItem(GetItemRequest.builder().tableName(table).key((Item) key).build()).item();
  }

  @Override
  public Object value(AttributeValue value) {
    return value;
  }

  @Override
  public void updateSet(String table, Object key, String attribute, Object value) {
    client.updateItem(UpdateItemRequest.builder().tableName(table).key((Item) key)
        .updateExpression("SET #a = :v")
        .expressionAttributeNames(Map.of("#a", attribute))
        .expressionAttributeValues(Map.of(":v", (AttributeValue) value))
        .build());
  }

  @Override
  public int query(String table, Object partitionValue) {
    QueryResponse r = client.query(QueryRequest.builder().tableName(table)
        .keyConditionExpression("pk = :p")
        .expressionAttributeValues(Map.of(":p", (AttributeValue) partitionValue))
        .build());
    return r.items().size();
  }

  @Override
  public int queryIndex(String table, Object groupValue, int limit) {
    QueryResponse r = client.query(QueryRequest.builder().tableName(table).indexName(Dataset.GSI)
        .keyConditionExpression("g = :g")
        .expressionAttributeValues(Map.of(":g", (AttributeValue) groupValue))
        .limit(limit)
        .build());
    return r.items().size();
  }

  @Override
  public int scan(String table, int count) {
    int read = 0;
    Item start = null;
    do {
      ScanResponse r = client.scan(ScanRequest.builder().tableName(table).limit(count - read).exclusiveStartKey(start).build());
      read += r.items().size();
      start = r.lastEvaluatedKey();
    } while (start != null && read < count);
    return read;
  }

  @Override
  public void transactPut(String table, Object[] items) {
    TransactWriteItem[] puts = new TransactWriteItem[items.length];
    for (int i = 0; i < items.length; i++) {
      puts[i] = TransactWriteItem.builder().put(Put.builder().tableName(table).item((Item) items[i]).build()).build();
    }
    client.transactWriteItems(TransactWriteItemsRequest.builder().transactItems(puts).build());
  }

  @Override
  public int transactGet(String table, Object[] keys) {
    TransactGetItem[] gets = new TransactGetItem[keys.length];
    for (int i = 0; i < keys.length; i++) {
      gets[i] = TransactGetItem.builder().get(Get.builder().tableName(table).key((Item) keys[i]).build()).build();
    }
    int found = 0;
    for (ItemResponse r : client.transactGetItems(TransactGetItemsRequest.builder().transactItems(gets).build()).responses()) {
      if (r.item() != null) {
        found++;
      }
    }
    return found;
  }

  @Override
  public Item neutral(Object item) {
    return (Item) item;
  }

  @Override
  public void close() {
    client.close();
    engine.close();
    if (folder != null) {
      DynamoDbLocal.deleteRecursively(folder);
    }
  }
}
