package io.dynamo4j.junit;

import static io.dynamo4j.model.AttributeValue.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.dynamo4j.ClientConfig;
import io.dynamo4j.DynamoClient;
import io.dynamo4j.api.BatchGetItemResponse;
import io.dynamo4j.api.BatchWriteItemRequest;
import io.dynamo4j.api.BatchWriteItemResponse;
import io.dynamo4j.api.CancellationReason;
import io.dynamo4j.api.KeysAndAttributes;
import io.dynamo4j.api.Operation;
import io.dynamo4j.api.Put;
import io.dynamo4j.api.PutRequest;
import io.dynamo4j.api.TransactWriteItem;
import io.dynamo4j.api.WriteRequest;
import io.dynamo4j.engine.TestClock;
import io.dynamo4j.error.DynamoException;
import io.dynamo4j.error.InternalServerError;
import io.dynamo4j.error.ProvisionedThroughputExceededException;
import io.dynamo4j.error.ThrottlingException;
import io.dynamo4j.error.TransactionCanceledException;
import io.dynamo4j.error.TransactionConflictException;
import io.dynamo4j.mapper.MappedTable;
import io.dynamo4j.mapper.TransactWrite;
import io.dynamo4j.mapper.TransactionFailedException;
import io.dynamo4j.model.Item;
import io.dynamo4j.model.Key;
import io.dynamo4j.spi.Engine;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Faults injected declaratively and from the test: throttling, conflicts, internal errors, latency. */
@DynamoTest(tables = {Order.class, Account.class}, tableDefinitions = "tables/metered.json")
class FaultsTest {

  static final String ON_DEMAND_MESSAGE = "Throughput exceeds the current capacity of your table or index. DynamoDB is "
      + "automatically scaling your table or index so please try again shortly. If exceptions persist, check if you have a "
      + "hot key: https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/bp-partition-key-design.html";
  static final String PROVISIONED_MESSAGE = "The level of configured provisioned throughput for the table was exceeded. "
      + "Consider increasing your provisioning level with the UpdateTable API.";

  static void put(Engine engine, String table, String id) {
    engine.putItem(r -> r.tableName(table).item(Item.of(table.equals("Metered") ? "pk" : "id", s(id))));
  }

  static Item get(Engine engine, String id) {
    return engine.getItem(r -> r.tableName("Orders").key(Key.of("id", s(id)).toItem())).item();
  }

  @Test
  void throttle_afterN_letsNThrough_thenThrottlesWithoutEffect(Engine engine, Faults faults) {
    Fault fault = faults.on("Orders").after(3).throttle();

    for (int i = 0; i < 3; i++) {
      put(engine, "Orders", "ok-" + i);
    }
    assertThatThrownBy(() -> put(engine, "Orders", "throttled"))
        .isExactlyInstanceOf(ThrottlingException.class).hasMessage(ON_DEMAND_MESSAGE);
    assertThatThrownBy(() -> get(engine, "ok-1")).isExactlyInstanceOf(ThrottlingException.class);
    put(engine, "Accounts", "other-table");
    assertThat(fault.matched()).isEqualTo(5);
    assertThat(fault.injected()).isEqualTo(2);

    fault.remove();
    assertThat(get(engine, "throttled")).as("a throttled write has no effect").isNull();
    assertThat(faults.installed()).isEmpty();
  }

  @Test
  void throttle_provisionedTable_isProvisionedThroughputExceeded(Engine engine, Faults faults) {
    faults.on("Metered").throttle();

    DynamoException e = catchThrowableOfType(DynamoException.class, () -> put(engine, "Metered", "p"));
    assertThat(e).isExactlyInstanceOf(ProvisionedThroughputExceededException.class).hasMessage(PROVISIONED_MESSAGE);
    assertThat(e.statusCode()).isEqualTo(400);
  }

