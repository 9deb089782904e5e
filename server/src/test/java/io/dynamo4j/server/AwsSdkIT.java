package io.dynamo4j.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import io.dynamo4j.DynamoClient;
import io.dynamo4j.api.Operation;
import io.dynamo4j.engine.EngineConfig;
import io.dynamo4j.engine.LocalEngine;
import io.dynamo4j.engine.TestClock;
import io.dynamo4j.engine.memory.MemoryEngine;
import io.dynamo4j.error.ConditionalCheckFailedException;
import io.dynamo4j.error.DynamoException;
import io.dynamo4j.error.InternalServerError;
import io.dynamo4j.error.TransactionCanceledException;
import io.dynamo4j.error.UnknownOperationException;
import io.dynamo4j.json.DynamoJson;
import io.dynamo4j.json.WireCodec;
import io.dynamo4j.model.Item;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbAsyncTable;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedAsyncClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The AWS SDK for Java v2 (sync and async clients, and the Enhanced Client) against dynamo4j, over
 * real HTTP on 127.0.0.1 and through the in-process HTTP clients. Every call is checked against
 * what the engine answered in process for the same request: {@link RecordingEngine} records the
 * engine's own request, response or exception, and {@link #exchange} asserts that the engine got
 * exactly the request the test sent and that the SDK saw exactly the engine's answer (results as
 * DynamoDB JSON; errors by code, message and HTTP status).
 *
 * <p>{@link #everyOperation_sampleRequest_sdkSeesWhatTheEngineAnswered} covers every operation of
 * the Engine SPI generically, whatever the engine implements today (operations it does not
 * implement yet come back as UnknownOperationException). The other tests exercise what the engine
 * implements in detail; a newly implemented operation gets one method here.
 */
class AwsSdkIT {

  private static RecordingEngine recording;
  private static LocalEngine engine;
  private static DynamoServer server;
  private static DynamoClient inProcess;
  private static final Map<SdkTransport, SdkTransport.Clients> CLIENTS = new EnumMap<>(SdkTransport.class);

  @BeforeAll
  static void start() {
    engine = MemoryEngine.create(EngineConfig.builder().clock(new TestClock()).build());
    recording = new RecordingEngine(engine);
    server = DynamoServer.builder().engine(recording.engine()).port(0).start();
    inProcess = DynamoClient.create(engine);
    for (SdkTransport t : SdkTransport.values()) {
      CLIENTS.put(t, t.open(server));
    }
  }

  @AfterAll
  static void stop() throws Exception {
    for (SdkTransport.Clients c : CLIENTS.values()) {
      c.close();
    }
    server.close();
    engine.close();
  }

  // ---------------------------------------------------------------------------------------------
  // Every operation

  static Stream<Arguments> everyOperationOverEveryTransport() {
    List<Arguments> cases = new ArrayList<>();
    for (Operation op : Operation.values()) {
      for (SdkTransport t : SdkTransport.values()) {
        cases.add(Arguments.of(op, t));
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} over {1}")
  @MethodSource("everyOperationOverEveryTransport")
  void everyOperation_sampleRequest_sdkSeesWhatTheEngineAnswered(Operation op, SdkTransport transport) {
    String table = "every-" + op.wireName() + "-" + transport;
    if (op != Operation.CREATE_TABLE) {
      exchange(transport, Operation.CREATE_TABLE, Samples.request(Operation.CREATE_TABLE, table));
      exchange(transport, Operation.PUT_ITEM, Samples.request(Operation.PUT_ITEM, table));
    }
    exchange(transport, op, Samples.request(op, table));
  }

  // ---------------------------------------------------------------------------------------------
  // What the engine implements, one test each

  @ParameterizedTest
  @EnumSource(SdkTransport.class)
  void createTable_withGlobalSecondaryIndex_descriptionIsTheEngines(SdkTransport transport) {
    String table = "create-" + transport;
    Exchange created = exchange(transport, Operation.CREATE_TABLE, Samples.request(Operation.CREATE_TABLE, table));
    assertThat(SdkShapes.at(created.sdkView(), "TableDescription", "TableName")).isEqualTo(table);
    assertThat(SdkShapes.at(created.sdkView(), "TableDescription", "GlobalSecondaryIndexes", 0, "IndexName")).isEqualTo("byG");

    Exchange described = exchange(transport, Operation.DESCRIBE_TABLE, "{\"TableName\":\"" + table + "\"}");
    assertThat(SdkShapes.at(described.sdkView(), "Table", "TableStatus")).isEqualTo("ACTIVE");
  }

  @ParameterizedTest
  @EnumSource(SdkTransport.class)
  void createTable_twice_resourceInUse(SdkTransport transport) {
    String table = "twice-" + transport;
    exchange(transport, Operation.CREATE_TABLE, Samples.request(Operation.CREATE_TABLE, table));
    Exchange again = exchange(transport, Operation.CREATE_TABLE, Samples.request(Operation.CREATE_TABLE, table));
    assertThat(again.error().awsErrorDetails().errorCode()).isEqualTo("ResourceInUseException");
  }

  @ParameterizedTest
  @EnumSource(SdkTransport.class)
  void describeTable_missingTable_resourceNotFoundWithDynamoDbsMessage(SdkTransport transport) {
    Exchange e = exchange(transport, Operation.DESCRIBE_TABLE, "{\"TableName\":\"no-such-table\"}");
    assertThat(e.error()).isInstanceOf(ResourceNotFoundException.class);
    assertThat(e.error().awsErrorDetails().errorMessage())
        .isEqualTo("Requested resource not found: Table: no-such-table not found");
    assertThat(e.error().statusCode()).isEqualTo(400);
  }

  @ParameterizedTest
  @EnumSource(SdkTransport.class)
  void putItem_everyAttributeType_getItemReturnsItThroughSdkAndInProcess(SdkTransport transport) {
    String table = "types-" + transport;
    exchange(transport, Operation.CREATE_TABLE, Samples.request(Operation.CREATE_TABLE, table));
    exchange(transport, Operation.PUT_ITEM, Samples.request(Operation.PUT_ITEM, table));
    Exchange got = exchange(transport, Operation.GET_ITEM, Samples.request(Operation.GET_ITEM, table));

    Item stored = inProcess.getItem(g -> g.tableName(table)
        .key(DynamoJson.readItem("{\"pk\":{\"S\":\"a\"},\"sk\":{\"N\":\"1\"}}"))).item();
    assertThat(stored).isNotNull();
    assertThat(SdkShapes.at(got.sdkView(), "Item")).isEqualTo(SdkShapes.parse(DynamoJson.writeItem(stored)));
    assertThat((java.util.List<?>) SdkShapes.at(got.sdkView(), "Item", "data", "M", "ns", "NS")).hasSize(2);
  }

  @ParameterizedTest
  @EnumSource(SdkTransport.class)
  void putItem_typedSdkCall_overwritesAndReturnsOldItem(SdkTransport transport) {
    String table = "typed-" + transport;
    exchange(transport, Operation.CREATE_TABLE, Samples.request(Operation.CREATE_TABLE, table));
    Map<String, AttributeValue> item = Map.of("pk", AttributeValue.fromS("k"), "sk", AttributeValue.fromN("7"),
        "v", AttributeValue.fromS("first"));
    Map<String, AttributeValue> key = Map.of("pk", AttributeValue.fromS("k"), "sk", AttributeValue.fromN("7"));
    GetItemResponse got;
    if (transport.async()) {
      var ddb = CLIENTS.get(transport).async();
      ddb.putItem(p -> p.tableName(table).item(item)).join();
      got = ddb.getItem(g -> g.tableName(table).key(key).consistentRead(true)).join();
    } else {
      var ddb = CLIENTS.get(transport).sync();
      ddb.putItem(p -> p.tableName(table).item(item));
      got = ddb.getItem(g -> g.tableName(table).key(key).consistentRead(true));
    }
    assertThat(got.item()).isEqualTo(item);
    // The SDK's view of ReturnValues equals the engine's, whatever the engine returns (checked by exchange).
    exchange(transport, Operation.PUT_ITEM, "{\"TableName\":\"" + table
        + "\",\"Item\":{\"pk\":{\"S\":\"k\"},\"sk\":{\"N\":\"7\"},\"v\":{\"S\":\"second\"}},\"ReturnValues\":\"ALL_OLD\"}");
    Item now = inProcess.getItem(g -> g.tableName(table).key(DynamoJson.readItem("{\"pk\":{\"S\":\"k\"},\"sk\":{\"N\":\"7\"}}"))).item();
    assertThat(now.getS("v")).isEqualTo("second");
  }

  @ParameterizedTest
  @EnumSource(SdkTransport.class)
  void getItem_keyOfWrongType_validationExceptionWithDynamoDbsMessage(SdkTransport transport) {
    String table = "wrongkey-" + transport;
    exchange(transport, Operation.CREATE_TABLE, Samples.request(Operation.CREATE_TABLE, table));
    Exchange e = exchange(transport, Operation.GET_ITEM,
        "{\"TableName\":\"" + table + "\",\"Key\":{\"pk\":{\"N\":\"1\"},\"sk\":{\"N\":\"1\"}}}");
    assertThat(e.error().awsErrorDetails().errorCode()).isEqualTo("ValidationException");
    assertThat(e.error().statusCode()).isEqualTo(400);
  }

  @ParameterizedTest
  @EnumSource(SdkTransport.class)
  void getItem_missingTable_resourceNotFound(SdkTransport transport) {
    Exchange e = exchange(transport, Operation.GET_ITEM, Samples.request(Operation.GET_ITEM, "no-such-table"));
    assertThat(e.error()).isInstanceOf(ResourceNotFoundException.class);
  }

  @ParameterizedTest
  @EnumSource(SdkTransport.class)
  void getItem_responseOver4KbWithAcceptEncodingGzip_sdkInflatesAndChecksCrc(SdkTransport transport) throws Exception {
    String table = "gzip-" + transport;
    exchange(transport, Operation.CREATE_TABLE, Samples.request(Operation.CREATE_TABLE, table));
    String big = "x".repeat(20_000);
    inProcess.putItem(p -> p.tableName(table).item(DynamoJson.readItem(
        "{\"pk\":{\"S\":\"big\"},\"sk\":{\"N\":\"1\"},\"text\":{\"S\":\"" + big + "\"}}")));
    Map<String, AttributeValue> key = Map.of("pk", AttributeValue.fromS("big"), "sk", AttributeValue.fromN("1"));
    GetItemResponse got;
    if (transport.async()) {
      got = CLIENTS.get(transport).async().getItem(g -> g.tableName(table).key(key)
          .overrideConfiguration(o -> o.putHeader("Accept-Encoding", "gzip"))).join();
    } else {
      got = CLIENTS.get(transport).sync().getItem(g -> g.tableName(table).key(key)
          .overrideConfiguration(o -> o.putHeader("Accept-Encoding", "gzip")));
    }
    assertThat(got.item().get("text").s()).isEqualTo(big);
    assertThat(got.sdkHttpResponse().firstMatchingHeader("Content-Encoding")).contains("gzip");
  }

  @ParameterizedTest
  @EnumSource(value = SdkTransport.class, names = {"HTTP_SYNC", "IN_PROCESS_SYNC"})
  void enhancedClient_createTablePutGet_roundTripsTheBean(SdkTransport transport) {
    DynamoDbEnhancedClient enhanced = DynamoDbEnhancedClient.builder().dynamoDbClient(CLIENTS.get(transport).sync()).build();
    DynamoDbTable<Order> orders = enhanced.table("orders-" + transport, TableSchema.fromBean(Order.class));
    orders.createTable();
    orders.putItem(new Order("o-1", "12.50", List.of("apple", "pear")));

    Order got = orders.getItem(Key.builder().partitionValue("o-1").build());

    assertThat(got).isEqualTo(new Order("o-1", "12.50", List.of("apple", "pear")));
    Item raw = inProcess.getItem(g -> g.tableName("orders-" + transport)
        .key(Item.of("id", io.dynamo4j.model.AttributeValue.s("o-1")))).item();
    assertThat(raw.getS("total")).isEqualTo("12.50");
  }

  @ParameterizedTest
  @EnumSource(value = SdkTransport.class, names = {"HTTP_ASYNC", "IN_PROCESS_ASYNC"})
  void enhancedAsyncClient_createTablePutGet_roundTripsTheBean(SdkTransport transport) {
    DynamoDbEnhancedAsyncClient enhanced =
        DynamoDbEnhancedAsyncClient.builder().dynamoDbClient(CLIENTS.get(transport).async()).build();
    DynamoDbAsyncTable<Order> orders = enhanced.table("orders-" + transport, TableSchema.fromBean(Order.class));
    orders.createTable().join();
    orders.putItem(new Order("o-2", "3", List.of())).join();

    assertThat(orders.getItem(Key.builder().partitionValue("o-2").build()).join())
        .isEqualTo(new Order("o-2", "3", List.of()));
    assertThat(orders.getItem(Key.builder().partitionValue("missing").build()).join()).isNull();
  }

  @ParameterizedTest
  @EnumSource(value = SdkTransport.class, names = {"HTTP_SYNC", "IN_PROCESS_SYNC"})
  void typedClient_createTableWithProvisionedThroughput_describeTableAgrees(SdkTransport transport) {
    var ddb = CLIENTS.get(transport).sync();
    String table = "provisioned-" + transport;
    ddb.createTable(c -> c.tableName(table)
        .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
        .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
        .billingMode(BillingMode.PROVISIONED)
        .provisionedThroughput(p -> p.readCapacityUnits(5L).writeCapacityUnits(3L)));
    var described = ddb.describeTable(d -> d.tableName(table)).table();
    var reference = inProcess.describeTable(d -> d.tableName(table)).table();
    assertThat(described.provisionedThroughput().readCapacityUnits()).isEqualTo(5L);
    assertThat(described.tableArn()).isEqualTo(reference.tableArn());
    assertThat(described.creationDateTime()).isEqualTo(reference.creationDateTime());
  }

  @ParameterizedTest
  @EnumSource(value = SdkTransport.class, names = {"HTTP_SYNC", "IN_PROCESS_SYNC"})
  void typedClient_missingTable_throwsTheSdksModeledException(SdkTransport transport) {
    assertThatThrownBy(() -> CLIENTS.get(transport).sync().describeTable(d -> d.tableName("nope")))
        .isInstanceOf(ResourceNotFoundException.class)
        .hasMessageStartingWith("Requested resource not found: Table: nope not found");
  }

  // ---------------------------------------------------------------------------------------------

  /** What one call looked like through the SDK: its view of the result (as JSON) or its exception. */
  record Exchange(Object sdkView, AwsServiceException error) {}

  /**
   * Sends {@code json} as an {@code op} request through {@code transport}'s SDK client and checks
   * it against the engine's own in-process answer to the same request.
   */
  private static Exchange exchange(SdkTransport transport, Operation op, String json) {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    Object sdkRequest = SdkShapes.build(() -> builderOf(op), SdkShapes.parse(body));
    recording.clear();
    Object sdkResponse = null;
    AwsServiceException sdkError = null;
    try {
      sdkResponse = CLIENTS.get(transport).call(op, sdkRequest);
    } catch (AwsServiceException e) {
      sdkError = e;
    }
    List<RecordingEngine.Call> calls = recording.calls();
    if (calls.size() != 1) {
      fail(op + " over " + transport + " reached the engine " + calls.size() + " times; SDK error: " + sdkError);
    }
    RecordingEngine.Call call = calls.get(0);
    assertThat(call.op()).isEqualTo(op);
    assertThat(call.request()).as("the request the engine got").isEqualTo(WireCodec.readRequest(op, body));
    if (call.error() == null) {
      assertThat(sdkError).as("%s over %s", op, transport).isNull();
      Object expected = SdkShapes.parse(WireCodec.writeResponse(op, call.response()));
      Object view = SdkShapes.tree((SdkPojo) sdkResponse);
      assertThat(view).as("%s over %s", op, transport).isEqualTo(expected);
      return new Exchange(view, null);
    }
    DynamoException expected = asServerAnswers(op, call.error());
    assertThat(sdkError).as("%s over %s: expected %s", op, transport, expected).isNotNull();
    assertThat(sdkError.awsErrorDetails().errorCode()).isEqualTo(expected.errorCode());
    assertThat(sdkError.awsErrorDetails().errorMessage()).isEqualTo(expected.getMessage());
    assertThat(sdkError.statusCode()).isEqualTo(expected.statusCode());
    if (expected instanceof ConditionalCheckFailedException ccf && ccf.item() != null) {
      var sdkCcf = (software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException) sdkError;
      assertThat(itemTree(sdkCcf.item())).isEqualTo(SdkShapes.parse(DynamoJson.writeItem(ccf.item())));
    }
    if (expected instanceof TransactionCanceledException tce) {
      var sdkTce = (software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException) sdkError;
      assertThat(sdkTce.cancellationReasons()).hasSize(tce.cancellationReasons().size());
    }
    return new Exchange(null, sdkError);
  }

  /** What the server answers for an exception of the engine (see DynamoProtocol's class comment). */
  private static DynamoException asServerAnswers(Operation op, Throwable error) {
    if (error instanceof DynamoException e) {
      return e;
    }
    if (error instanceof UnsupportedOperationException u) {
      return new UnknownOperationException(u.getMessage() != null ? u.getMessage() : op.wireName() + " is not implemented yet");
    }
    return new InternalServerError("The server encountered an internal error trying to fulfill the request.");
  }

  private static Object itemTree(Map<String, AttributeValue> item) {
    Map<String, Object> node = new java.util.LinkedHashMap<>();
    item.forEach((k, v) -> node.put(k, SdkShapes.tree(v)));
    return node;
  }

  private static Object builderOf(Operation op) {
    try {
      return Class.forName("software.amazon.awssdk.services.dynamodb.model." + op.wireName() + "Request")
          .getMethod("builder").invoke(null);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("the AWS SDK has no " + op.wireName() + "Request", e);
    }
  }

  /** A bean for the Enhanced Client. */
  @DynamoDbBean
  public static class Order {
    private String id;
    private String total;
    private List<String> lines;

    public Order() {}

    Order(String id, String total, List<String> lines) {
      this.id = id;
      this.total = total;
      this.lines = lines;
    }

    @DynamoDbPartitionKey
    public String getId() {
      return id;
    }

    public void setId(String id) {
      this.id = id;
    }

    public String getTotal() {
      return total;
    }

    public void setTotal(String total) {
      this.total = total;
    }

    public List<String> getLines() {
      return lines;
    }

    public void setLines(List<String> lines) {
      this.lines = lines;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Order other && java.util.Objects.equals(id, other.id)
          && java.util.Objects.equals(total, other.total) && java.util.Objects.equals(lines, other.lines);
    }

    @Override
    public int hashCode() {
      return java.util.Objects.hash(id, total, lines);
    }

    @Override
    public String toString() {
      return "Order[" + id + ", " + total + ", " + lines + "]";
    }
  }
}
