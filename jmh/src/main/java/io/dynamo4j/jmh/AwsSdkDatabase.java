package io.dynamo4j.jmh;

import io.dynamo4j.model.Bytes;
import io.dynamo4j.model.Item;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.Get;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.ItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItem;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * A target seen through the AWS SDK for Java v2 {@link DynamoDbClient}, the way an application
 * written for DynamoDB calls it: DynamoDB Local in process (the client {@code DynamoDBEmbedded}
 * hands out, which calls its request handler directly, no HTTP), and every server over loopback
 * HTTP (dynamo4j's and DynamoDB Local's, with the SDK's Apache client). Items are the SDK's
 * {@code Map<String, AttributeValue>}, converted from dynamo4j's {@link Item} before measurement.
 *
 * <p>Thread-safe: the SDK client is, and both DynamoDB Local and dynamo4j serialise what they must.
 */
final class AwsSdkDatabase implements Database {

  /** DynamoDB's limit of items per BatchWriteItem request. */
  private static final int BATCH_WRITE_LIMIT = 25;

  private final DynamoDbClient client;
  private final Runnable stop;

  /**
   * Drives {@code client}; {@link #close()} runs {@code stop}, which closes the client (or not:
   * DynamoDB Local's embedded client must not be closed, see {@link DynamoDbLocal}) and stops what
   * it talks to.
   */
  AwsSdkDatabase(DynamoDbClient client, Runnable stop) {
    this.client = client;
    this.stop = stop;
  }

  /**
   * A client of the DynamoDB server at {@code endpoint} (loopback HTTP/1.1, keep-alive), with the
   * AWS SDK's Apache HTTP client, region us-east-1 and a fixed access key, as an application would
   * build it; {@link #close()} closes the client, then runs {@code stopServer}.
   */
  static AwsSdkDatabase overHttp(URI endpoint, Runnable stopServer) {
    DynamoDbClient client = DynamoDbClient.builder()
        .endpointOverride(endpoint)
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("bench", "bench")))
        .httpClient(ApacheHttpClient.builder().build())
        .build();
    return new AwsSdkDatabase(client, () -> {
      try {
        client.close();
      } finally {
        stopServer.run();
      }
    });
  }

  @Override
  public void createTable(String table) {
    client.createTable(CreateTableRequest.builder()
        .tableName(table)
        .keySchema(
            KeySchemaElement.builder().attributeName(Dataset.PK).keyType(KeyType.HASH).build(),
            KeySchemaElement.builder().attributeName(Dataset.SK).keyType(KeyType.RANGE).build())
        .attributeDefinitions(
            AttributeDefinition.builder().attributeName(Dataset.PK).attributeType(ScalarAttributeType.S).build(),
            AttributeDefinition.builder().attributeName(Dataset.SK).attributeType(ScalarAttributeType.N).build(),
            AttributeDefinition.builder().attributeName(Dataset.GROUP).attributeType(ScalarAttributeType.S).build())
        .globalSecondaryIndexes(GlobalSecondaryIndex.builder()
            .indexName(Dataset.GSI)
            .keySchema(KeySchemaElement.builder().attributeName(Dataset.GROUP).keyType(KeyType.HASH).build())
            .projection(Projection.builder().projectionType(ProjectionType.ALL).build())
            .build())
        .billingMode(BillingMode.PAY_PER_REQUEST)
        .build());
  }

  @Override
  public Object item(Item item) {
    return sdkItem(item);
  }

  @Override
  public Object key(Item key) {
    return sdkItem(key);
  }

  @Override
  public void load(String table, List<Object> items) {
    for (int from = 0; from < items.size(); from += BATCH_WRITE_LIMIT) {
      batchPut(table, items.subList(from, Math.min(from + BATCH_WRITE_LIMIT, items.size())).toArray());
    }
  }

  @Override
  @SuppressWarnings("unchecked")
  public void putItem(String table, Object item) {
    client.putItem(PutItemRequest.builder()
        .tableName(table)
        .item((Map<String, AttributeValue>) item)
        .build());
  }

  @Override
  @SuppressWarnings("unchecked")
  public boolean putIfAbsent(String table, Object item) {
    try {
      client.putItem(PutItemRequest.builder()
          .tableName(table)
          .item((Map<String, AttributeValue>) item)
          .conditionExpression("attribute_not_exists(pk)")
          .build());
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    }
  }

  @Override
  @SuppressWarnings("unchecked")
  public void batchPut(String table, Object[] items) {
    List<WriteRequest> writes = new ArrayList<>(items.length);
    for (Object item : items) {
      writes.add(WriteRequest.builder()
          .putRequest(PutRequest.builder().item((Map<String, AttributeValue>) item).build())
          .build());
    }
    Map<String, List<WriteRequest>> pending = Map.of(table, writes);
    while (!pending.isEmpty()) {
      pending = client.batchWriteItem(BatchWriteItemRequest.builder().requestItems(pending).build()).unprocessedItems();
    }
  }

  @Override
  @SuppressWarnings("unchecked")
  public Object getItem(String table, Object key) {
    return client.getItem(GetItemRequest.builder()
        .tableName(table)
        .key((Map<String, AttributeValue>) key)
        .build()).item();
  }

  @Override
  public Object value(io.dynamo4j.model.AttributeValue value) {
    return sdkValue(value);
  }

  @Override
  @SuppressWarnings("unchecked")
  public void updateSet(String table, Object key, String attribute, Object value) {
    client.updateItem(UpdateItemRequest.builder().tableName(table).key((Map<String, AttributeValue>) key)
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
    Map<String, AttributeValue> start = null;
    do {
      ScanResponse r = client.scan(ScanRequest.builder().tableName(table).limit(count - read).exclusiveStartKey(start).build());
      read += r.items().size();
      start = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? r.lastEvaluatedKey() : null;
    } while (start != null && read < count);
    return read;
  }

  @Override
  @SuppressWarnings("unchecked")
  public void transactPut(String table, Object[] items) {
    TransactWriteItem[] puts = new TransactWriteItem[items.length];
    for (int i = 0; i < items.length; i++) {
      puts[i] = TransactWriteItem.builder()
          .put(Put.builder().tableName(table).item((Map<String, AttributeValue>) items[i]).build())
          .build();
    }
    client.transactWriteItems(TransactWriteItemsRequest.builder().transactItems(puts).build());
  }

  @Override
  @SuppressWarnings("unchecked")
  public int transactGet(String table, Object[] keys) {
    TransactGetItem[] gets = new TransactGetItem[keys.length];
    for (int i = 0; i < keys.length; i++) {
      gets[i] = TransactGetItem.builder()
          .get(Get.builder().tableName(table).key((Map<String, AttributeValue>) keys[i]).build())
          .build();
    }
    int found = 0;
    for (ItemResponse r : client.transactGetItems(TransactGetItemsRequest.builder().transactItems(gets).build()).responses()) {
      // the SDK answers "no item" with an empty map
      if (r.hasItem() && !r.item().isEmpty()) {
        found++;
      }
    }
    return found;
  }

  @Override
  @SuppressWarnings("unchecked")
  public Item neutral(Object item) {
    Map<String, AttributeValue> map = (Map<String, AttributeValue>) item;
    // The SDK answers "no item" with an empty map where DynamoDB sends no Item member.
    return map == null || map.isEmpty() ? null : neutralItem(map);
  }

  @Override
  public void close() {
    stop.run();
  }

  // ---------------------------------------------------------------- conversions, outside measurement

  static Map<String, AttributeValue> sdkItem(Item item) {
    Map<String, AttributeValue> map = new LinkedHashMap<>();
    item.forEach((name, value) -> map.put(name, sdkValue(value)));
    return map;
  }

  static AttributeValue sdkValue(io.dynamo4j.model.AttributeValue value) {
    var sdk = AttributeValue.builder();
    if (value instanceof io.dynamo4j.model.AttributeValue.S s) {
      sdk.s(s.value());
    } else if (value instanceof io.dynamo4j.model.AttributeValue.N n) {
      sdk.n(n.text());
    } else if (value instanceof io.dynamo4j.model.AttributeValue.B b) {
      sdk.b(SdkBytes.fromByteArray(b.value().toByteArray()));
    } else if (value instanceof io.dynamo4j.model.AttributeValue.Bool bool) {
      sdk.bool(bool.value());
    } else if (value instanceof io.dynamo4j.model.AttributeValue.Null) {
      sdk.nul(true);
    } else if (value instanceof io.dynamo4j.model.AttributeValue.M m) {
      sdk.m(sdkItem(m.value()));
    } else if (value instanceof io.dynamo4j.model.AttributeValue.L l) {
      sdk.l(l.value().stream().map(AwsSdkDatabase::sdkValue).toList());
    } else if (value instanceof io.dynamo4j.model.AttributeValue.SS ss) {
      sdk.ss(ss.value());
    } else if (value instanceof io.dynamo4j.model.AttributeValue.NS ns) {
      sdk.ns(ns.texts());
    } else if (value instanceof io.dynamo4j.model.AttributeValue.BS bs) {
      sdk.bs(bs.value().stream().map(bytes -> SdkBytes.fromByteArray(bytes.toByteArray())).toList());
    } else {
      throw new IllegalArgumentException("no AWS SDK form for " + value);
    }
    return sdk.build();
  }

  static Item neutralItem(Map<String, AttributeValue> map) {
    Item.Builder item = Item.builder(map.size());
    map.forEach((name, value) -> item.put(name, neutralValue(value)));
    return item.build();
  }

  static io.dynamo4j.model.AttributeValue neutralValue(AttributeValue value) {
    return switch (value.type()) {
      case S -> io.dynamo4j.model.AttributeValue.s(value.s());
      case N -> io.dynamo4j.model.AttributeValue.n(value.n());
      case B -> io.dynamo4j.model.AttributeValue.b(value.b().asByteArray());
      case BOOL -> io.dynamo4j.model.AttributeValue.bool(value.bool());
      case NUL -> io.dynamo4j.model.AttributeValue.nul();
      case M -> io.dynamo4j.model.AttributeValue.m(neutralItem(value.m()));
      case L -> io.dynamo4j.model.AttributeValue.l(value.l().stream().map(AwsSdkDatabase::neutralValue).toList());
      case SS -> io.dynamo4j.model.AttributeValue.ss(value.ss());
      case NS -> io.dynamo4j.model.AttributeValue.ns(value.ns());
      case BS -> io.dynamo4j.model.AttributeValue.bs(value.bs().stream().map(bytes -> Bytes.of(bytes.asByteArray())).toList());
      default -> throw new IllegalArgumentException("unknown AWS SDK attribute value " + value);
    };
  }
}
