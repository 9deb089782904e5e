package io.dynamo4j.mapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dynamo4j.DynamoClient;
import io.dynamo4j.api.BatchWriteItemRequest;
import io.dynamo4j.api.BatchWriteItemResponse;
import io.dynamo4j.api.WriteRequest;
import io.dynamo4j.engine.memory.MemoryEngine;
import io.dynamo4j.mapper.fixtures.Entity;
import io.dynamo4j.mapper.fixtures.Order;
import io.dynamo4j.mapper.fixtures.Summary;
import io.dynamo4j.model.Key;
import io.dynamo4j.spi.Engine;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Queries, scans, pagination, batches and single-table design against the memory engine. */
class QueryAndBatchTest {

  /** Calls per operation, counted by a proxy in front of the engine. */
  static final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
  /** BatchWriteItem calls whose last write request the proxy reports unprocessed (and does not send). */
  static final AtomicInteger unprocessedToInject = new AtomicInteger();
  static final List<Duration> sleeps = new CopyOnWriteArrayList<>();
  static Engine engine;
  static DynamoClient client;
  static Mapper mapper = Mapper.create();
  static MappedTable<Order> orders;
  static MappedTable<Entity> shop;

  @BeforeAll
  static void setUp() {
    engine = MemoryEngine.create();
    Engine counting = (Engine) Proxy.newProxyInstance(Engine.class.getClassLoader(), new Class<?>[] {Engine.class},
        (proxy, method, args) -> {
          calls.computeIfAbsent(method.getName(), k -> new AtomicInteger()).incrementAndGet();
          if (method.getName().equals("batchWriteItem") && unprocessedToInject.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            BatchWriteItemRequest r = (BatchWriteItemRequest) args[0];
            Map.Entry<String, List<WriteRequest>> e = r.requestItems().entrySet().iterator().next();
            List<WriteRequest> all = e.getValue();
            engine.batchWriteItem(r.toBuilder().requestItems(Map.of(e.getKey(), all.subList(0, all.size() - 1))).build());
            return BatchWriteItemResponse.builder().unprocessedItems(Map.of(e.getKey(), List.of(all.get(all.size() - 1)))).build();
          }
          try {
            return method.invoke(engine, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
    client = DynamoClient.builder().engine(counting).config(c -> c.sleeper(sleeps::add)).build();
    orders = mapper.table(client, Order.class);
    client.createTable(orders.schema().createTableRequest("Orders"));
    shop = mapper.table(client, Entity.class);
    shop.createTable();
    for (int i = 1; i <= 30; i++) {
      orders.put(Order.of("q", i, i % 3 == 0 ? Order.Status.SHIPPED : Order.Status.OPEN, String.valueOf(i * 10)));
    }
  }

  @AfterAll
  static void tearDown() {
    engine.close();
  }

  @Test
  void query_sortConditionsAndOrder() {
    assertThat(orders.query("q").sortBetween(5, 8).list()).extracting(Order::number).containsExactly(5, 6, 7, 8);
    assertThat(orders.query("q").sortGt(27).descending().list()).extracting(Order::number).containsExactly(30, 29, 28);
    assertThat(orders.query("q").sortLe(2).list()).extracting(Order::number).containsExactly(1, 2);
    assertThat(orders.query("q").sortEq(4).list()).extracting(Order::number).containsExactly(4);
    assertThat(orders.query("nobody").list()).isEmpty();
    assertThatThrownBy(() -> orders.query("q").sortGt(1).sortLt(3)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("at most one");
  }

  @Test
  void query_filterWithTypedCondition() {
    MappedProperty<Order.Status> status = orders.schema().property("status");
    assertThat(orders.query("q").filter(status.eq(Order.Status.SHIPPED)).list()).extracting(Order::number)
        .containsExactly(3, 6, 9, 12, 15, 18, 21, 24, 27, 30);
  }

  @Test
  void query_pagesWithCursor_resumeWhereTheyStopped() throws Exception {
    Page<Order> first = orders.query("q").pageSize(7).page();
    assertThat(first.items()).extracting(Order::number).containsExactly(1, 2, 3, 4, 5, 6, 7);
    assertThat(first.hasNext()).isTrue();
    Cursor parsed = Cursor.parse(first.next().toString());
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(first.next());
    }
    Cursor deserialized;
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      deserialized = (Cursor) in.readObject();
    }
    assertThat(deserialized).isEqualTo(parsed);
    Page<Order> second = orders.query("q").pageSize(7).page(deserialized);
    assertThat(second.items()).extracting(Order::number).containsExactly(8, 9, 10, 11, 12, 13, 14);
    assertThatThrownBy(() -> Cursor.parse("not a cursor!")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("not a dynamo4j cursor");
  }

  @Test
  void query_limitAcrossPages_stopsAndResumes() {
    calls.clear();
    assertThat(orders.query("q").pageSize(4).limit(10).stream()).extracting(Order::number)
        .containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
    assertThat(calls.get("query").get()).isEqualTo(3);
    MappedProperty<Order.Status> status = orders.schema().property("status");
    // a filter makes pages return fewer items than they read; the limit still holds, and the cursor resumes after the last returned
    Page<Order> p = orders.query("q").filter(status.eq(Order.Status.OPEN)).limit(5).page();
    assertThat(p.items()).extracting(Order::number).containsExactly(1, 2, 4, 5, 7);
    Page<Order> next = orders.query("q").filter(status.eq(Order.Status.OPEN)).limit(2).page(p.next());
    assertThat(next.items()).extracting(Order::number).containsExactly(8, 10);
    List<Integer> pageSizes = new ArrayList<>();
    for (Page<Order> page : orders.query("q").pageSize(8).pages()) {
      pageSizes.add(page.items().size());
    }
    assertThat(pageSizes).containsExactly(8, 8, 8, 6);
  }

  @Test
  void query_projection_derivesProjectionExpression() {
    List<Summary> s = orders.query("q").sortLe(2).project(Summary.class).list();
    assertThat(s).containsExactly(new Summary("q", 1, new BigDecimal("10")), new Summary("q", 2, new BigDecimal("20")));
  }

  @Test
  void index_multiAttributeGsi_localIndex_keysOnlyIndex() {
    orders.put(Order.of("idx", 1, Order.Status.HELD, "5"));
    orders.put(Order.of("idx", 2, Order.Status.HELD, "7"));
    assertThat(orders.index("byRegionStatus").query("EU", Order.Status.HELD).sortGe(new BigDecimal("6")).list())
        .extracting(Order::customer, Order::number).containsExactly(org.assertj.core.groups.Tuple.tuple("idx", 2));
    assertThat(orders.index("byTotal").query("q").sortBetween(new BigDecimal("95"), new BigDecimal("125")).list())
        .extracting(Order::number).containsExactly(10, 11, 12);
    List<Order> keysOnly = orders.index("byStatus").query(Order.Status.HELD).list();
    assertThat(keysOnly).extracting(Order::number).containsExactlyInAnyOrder(1, 2);
    assertThat(keysOnly).allSatisfy(o -> assertThat(o.lines()).isNull());
    assertThatThrownBy(() -> orders.index("byRegionStatus").query("EU")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("index \"byRegionStatus\" has 2 partition key attributes [region, status]; got 1 value");
    assertThatThrownBy(() -> orders.index("nope")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("has no index \"nope\"");
  }

  @Test
  void scan_filterAndSegments() {
    MappedProperty<BigDecimal> total = orders.schema().property("total");
    assertThat(orders.scan().filter(total.ge(new BigDecimal("290"))).list()).extracting(Order::number)
        .containsExactlyInAnyOrder(29, 30);
    long inSegments = orders.scan().segment(0, 2).stream().count() + orders.scan().segment(1, 2).stream().count();
    assertThat(inSegments).isEqualTo(orders.scan().stream().count());
  }

  @Test
  void batches_splitIntoDynamoDbLimits_andResendUnprocessed() {
    List<Order> many = IntStream.rangeClosed(1, 60).mapToObj(i -> Order.of("batch", i, Order.Status.OPEN, "1")).toList();
    calls.clear();
    sleeps.clear();
    unprocessedToInject.set(1);
    orders.putAll(many);
    assertThat(calls.get("batchWriteItem").get()).isEqualTo(3 + 1); // 25 + 25 + 10, and one resend
    assertThat(sleeps).hasSize(1);
    List<Key> keys = new ArrayList<>();
    for (int i = 150; i >= 1; i--) {
      keys.add(orders.schema().key("batch", i));
    }
    calls.clear();
    List<Order> got = orders.getAll(keys);
    assertThat(calls.get("batchGetItem").get()).isEqualTo(2); // 100 + 50
    assertThat(got).extracting(Order::number).containsExactlyElementsOf(
        IntStream.iterate(60, i -> i >= 1, i -> i - 1).boxed().toList());
    orders.deleteAll(keys.subList(90, 150));
    assertThat(orders.query("batch").list()).isEmpty();
  }

  @Test
  void singleTable_mixedCollection_readsTypedInstancesOfEach() {
    shop.put(new Entity.Profile("c-1", "PROFILE", "Ada", null));
    for (Entity e : Fixtures.entities().subList(1, 3)) {
      shop.put(e);
    }
    List<Entity> collection = shop.query("c-1").list();
    assertThat(collection).extracting(e -> e.getClass().getSimpleName())
        .containsExactly("Payment", "Profile", "Purchase");
    Fixtures.assertSameValues(collection.get(1), Fixtures.entities().get(0));
    MappedTable<Entity.Payment> payments = mapper.table(client, "Shop", Entity.Payment.class);
    assertThat(payments.query("c-1").list()).containsExactly(new Entity.Payment("c-1", "PAYMENT#1", 1050));
    assertThat(payments.query("c-1").sortBeginsWith("P").list()).hasSize(1);
    Entity.Profile profile = (Entity.Profile) shop.get("c-1", "PROFILE");
    assertThat(profile.version()).isEqualTo(1L);
    assertThatThrownBy(() -> shop.put(new Entity.Profile("c-1", "PROFILE", "New", null)))
        .isInstanceOf(OptimisticLockException.class).hasMessageContaining("must be new");
    assertThat(((Entity.Profile) shop.put(profile)).version()).isEqualTo(2L);
  }
}