  @Test
  void dynamoClientRetries_recoverFromInjectedThrottling(DynamoClient client, Faults faults) {
    Fault fault = faults.on("Orders").operations(Operation.PUT_ITEM).times(3).throttle();

    client.putItem(r -> r.tableName("Orders").item(Item.of("id", s("retried"))));

    assertThat(fault.injected()).isEqualTo(3);
    assertThat(fault.matched()).isEqualTo(4);
    assertThat(client.getItem(r -> r.tableName("Orders").key(Key.of("id", s("retried")).toItem())).item()).isNotNull();
  }

  @Test
  void dynamoClientRetries_runOut_throwTheLastThrottleWithTheEarlierOnesSuppressed(Engine engine, Faults faults) {
    DynamoClient client = DynamoClient.builder().engine(engine).config(ClientConfig.builder().sleeper(d -> {}).build()).build();
    faults.on("Orders").throttle();

    ThrottlingException e = catchThrowableOfType(ThrottlingException.class,
        () -> client.putItem(r -> r.tableName("Orders").item(Item.of("id", s("never")))));
    assertThat(e.getSuppressed()).isNotEmpty();
    assertThat(faults.installed().get(0).injected()).isEqualTo(client.config().retryPolicy().maxAttempts());
  }

  @Test
  void mapperTransaction_surfacesAnInjectedConflict_andWritesNothing(MappedTable<Account> accounts, DynamoClient client,
      Faults faults) {
    faults.on("Accounts").operations(Operation.TRANSACT_WRITE_ITEMS).times(1).transactionConflict();
    TransactWrite transfer = TransactWrite.with(client)
        .put(accounts, new Account("a-1", 50))
        .put(accounts, new Account("a-2", 150));

    TransactionFailedException e = catchThrowableOfType(TransactionFailedException.class, transfer::execute);

    assertThat(e.failures()).singleElement().satisfies(f -> {
      assertThat(f.index()).isZero();
      assertThat(f.code()).isEqualTo("TransactionConflict");
      assertThat(f.message()).isEqualTo("Transaction is ongoing for the item");
      assertThat(f.table().tableName()).isEqualTo("Accounts");
    });
    assertThat(e.getCause()).hasMessage(
        "Transaction cancelled, please refer cancellation reasons for specific reasons [TransactionConflict, None]");
    assertThat(accounts.get("a-1")).isNull();

    TransactWrite.with(client).put(accounts, new Account("a-1", 50)).put(accounts, new Account("a-2", 150)).execute();
    assertThat(accounts.get("a-2").balance()).isEqualTo(150);
  }

  @Test
  void transactionConflict_onASingleItemWrite_isTransactionConflictException_whichTheClientRetries(Engine engine,
      DynamoClient client, Faults faults) {
    Fault fault = faults.on("Orders").operations(Operation.PUT_ITEM).times(2).transactionConflict();

    assertThatThrownBy(() -> put(engine, "Orders", "x"))
        .isExactlyInstanceOf(TransactionConflictException.class).hasMessage("Transaction is ongoing for the item");
    client.putItem(r -> r.tableName("Orders").item(Item.of("id", s("y"))));
    assertThat(fault.injected()).isEqualTo(2);
    assertThat(get(engine, "x")).isNull();
    assertThat(get(engine, "y")).isNotNull();
  }

  @Test
  void throttle_ofATransaction_cancelsItWithTheReasonOnTheTablesAction(Engine engine, Faults faults) {
    faults.on("Orders").throttle();

    TransactionCanceledException e = catchThrowableOfType(TransactionCanceledException.class, () ->
        engine.transactWriteItems(r -> r.transactItems(
            TransactWriteItem.builder().put(Put.builder().tableName("Accounts").item(Item.of("id", s("a"))).build()).build(),
            TransactWriteItem.builder().put(Put.builder().tableName("Orders").item(Item.of("id", s("o"))).build()).build())));

    assertThat(e.cancellationReasons()).extracting(CancellationReason::code).containsExactly("None", "ThrottlingError");
    assertThat(e.cancellationReasons().get(1).message()).isEqualTo(ON_DEMAND_MESSAGE);
  }

