package io.dynamo4j.mapper;

import static io.dynamo4j.model.AttributeValue.n;
import static io.dynamo4j.model.AttributeValue.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dynamo4j.DynamoClient;
import io.dynamo4j.api.CancellationReason;
import io.dynamo4j.engine.memory.MemoryEngine;
import io.dynamo4j.error.TransactionCanceledException;
import io.dynamo4j.mapper.fixtures.Customer;
import io.dynamo4j.mapper.fixtures.Order;
import io.dynamo4j.model.Item;
import io.dynamo4j.spi.Engine;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Transactions written through the mapper and applied by the memory engine: what lands, and how
 * DynamoDB's cancellation reasons map back to the typed objects that failed.
 */
class TransactionsTest {

  private Engine engine;
  private DynamoClient client;
  private MappedTable<Order> orders;
  private MappedTable<Customer> customers;

  @BeforeEach
  void setUp() {
    engine = MemoryEngine.create();
    client = DynamoClient.builder().engine(engine).config(c -> c.retryPolicy(io.dynamo4j.RetryPolicy.none())).build();
    Mapper mapper = Mapper.create();
    orders = mapper.table(client, Order.class);
    orders.createTable();
    customers = mapper.table(client, Customer.class);
    customers.createTable();
  }

  @AfterEach
  void tearDown() {
    engine.close();
  }

  private Customer customer(String id, int visits) {
    Customer c = new Customer();
    c.setId(id);
    c.visits = visits;
    return customers.put(c);
  }

  @Test
  void transactWrite_actionsAcrossTables_allApplied() {
    customer("tx-c", 2);
    customer("other", 1);
    orders.put(Order.of("tx", 2, Order.Status.OPEN, "7"));
    MappedProperty<Integer> visits = customers.schema().property("visits");
    TransactWrite.with(client)
        .put(orders, Order.of("tx", 1, Order.Status.OPEN, "5"))
        .update(customers, customers.schema().key("tx-c"), visits.increment(1), null)
        .conditionCheck(customers, customers.schema().key("other"), visits.exists())
        .delete(orders, orders.schema().key("tx", 2), null)
        .clientRequestToken("token-1")
        .execute();
    Order written = orders.get("tx", 1);
    assertThat(written.version()).isEqualTo(1L);
    assertThat(written.total()).isEqualByComparingTo("5");
    assertThat(customers.get("tx-c").visits).isEqualTo(3);
    assertThat(orders.get("tx", 2)).isNull();
    Item stored = client.getItem(b -> b.tableName("Orders").key(orders.schema().key("tx", 1).toItem())).item();
    assertThat(stored.get("version")).isEqualTo(n(1));
  }

  @Test
  void transactWrite_sameToken_appliedOnce() {
    customer("tok", 0);
    MappedProperty<Integer> visits = customers.schema().property("visits");
    for (int i = 0; i < 2; i++) {
      TransactWrite.with(client)
          .update(customers, customers.schema().key("tok"), visits.increment(1), null)
          .clientRequestToken("same-token")
          .execute();
    }
    assertThat(customers.get("tok").visits).isEqualTo(1);
  }

  @Test
  void transactWrite_cancelled_mapsReasonsToTypedObjects_appliesNothing() {
    Order stored = orders.put(Order.of("tx", 7, Order.Status.OPEN, "5"));
    orders.put(stored.withTotal("6"));
    Order stale = stored;
    Order fresh = Order.of("tx", 8, Order.Status.OPEN, "5");
    orders.put(Order.of("tx", 9, Order.Status.HELD, "1"));
    MappedProperty<Order.Status> status = orders.schema().property("status");
    assertThatThrownBy(() -> TransactWrite.with(client)
        .put(orders, fresh)
        .put(orders, stale)
        .conditionCheck(orders, orders.schema().key("tx", 9), status.eq(Order.Status.OPEN))
        .execute())
        .isInstanceOfSatisfying(TransactionFailedException.class, e -> {
          assertThat(e.getCause()).isInstanceOf(TransactionCanceledException.class);
          assertThat(((TransactionCanceledException) e.getCause()).cancellationReasons())
              .extracting(CancellationReason::code)
              .containsExactly("None", "ConditionalCheckFailed", "ConditionalCheckFailed");
          assertThat(e.failures()).extracting(TransactionFailedException.Failure::index).containsExactly(1, 2);
          TransactionFailedException.Failure lock = e.failures().get(0);
          assertThat(lock.subject()).isSameAs(stale);
          assertThat(lock.table()).isSameAs(orders);
          assertThat(lock.code()).isEqualTo("ConditionalCheckFailed");
          assertThat(lock.optimisticLock()).isTrue();
          assertThat(lock.item().get("version")).isEqualTo(n(2));
          assertThat(lock.item().get("total")).isEqualTo(n(6));
          TransactionFailedException.Failure check = e.failures().get(1);
          assertThat(check.key()).isEqualTo(orders.schema().key("tx", 9));
          assertThat(check.optimisticLock()).isFalse();
          assertThat(check.item().get("status")).isEqualTo(s("HELD"));
          assertThat(e.getMessage()).contains("action 1 on Orders").contains("(version check)")
              .contains("action 2 on Orders").contains("ConditionalCheckFailed");
        });
    assertThat(orders.get("tx", 8)).isNull();
    assertThat(orders.get("tx", 7).version()).isEqualTo(2L);
  }

  @Test
  void transactGet_returnsTypedItemsInRequestOrder() {
    Order o = orders.put(Order.of("tg", 1, Order.Status.HELD, "5"));
    Customer c = new Customer();
    c.setId("tg-c");
    c.setName("Ada");
    customers.put(c);
    List<Object> got = TransactGet.with(client)
        .get(customers, customers.schema().key("tg-c"))
        .get(orders, orders.schema().key("tg", 1))
        .get(orders, orders.schema().key("tg", 2))
        .execute();
    assertThat(((Customer) got.get(0)).getName()).isEqualTo("Ada");
    assertThat(got.get(1)).isEqualTo(o);
    assertThat(got.get(2)).isNull();
  }
}
