package io.dynamo4j.jmh;

import com.amazonaws.services.dynamodbv2.local.embedded.DynamoDBEmbedded;
import com.amazonaws.services.dynamodbv2.local.shared.access.AmazonDynamoDBLocal;
import io.dynamo4j.model.Bytes;
import io.dynamo4j.model.Item;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.Get;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItem;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Amazon's DynamoDB Local, in this JVM ({@code DynamoDBEmbedded}, in memory, telemetry off),
 * through the AWS SDK v2 {@link DynamoDbClient} it hands out. That client calls DynamoDB Local's
 * request handler directly: no HTTP, no JSON, so what is measured is DynamoDB Local itself plus
 * the SDK's request and response objects.
 *
 * <p>DynamoDB Local keeps its data in SQLite through sqlite4java, whose native library the build
 * copies to {@code jmh/target/native} (see {@link #useNativeLibrary()}).
 *
 * <p>Thread-safe: DynamoDB Local serialises what it must.
 */
final class DynamoDbLocalDatabase implements Database {

  /** The name sqlite4java looks for on Linux x86-64 (it also tries the versioned name). */
  static final String SQLITE4JAVA_LIBRARY = "libsqlite4java-linux-amd64.so";

  /** DynamoDB's limit of items per BatchWriteItem request. */
  private static final int BATCH_WRITE_LIMIT = 25;

  private final AmazonDynamoDBLocal local;
  private final DynamoDbClient client;

  private DynamoDbLocalDatabase(AmazonDynamoDBLocal local) {
    this.local = local;
    this.client = local.dynamoDbClient();
  }

  /**
   * A fresh, empty DynamoDB Local in memory. Its argument {@code true} is {@code disableTelemetry}:
   * in DynamoDB Local 2.x, {@code DynamoDBEmbedded.create(Boolean)} means "telemetry off", and an
   * embedded instance without a folder is in memory.
   */
  static DynamoDbLocalDatabase inMemory() {
    useNativeLibrary();
    return new DynamoDbLocalDatabase(DynamoDBEmbedded.create(true));
  }

  /**
   * Points sqlite4java, and DynamoDB Local's own loader, at the native library the build copied to
   * {@code jmh/target/native}: the folder named by {@code -Dsqlite4java.library.path} if it holds
   * the library, else {@code native/} beside the jar or classes folder this class came from, so it
   * works from any working directory. Without the library in either (another OS, say), DynamoDB
   * Local falls back to the copies inside its own jar.
   */
  static void useNativeLibrary() {
    String configured = System.getProperty("sqlite4java.library.path");
    Path folder = besideCodeSource().resolve("native");
    if (configured != null && Files.isRegularFile(Path.of(configured).resolve(SQLITE4JAVA_LIBRARY))) {
      folder = Path.of(configured);
    }
    if (!Files.isRegularFile(folder.resolve(SQLITE4JAVA_LIBRARY))) {
      return;
    }
    String absolute = folder.toAbsolutePath().toString();
    System.setProperty("sqlite4java.library.path", absolute);
    if (System.getProperty("org.sqlite.lib.path") == null) {
      // DynamoDB Local's loader would otherwise copy its bundled library (the same file) to a new
      // file in the temporary folder at every start; this makes it load the one sqlite4java would.
      System.setProperty("org.sqlite.lib.path", absolute);
      System.setProperty("org.sqlite.lib.name", SQLITE4JAVA_LIBRARY);
    }
  }

  /** The folder holding the jar (or classes folder) this class came from. */
  private static Path besideCodeSource() {
    try {
      Path source = Path.of(DynamoDbLocalDatabase.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      return source.toAbsolutePath().getParent();
    } catch (URISyntaxException | RuntimeException e) {
      return Path.of("jmh", "target");
    }
  }

  @Override
  public void createTable(String table, String pk, String sk) {
    client.createTable(CreateTableRequest.builder()
        .tableName(table)
        .keySchema(
            KeySchemaElement.builder().attributeName(pk).keyType(KeyType.HASH).build(),
            KeySchemaElement.builder().attributeName(sk).keyType(KeyType.RANGE).build())
        .attributeDefinitions(
            AttributeDefinition.builder().attributeName(pk).attributeType(ScalarAttributeType.S).build(),
            AttributeDefinition.builder().attributeName(sk).attributeType(ScalarAttributeType.N).build())
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
  @SuppressWarnings("unchecked")
  public void load(String table, List<Object> items) {
    for (int from = 0; from < items.size(); from += BATCH_WRITE_LIMIT) {
      List<WriteRequest> writes = new ArrayList<>(BATCH_WRITE_LIMIT);
      for (Object item : items.subList(from, Math.min(from + BATCH_WRITE_LIMIT, items.size()))) {
        writes.add(WriteRequest.builder()
            .putRequest(PutRequest.builder().item((Map<String, AttributeValue>) item).build())
            .build());
      }
      Map<String, List<WriteRequest>> pending = Map.of(table, writes);
      while (!pending.isEmpty()) {
        BatchWriteItemResponse response = client.batchWriteItem(BatchWriteItemRequest.builder().requestItems(pending).build());
        pending = response.unprocessedItems();
      }
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
    // Not client.close(): that shuts DynamoDB Local down gently, which leaves its shard rollover
    // thread asleep for minutes and the JVM unable to exit. shutdownNow() interrupts it.
    local.shutdownNow();
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
      sdk.l(l.value().stream().map(DynamoDbLocalDatabase::sdkValue).toList());
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
      case L -> io.dynamo4j.model.AttributeValue.l(value.l().stream().map(DynamoDbLocalDatabase::neutralValue).toList());
      case SS -> io.dynamo4j.model.AttributeValue.ss(value.ss());
      case NS -> io.dynamo4j.model.AttributeValue.ns(value.ns());
      case BS -> io.dynamo4j.model.AttributeValue.bs(value.bs().stream().map(bytes -> Bytes.of(bytes.asByteArray())).toList());
      default -> throw new IllegalArgumentException("unknown AWS SDK attribute value " + value);
    };
  }
}
