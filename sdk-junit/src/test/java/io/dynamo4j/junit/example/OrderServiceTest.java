package io.dynamo4j.junit.example;

import static io.dynamo4j.api.OperationType.INSERT;
import static io.dynamo4j.api.OperationType.MODIFY;
import static io.dynamo4j.model.AttributeValue.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dynamo4j.DynamoClient;
import io.dynamo4j.api.Operation;
import io.dynamo4j.engine.TestClock;
import io.dynamo4j.junit.DynamoTest;
import io.dynamo4j.junit.Fault;
import io.dynamo4j.junit.Faults;
import io.dynamo4j.junit.Fixture;
import io.dynamo4j.junit.RecordStream;
import io.dynamo4j.junit.StreamRecorder;
import io.dynamo4j.mapper.MappedTable;
import io.dynamo4j.mapper.Mapper;
import io.dynamo4j.mapper.TransactionFailedException;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The example of the README: an application's service tested against a fresh in-memory DynamoDB
 * per test, with its tables and fixtures declared, the clock and faults under the test's control,
 * and the stream of changes asserted on.
 */
@DynamoTest(tables = {ShopOrder.class, Product.class})
@Fixture(table = "Products", value = "example/products.jsonl")
class OrderServiceTest {

  MappedTable<ShopOrder> orders;   // filled in by the extension
  MappedTable<Product> products;
  OrderService service;

  @BeforeEach
  void setUp(DynamoClient client, Mapper mapper) {
    service = new OrderService(client, mapper);
  }

  @Test
  void place_inStock_recordsTheOrderAndTakesTheStock(@RecordStream("Orders") StreamRecorder changes, TestClock clock) {
    ShopOrder order = service.place("o-1", "kettle", 2);

    assertThat(order.status()).isEqualTo("PLACED");
    assertThat(order.placed()).isEqualTo(clock.instant());
    assertThat(products.get("kettle").stock()).isEqualTo(1);
    changes.assertThat().hasEventNames(INSERT).first().newImageHas("sku", s("kettle"));
  }

  @Test
  void place_outOfStock_failsAndChangesNothing() {
    assertThatThrownBy(() -> service.place("o-1", "teapot", 1)).isInstanceOf(OrderService.OutOfStockException.class);

    assertThat(orders.get("o-1")).isNull();
    assertThat(products.get("teapot").stock()).isZero();
  }

  @Test
  void place_whileDynamoDbThrottles_getsThroughOnTheClientsRetries(Faults faults) {
    Fault throttling = faults.on("Orders").operations(Operation.GET_ITEM).times(2).throttle();

    service.place("o-1", "kettle", 1);

    assertThat(throttling.injected()).isEqualTo(2);
    assertThat(products.get("kettle").stock()).isEqualTo(2);
  }

  @Test
  void place_meetingAnotherTransaction_triesAgain(Faults faults) {
    faults.on("Orders").operations(Operation.TRANSACT_WRITE_ITEMS).times(OrderService.ATTEMPTS - 1).transactionConflict();

    service.place("o-1", "kettle", 1);

    assertThat(orders.get("o-1")).isNotNull();
  }

  @Test
  void place_conflictingEveryTime_givesUpAfterItsAttempts(Faults faults) {
    Fault conflicts = faults.on("Orders").operations(Operation.TRANSACT_WRITE_ITEMS).transactionConflict();

    assertThatThrownBy(() -> service.place("o-1", "kettle", 1)).isInstanceOf(TransactionFailedException.class);

    assertThat(conflicts.injected()).isEqualTo(OrderService.ATTEMPTS);
    assertThat(products.get("kettle").stock()).isEqualTo(3);
  }

  @Test
  void unpaidOrder_expiresAfterADay_paidOrderStays(TestClock clock, @RecordStream("Orders") StreamRecorder changes) {
    service.place("unpaid", "kettle", 1);
    service.place("paid", "kettle", 1);
    service.pay("paid");

    clock.advance(Duration.ofDays(1).plusMinutes(1));

    assertThat(orders.get("unpaid")).isNull();
    assertThat(orders.get("paid").status()).isEqualTo("PAID");
    changes.assertThat().hasEventNames(INSERT, INSERT, MODIFY, io.dynamo4j.api.OperationType.REMOVE)
        .last().isTimeToLiveDeletion();
  }
}
