package io.dynamo4j.mapper;

import static io.dynamo4j.model.AttributeValue.n;
import static io.dynamo4j.model.AttributeValue.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dynamo4j.DynamoClient;
import io.dynamo4j.api.CancellationReason;
import io.dynamo4j.api.GetItemRequest;
import io.dynamo4j.api.ItemResponse;
import io.dynamo4j.api.TransactGetItem;
import io.dynamo4j.api.TransactGetItemsRequest;
import io.dynamo4j.api.TransactGetItemsResponse;
import io.dynamo4j.api.TransactWriteItem;
import io.dynamo4j.api.TransactWriteItemsRequest;
import io.dynamo4j.api.TransactWriteItemsResponse;
import io.dynamo4j.engine.memory.MemoryEngine;
import io.dynamo4j.error.TransactionCanceledException;
import io.dynamo4j.mapper.fixtures.Customer;
import io.dynamo4j.mapper.fixtures.Order;
import io.dynamo4j.model.Item;
import io.dynamo4j.spi.Engine;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the mapper sends for transactions, and how it maps DynamoDB's answers back. The memory
 * engine has no TransactWriteItems or TransactGetItems yet, so a proxy in front of it answers
 * those two as DynamoDB does (cancellation reasons in request order, responses in request order)
 * and passes everything else to the engine.
 */
class TransactionsTest {

  private Engine memory;
  private DynamoClient client;
  private final AtomicReference<TransactWriteItemsRequest> lastWrite = new AtomicReference<>();
  /** The reasons the next TransactWriteItems is cancelled with, or null to apply it. */
  private List<CancellationReason> cancelWith;
  private MappedTable<Order> orders;
  private MappedTable<Customer> customers;

  @BeforeEach
  void setUp() {
    memory = MemoryEngine.create();
    Engine engine = (Engine) Proxy.newProxyInstance(Engine.class.getClassLoader(), new Class<?>[] {Engine.class},
        (proxy, method, args) -> {
          switch (method.getName()) {
            case "transactWriteItems" -> {
              TransactWriteItemsRequest r = (TransactWriteItemsRequest) args[0];
              lastWrite.set(r);
              if (cancelWith != null) {
                throw new TransactionCanceledException(TransactionCanceledException.messageFor(cancelWith), cancelWith);
              }
              for (TransactWriteItem w : r.transactItems()) {
                if (w.put() != null) {
                  memory.putItem(b -> b.tableName(w.put().tableName()).item(w.put().item()));
                }
              }
              return TransactWriteItemsResponse.builder().build();
            }
            case "transactGetItems" -> {
              List<ItemResponse> responses = new ArrayList<>();
              for (TransactGetItem g : ((TransactGetItemsRequest) args[0]).transactItems()) {
                Item item = memory.getItem(GetItemRequest.builder().tableName(g.get().tableName()).key(g.get().key()).build()).item();
                responses.add(ItemResponse.builder().item(item).build());
              }
              return TransactGetItemsResponse.builder().responses(responses).build();
            }
            default -> {
              try {
                return method.invoke(memory, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            }
          }
        });
    client = DynamoClient.builder().engine(engine).config(c -> c.retryPolicy(io.dynamo4j.RetryPolicy.none())).build();
    Mapper mapper = Mapper.create();
    orders = mapper.table(client, Order.class);
    orders.createTable();
    customers = mapper.table(client, Customer.class);
    customers.createTable();
  }

  @AfterEach
  void tearDown() {
    memory.close();
  }

  @Test
  void transactWrite_sendsOneActionPerCall_acrossTables() {
    Customer c = new Customer();
    c.setId("tx-c");
    MappedProperty<Integer> visits = customers.schema().property("visits");
    TransactWrite.with(client)
        .put(orders, Order.of("tx", 1, Order.Status.OPEN, "5"))
        .update(customers, customers.schema().key("tx-c"), visits.increment(1), null)
        .conditionCheck(customers, customers.schema().key("other"), visits.exists())
        .delete(orders, orders.schema().key("tx", 2), null)
        .clientRequestToken("token-1")
        .execute();
    TransactWriteItemsRequest r = lastWrite.get();
    assertThat(r.clientRequestToken()).isEqualTo("token-1");
    assertThat(r.transactItems()).hasSize(4);
    assertThat(r.transactItems().get(0).put().item().get("version")).isEqualTo(n(1));
    assertThat(r.transactItems().get(0).put().conditionExpression()).isEqualTo("attribute_not_exists(#n0)");
    assertThat(r.transactItems().get(1).update().tableName()).isEqualTo("Customers");
    assertThat(r.transactItems().get(1).update().updateExpression()).isEqualTo("ADD #n0 :v0");
    assertThat(r.transactItems().get(2).conditionCheck().conditionExpression()).isEqualTo("attribute_exists(#n0)");
    assertThat(r.transactItems().get(3).delete().key()).isEqualTo(Item.of("customer", s("tx"), "number", n(2)));
    assertThat(orders.get("tx", 1).version()).isEqualTo(1L);
  }

  @Test
  void transactWrite_cancelled_mapsReasonsToTypedObjects() {
    Order stale = Order.of("tx", 7, Order.Status.OPEN, "5").withVersion(3L);
    Order fresh = Order.of("tx", 8, Order.Status.OPEN, "5");
    Item stored = orders.schema().toItem(stale.withVersion(4L));
    cancelWith = List.of(
        CancellationReason.builder().code("None").build(),
        CancellationReason.builder().code("ConditionalCheckFailed").message("The conditional request failed").item(stored).build(),
        CancellationReason.builder().code("TransactionConflict").message("Transaction is ongoing for the item").build());
    MappedProperty<Order.Status> status = orders.schema().property("status");
    assertThatThrownBy(() -> TransactWrite.with(client)
        .put(orders, fresh)
        .put(orders, stale)
        .conditionCheck(orders, orders.schema().key("tx", 9), status.eq(Order.Status.OPEN))
        .execute())
        .isInstanceOfSatisfying(TransactionFailedException.class, e -> {
          assertThat(e.getCause()).isInstanceOf(TransactionCanceledException.class);
          assertThat(e.failures()).extracting(TransactionFailedException.Failure::index).containsExactly(1, 2);
          TransactionFailedException.Failure lock = e.failures().get(0);
          assertThat(lock.subject()).isSameAs(stale);
          assertThat(lock.table()).isSameAs(orders);
          assertThat(lock.code()).isEqualTo("ConditionalCheckFailed");
          assertThat(lock.optimisticLock()).isTrue();
          assertThat(lock.item()).isEqualTo(stored);
          TransactionFailedException.Failure conflict = e.failures().get(1);
          assertThat(conflict.key()).isEqualTo(orders.schema().key("tx", 9));
          assertThat(conflict.optimisticLock()).isFalse();
          assertThat(e.getMessage()).contains("action 1 on Orders").contains("(version check)")
              .contains("action 2 on Orders").contains("TransactionConflict");
        });
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