  static BatchWriteItemRequest batchOfBoth(String id) {
    return BatchWriteItemRequest.builder().requestItems(Map.of(
        "Orders", List.of(WriteRequest.builder().putRequest(PutRequest.builder().item(Item.of("id", s(id))).build()).build()),
        "Accounts", List.of(WriteRequest.builder().putRequest(PutRequest.builder().item(Item.of("id", s(id))).build()).build())))
        .build();
  }

  @Test
  void throttle_ofOneTableOfABatch_returnsItsWritesUnprocessed_andDoesTheRest(Engine engine, Faults faults) {
    faults.on("Orders").operations(Operation.BATCH_WRITE_ITEM, Operation.BATCH_GET_ITEM).throttle();

    BatchWriteItemResponse response = engine.batchWriteItem(batchOfBoth("b-1"));

    assertThat(response.unprocessedItems()).containsOnlyKeys("Orders");
    assertThat(response.unprocessedItems().get("Orders")).isEqualTo(batchOfBoth("b-1").requestItems().get("Orders"));
    assertThat(engine.getItem(r -> r.tableName("Accounts").key(Key.of("id", s("b-1")).toItem())).item()).isNotNull();
    assertThat(get(engine, "b-1")).isNull();
    BatchGetItemResponse read = engine.batchGetItem(r -> r.requestItems(Map.of(
        "Orders", KeysAndAttributes.builder().keys(List.of(Item.of("id", s("b-1")))).build(),
        "Accounts", KeysAndAttributes.builder().keys(List.of(Item.of("id", s("b-1")))).build())));
    assertThat(read.unprocessedKeys()).containsOnlyKeys("Orders");
    assertThat(read.responses().get("Accounts")).hasSize(1);
  }

  @Test
  void throttle_ofEveryTableOfABatch_failsTheRequest(Engine engine, Faults faults) {
    faults.onAnyTable().throttle();

    assertThatThrownBy(() -> engine.batchWriteItem(batchOfBoth("b-2")))
        .isExactlyInstanceOf(ThrottlingException.class).hasMessage(ON_DEMAND_MESSAGE);
  }

  @Test
  void batchWriteItemAll_resendsWhatInjectedThrottlingLeftUnprocessed(DynamoClient client, Faults faults, Engine engine) {
    Fault fault = faults.on("Orders").operations(Operation.BATCH_WRITE_ITEM).times(2).throttle();

    client.batchWriteItemAll(batchOfBoth("b-3"));

    assertThat(fault.injected()).isEqualTo(2);
    assertThat(get(engine, "b-3")).isNotNull();
  }

  @Test
  void internalServerError_isDynamoDbs500(Engine engine, Faults faults) {
    faults.onAnyTable().operations(Operation.GET_ITEM).internalServerError();

    InternalServerError e = catchThrowableOfType(InternalServerError.class, () -> get(engine, "x"));
    assertThat(e).hasMessage("Internal server error");
    assertThat(e.statusCode()).isEqualTo(500);
    assertThat(e.errorCode()).isEqualTo("InternalServerError");
    put(engine, "Orders", "puts-unaffected");
  }

  @Test
  void latency_delaysRequests_whichThenSucceed(Engine engine, Faults faults) {
    Fault fault = faults.onAnyTable().latency(Duration.ofMillis(40));

    long start = System.nanoTime();
    put(engine, "Orders", "slow");
    long elapsed = System.nanoTime() - start;

    assertThat(Duration.ofNanos(elapsed)).isGreaterThanOrEqualTo(Duration.ofMillis(40));
    assertThat(fault.injected()).isEqualTo(1);
    assertThat(get(engine, "slow")).isNotNull();
  }

