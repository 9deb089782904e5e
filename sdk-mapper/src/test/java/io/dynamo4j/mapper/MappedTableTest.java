package io.dynamo4j.mapper;

import static io.dynamo4j.model.AttributeValue.n;
import static io.dynamo4j.model.AttributeValue.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dynamo4j.DynamoClient;
import io.dynamo4j.api.GlobalSecondaryIndexDescription;
import io.dynamo4j.api.KeySchemaElement;
import io.dynamo4j.api.KeyType;
import io.dynamo4j.api.ProjectionType;
import io.dynamo4j.api.TableDescription;
import io.dynamo4j.engine.memory.MemoryEngine;
import io.dynamo4j.error.ConditionalCheckFailedException;
import io.dynamo4j.mapper.fixtures.Address;
import io.dynamo4j.mapper.fixtures.Customer;
import io.dynamo4j.mapper.fixtures.Order;
import io.dynamo4j.mapper.fixtures.Product;
import io.dynamo4j.model.Item;
import io.dynamo4j.model.Key;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Single-item operations of MappedTable against the memory engine, through DynamoClient. */
class MappedTableTest {

  static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");
  static DynamoClient client;
  static Mapper mapper;
  static MappedTable<Order> orders;
  static MappedTable<Customer> customers;
  static MappedTable<Product> products;

  @BeforeAll
  static void setUp() {
    client = DynamoClient.create(MemoryEngine.create());
    mapper = Mapper.builder().clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
    orders = mapper.table(client, Order.class);
    orders.createTable();
    customers = mapper.table(client, Customer.class);
    customers.createTable();
    products = mapper.table(client, Product.class);
    products.createTable();
  }

  @AfterAll
  static void tearDown() {
    client.engine().close();
  }