  @Test
  void throttleAbove_aRate_isMeasuredOnTheTestClock(Engine engine, Faults faults, TestClock clock) {
    faults.on("Orders").throttleAbove(5);

    for (int i = 0; i < 5; i++) {
      put(engine, "Orders", "a" + i);
    }
    assertThatThrownBy(() -> put(engine, "Orders", "a5")).isInstanceOf(ThrottlingException.class);
    clock.advance(Duration.ofSeconds(1));
    for (int i = 0; i < 5; i++) {
      put(engine, "Orders", "b" + i);
    }
    assertThatThrownBy(() -> put(engine, "Orders", "b5")).isInstanceOf(ThrottlingException.class);
    clock.advance(Duration.ofMillis(200));
    put(engine, "Orders", "c0");
    assertThatThrownBy(() -> put(engine, "Orders", "c1")).isInstanceOf(ThrottlingException.class);
  }

  @Test
  @InjectFault(type = FaultType.THROTTLE, table = "Orders", operations = Operation.PUT_ITEM, times = 2)
  void injectFault_onTheMethod_isInstalledForThatTest(Engine engine, Faults faults) {
    assertThatThrownBy(() -> put(engine, "Orders", "1")).isInstanceOf(ThrottlingException.class);
    assertThatThrownBy(() -> put(engine, "Orders", "1")).isInstanceOf(ThrottlingException.class);
    put(engine, "Orders", "1");
    assertThat(faults.installed()).singleElement().satisfies(f -> assertThat(f.injected()).isEqualTo(2));
  }

  @Test
  void awsSdkClient_meetsTheFaultsToo_andItsRetriesRecover(DynamoDbClient ddb, Faults faults, Engine engine) {
    Fault fault = faults.on("Orders").operations(Operation.PUT_ITEM).times(1).throttle();

    ddb.putItem(r -> r.tableName("Orders").item(Map.of("id", AttributeValue.fromS("sdk"))));

    assertThat(fault.injected()).isEqualTo(1);
    assertThat(get(engine, "sdk")).isNotNull();
  }

  @DynamoTest(tables = Order.class)
  @InjectFault(type = FaultType.INTERNAL_SERVER_ERROR, operations = Operation.DESCRIBE_LIMITS)
  @InjectFault(type = FaultType.TRANSACTION_CONFLICT, table = "Orders", after = 1)
  static class Declared {
    @Test
    void classFaults_areInstalledForEveryTest(Engine engine, Faults faults) {
      assertThat(faults.installed()).extracting(Fault::type)
          .containsExactly(FaultType.INTERNAL_SERVER_ERROR, FaultType.TRANSACTION_CONFLICT);
      assertThatThrownBy(engine::describeLimits).isInstanceOf(InternalServerError.class);
      put(engine, "Orders", "first");
      assertThatThrownBy(() -> put(engine, "Orders", "second")).isInstanceOf(TransactionConflictException.class);
    }

    @Test
    void classFaults_startAfreshInEveryTest(Engine engine) {
      put(engine, "Orders", "first");
      assertThatThrownBy(() -> put(engine, "Orders", "second")).isInstanceOf(TransactionConflictException.class);
    }
  }

  @Test
  void injectFault_onTheClass_isInstalledForEveryTest() {
    Kit.assertAllSucceeded(Kit.run(Declared.class), 2);
  }

  @Test
  void faultsRule_badArguments_areRejectedWithTheReason(Faults faults) {
    assertThatThrownBy(() -> faults.on("")).hasMessage("Faults.on(\"\"): name a table, or use onAnyTable() for every request");
    assertThatThrownBy(() -> faults.onAnyTable().after(-1)).hasMessage("Faults.after must not be negative: -1");
    assertThatThrownBy(() -> faults.onAnyTable().throttleAbove(0)).hasMessage("Faults.throttleAbove needs a positive finite rate: 0.0");
    assertThatThrownBy(() -> faults.onAnyTable().latency(Duration.ofMillis(-1))).hasMessage("Faults.latency must not be negative: PT-0.001S");
  }
}