  @Test
  void createTable_fromAnnotations_keysIndexesAndProjections() {
    TableDescription t = client.describeTable(r -> r.tableName("Orders")).table();
    assertThat(t.keySchema()).containsExactly(KeySchemaElement.builder().attributeName("customer").keyType(KeyType.HASH).build(),
        KeySchemaElement.builder().attributeName("number").keyType(KeyType.RANGE).build());
    GlobalSecondaryIndexDescription byRegionStatus = t.globalSecondaryIndexes().stream()
        .filter(g -> g.indexName().equals("byRegionStatus")).findFirst().orElseThrow();
    assertThat(byRegionStatus.keySchema()).extracting(KeySchemaElement::attributeName, KeySchemaElement::keyType)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("region", KeyType.HASH),
            org.assertj.core.groups.Tuple.tuple("status", KeyType.HASH),
            org.assertj.core.groups.Tuple.tuple("total", KeyType.RANGE));
    GlobalSecondaryIndexDescription byStatus = t.globalSecondaryIndexes().stream()
        .filter(g -> g.indexName().equals("byStatus")).findFirst().orElseThrow();
    assertThat(byStatus.projection().projectionType()).isEqualTo(ProjectionType.KEYS_ONLY);
    assertThat(t.localSecondaryIndexes()).singleElement().satisfies(l -> {
      assertThat(l.indexName()).isEqualTo("byTotal");
      assertThat(l.keySchema()).extracting(KeySchemaElement::attributeName).containsExactly("customer", "total");
    });
    assertThat(t.attributeDefinitions()).extracting(d -> d.attributeName() + ":" + d.attributeType())
        .containsExactlyInAnyOrder("customer:S", "number:N", "region:S", "status:S", "total:N");
  }

  @Test
  void createTable_enablesTtlOnTheAnnotatedAttribute() {
    io.dynamo4j.api.TimeToLiveDescription ttl = client.describeTimeToLive(r -> r.tableName("Orders")).timeToLiveDescription();
    assertThat(ttl.attributeName()).isEqualTo("expires");
    assertThat(ttl.timeToLiveStatus()).isIn(io.dynamo4j.api.TimeToLiveStatus.ENABLED, io.dynamo4j.api.TimeToLiveStatus.ENABLING);
  }

  @Test
  void put_new_fillsVersionTimestampsAndCounter() {
    Order saved = orders.put(Order.of("put-1", 1, Order.Status.OPEN, "10"));
    assertThat(saved.version()).isEqualTo(1L);
    assertThat(saved.created()).isEqualTo(NOW);
    assertThat(saved.updated()).isEqualTo(NOW);
    assertThat(saved.edits()).isEqualTo(100L);
    assertThat(orders.get("put-1", 1)).isEqualTo(saved);
    Item stored = client.getItem(r -> r.tableName("Orders").key(orders.schema().key("put-1", 1).toItem())).item();
    assertThat(stored.get("status")).isEqualTo(s("OPEN"));
    assertThat(stored.get("version")).isEqualTo(n(1));
  }

  @Test
  void put_staleVersion_throwsOptimisticLockAndLeavesItem() {
    Order v1 = orders.put(Order.of("lock-1", 1, Order.Status.OPEN, "10"));
    Order v2 = orders.put(v1.withTotal("11"));
    assertThat(v2.version()).isEqualTo(2L);
    assertThatThrownBy(() -> orders.put(v1.withTotal("12")))
        .isInstanceOf(OptimisticLockException.class)
        .isInstanceOf(ConditionalCheckFailedException.class)
        .hasMessageContaining("was read at version 1 but table Orders holds version {N: 2}");
    assertThatThrownBy(() -> orders.put(Order.of("lock-1", 1, Order.Status.OPEN, "1")))
        .isInstanceOf(OptimisticLockException.class)
        .hasMessageContaining("has no version, so it must be new");
    assertThat(orders.get("lock-1", 1).total()).isEqualByComparingTo("11");
  }

  @Test
  void put_userConditionFails_isPlainConditionalCheckFailure() {
    Order v1 = orders.put(Order.of("cond-1", 1, Order.Status.OPEN, "10"));
    MappedProperty<Order.Status> status = orders.schema().property("status");
    assertThatThrownBy(() -> orders.put(v1.withTotal("20"), status.eq(Order.Status.SHIPPED)))
        .isExactlyInstanceOf(ConditionalCheckFailedException.class);
    Order v2 = orders.put(v1.withTotal("20"), status.eq(Order.Status.OPEN));
    assertThat(v2.total()).isEqualByComparingTo("20");
  }

  @Test
  void update_ignoreNullsKeepsAttributes_replaceRemovesThem() {
    Customer c = Fixtures.customer();
    c.setId("upd-1");
    customers.put(c);
    Customer partial = new Customer();
    partial.setId("upd-1");
    partial.setName("Grace");
    Customer after = customers.update(partial);
    assertThat(after.getName()).isEqualTo("Grace");
    assertThat(after.getTags()).containsExactly("vip");
    assertThat(after.getHome()).isEqualTo(new Address("1 Home", null, 75001));
    Customer replaced = customers.update(partial, UpdateMode.REPLACE);
    assertThat(replaced.getName()).isEqualTo("Grace");
    assertThat(replaced.getTags()).isNull();
    assertThat(replaced.getHome()).isNull();
    Item stored = client.getItem(r -> r.tableName("Customers").key(Item.of("id", s("upd-1")))).item();
    assertThat(stored).containsOnlyKeys("id", "full_name", "visits");
  }

  @Test
  void update_object_checksVersionAndIncrementsCounter() {
    Order v1 = orders.put(Order.of("upd-2", 1, Order.Status.OPEN, "10"));
    Order v2 = orders.update(v1.withStatus(Order.Status.HELD));
    assertThat(v2.version()).isEqualTo(2L);
    assertThat(v2.edits()).isEqualTo(105L);
    assertThat(v2.created()).isEqualTo(NOW);
    assertThat(v2.status()).isEqualTo(Order.Status.HELD);
    assertThatThrownBy(() -> orders.update(v1.withStatus(Order.Status.SHIPPED))).isInstanceOf(OptimisticLockException.class);
    Order fresh = orders.update(Order.of("upd-3", 1, Order.Status.OPEN, "5"));
    assertThat(fresh.version()).isEqualTo(1L);
    assertThat(fresh.edits()).isEqualTo(100L);
  }

  @Test
  void update_typedActions_applyEachKind() {
    Order v1 = orders.put(Order.of("typed-1", 1, Order.Status.OPEN, "10"));
    TableSchema<Order> s = orders.schema();
    MappedProperty<BigDecimal> total = s.property("total");
    MappedProperty<List<String>> lines = s.property("lines");
    MappedProperty<Set<String>> tags = s.property("tags");
    MappedProperty<Order.Status> status = s.property("status", Order.Status.class);
    Key key = s.keyOf(v1);
    Order after = orders.update(key, total.increment(new BigDecimal("2.5"))
        .combine(lines.append(List.of("b", "c")))
        .combine(tags.addToSet(List.of("vip", "gift")))
        .combine(status.set(Order.Status.SHIPPED)));
    assertThat(after.total()).isEqualByComparingTo("12.5");
    assertThat(after.lines()).containsExactly("a", "b", "c");
    assertThat(after.tags()).containsExactlyInAnyOrder("new", "vip", "gift");
    assertThat(after.status()).isEqualTo(Order.Status.SHIPPED);
    assertThat(after.edits()).isEqualTo(105L);
    Order again = orders.update(key, tags.deleteFromSet(List.of("new")).combine(lines.prepend(List.of("z")))
        .combine(s.property("region").remove()), total.gt(new BigDecimal("12")));
    assertThat(again.tags()).containsExactlyInAnyOrder("vip", "gift");
    assertThat(again.lines()).containsExactly("z", "a", "b", "c");
    assertThat(again.region()).isNull();
    assertThatThrownBy(() -> orders.update(key, total.decrement(1), total.lt(BigDecimal.ONE)))
        .isInstanceOf(ConditionalCheckFailedException.class);
  }

  @Test
  void delete_withConditionAndVersion() {
    Order v1 = orders.put(Order.of("del-1", 1, Order.Status.OPEN, "10"));
    MappedProperty<Order.Status> status = orders.schema().property("status");
    assertThatThrownBy(() -> orders.delete(orders.schema().keyOf(v1), status.eq(Order.Status.HELD)))
        .isInstanceOf(ConditionalCheckFailedException.class);
    orders.put(v1);
    assertThatThrownBy(() -> orders.deleteItem(v1)).isInstanceOf(OptimisticLockException.class);
    Order current = orders.get("del-1", 1);
    assertThat(orders.deleteItem(current)).isEqualTo(current);
    assertThat(orders.get("del-1", 1)).isNull();
    assertThat(orders.delete("del-1", 1)).isNull();
  }

  @Test
  void get_projection_readsOnlyItsAttributes() {
    orders.put(Order.of("proj-1", 1, Order.Status.OPEN, "10"));
    io.dynamo4j.mapper.fixtures.Summary s = orders.get(orders.schema().key("proj-1", 1),
        io.dynamo4j.mapper.fixtures.Summary.class);
    assertThat(s).isEqualTo(new io.dynamo4j.mapper.fixtures.Summary("proj-1", 1, new BigDecimal("10")));
  }

  @Test
  void builderClass_putAndGet() {
    Product p = Fixtures.product();
    products.put(p);
    Fixtures.assertSameValues(products.get("p-1"), p);
    assertThat(products.get("absent")).isNull();
  }

  @Test
  void get_consistentRead_andKeyOfWrongType_isExplained() {
    orders.put(Order.of("cr-1", 1, Order.Status.OPEN, "10"));
    assertThat(orders.get(orders.schema().key("cr-1", 1), true).customer()).isEqualTo("cr-1");
    assertThatThrownBy(() -> orders.get("cr-1", "one")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("key attribute \"number\" (Order.number) takes a value of its property's type");
  }

  @Test
  void items_storedByTheMapper_areReadableAsPlainItems() {
    orders.put(Order.of("plain-1", 1, Order.Status.OPEN, "10"));
    List<Item> items = client.scanPaginator(r -> r.tableName("Orders")).itemStream()
        .filter(i -> i.get("customer").equals(s("plain-1"))).collect(Collectors.toList());
    assertThat(items).singleElement().satisfies(i -> assertThat(i.get("created")).isEqualTo(s("2025-03-01T12:00:00.000000000Z")));
  }
}
