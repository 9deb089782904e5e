package io.dynamo4j.junit;

import static io.dynamo4j.model.AttributeValue.n;
import static io.dynamo4j.model.AttributeValue.s;
import static org.assertj.core.api.Assertions.assertThat;

import io.dynamo4j.DynamoClient;
import io.dynamo4j.api.KeyType;
import io.dynamo4j.api.StreamViewType;
import io.dynamo4j.api.TableDescription;
import io.dynamo4j.api.TimeToLiveStatus;
import io.dynamo4j.mapper.MappedTable;
import io.dynamo4j.model.AttributeValue;
import io.dynamo4j.model.Item;
import io.dynamo4j.model.Key;
import java.math.BigDecimal;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Tables from mapped classes and from CreateTable JSON; fixtures from JSON lines and JSON arrays. */
@DynamoTest(tables = {Order.class, Account.class}, tableDefinitions = "/tables/events.json")
@Fixture(table = "Orders", value = "fixtures/orders.jsonl")
@Fixture(table = "Events", value = "fixtures/events.json")
class TablesAndFixturesTest {

  @Test
  void tables_fromMappedClassesAndDefinitions_existBeforeTheTest(DynamoClient client) {
    assertThat(client.listTables().tableNames()).containsExactlyInAnyOrder("Accounts", "Events", "Orders");
    TableDescription orders = client.describeTable(r -> r.tableName("Orders")).table();
    assertThat(orders.keySchema()).singleElement().satisfies(k -> {
      assertThat(k.attributeName()).isEqualTo("id");
      assertThat(k.keyType()).isEqualTo(KeyType.HASH);
    });
    assertThat(client.describeTimeToLive(r -> r.tableName("Orders")).timeToLiveDescription().timeToLiveStatus())
        .as("the mapper enables TTL on @TimeToLive").isEqualTo(TimeToLiveStatus.ENABLED);
    TableDescription events = client.describeTable(r -> r.tableName("Events")).table();
    assertThat(events.keySchema()).extracting(k -> k.attributeName()).containsExactly("stream", "seq");
    assertThat(events.streamSpecification().streamViewType()).isEqualTo(StreamViewType.NEW_AND_OLD_IMAGES);
  }

  @Test
  void fixtures_jsonLinesAndJsonArray_areLoaded(MappedTable<Order> orders, DynamoClient client) {
    assertThat(orders.get("o-1").total()).isEqualByComparingTo(new BigDecimal("12.50"));
    assertThat(orders.get("o-3").status()).isEqualTo("SHIPPED");
    assertThat(client.scan(r -> r.tableName("Orders")).count()).isEqualTo(3);
    Item paid = client.getItem(r -> r.tableName("Events").key(Key.of("stream", s("s-1"), "seq", n(2)).toItem())).item();
    assertThat(paid.get("tags")).isEqualTo(AttributeValue.ss(Set.of("card", "eu")));
  }

  @Test
  @Fixture(table = "Orders", value = "fixtures/more-orders.jsonl")
  void fixtures_onTheMethod_addToTheClasss(MappedTable<Order> orders, DynamoClient client) {
    assertThat(client.scan(r -> r.tableName("Orders")).count()).isEqualTo(4);
    assertThat(orders.get("o-4").customer()).isEqualTo("c-3");
  }

  @Test
  void fixtures_ofOneTest_areNotSeenByTheNext(DynamoClient client) {
    assertThat(client.getItem(r -> r.tableName("Orders").key(Key.of("id", s("o-4")).toItem())).item()).isNull();
  }

  @DynamoTest(tables = Order.class)
  @Fixture(table = "Orders", value = "fixtures/missing.jsonl")
  static class MissingFixture {
    @Test
    void test() {}
  }

  @DynamoTest(tables = Order.class)
  @Fixture(table = "Orders", value = "fixtures/not-dynamodb.jsonl")
  static class NotDynamoJson {
    @Test
    void test() {}
  }

  @DynamoTest(tableDefinitions = "tables/broken.json")
  static class BrokenDefinition {
    @Test
    void test() {}
  }

  @DynamoTest
  @Fixture(table = "Nowhere", value = "fixtures/orders.jsonl")
  static class FixtureForMissingTable {
    @Test
    void test() {}
  }

  @DynamoTest(tables = String.class)
  static class UnmappedTable {
    @Test
    void test() {}
  }

  @Test
  void mistakes_failTheTest_sayingWhatAndWhere() {
    assertThat(Kit.failures(Kit.run(MissingFixture.class))).singleElement().satisfies(e -> assertThat(e)
        .hasMessage("Fixture \"fixtures/missing.jsonl\" is not on the class path (looked up by the test class's class"
            + " loader; put it under src/test/resources)"));
    assertThat(Kit.failures(Kit.run(NotDynamoJson.class))).singleElement().satisfies(e -> assertThat(e)
        .hasMessageStartingWith("Fixture \"fixtures/not-dynamodb.jsonl\" is not DynamoDB JSON items"));
    assertThat(Kit.failures(Kit.run(BrokenDefinition.class))).singleElement().satisfies(e -> assertThat(e)
        .hasMessageStartingWith("Table definition \"tables/broken.json\" is not a CreateTable request in DynamoDB's JSON: "));
    assertThat(Kit.failures(Kit.run(FixtureForMissingTable.class))).singleElement().satisfies(e -> assertThat(e)
        .hasMessageStartingWith("@Fixture(table = \"Nowhere\", value = \"fixtures/orders.jsonl\"): DynamoDB refused item ")
        .hasMessageEndingWith(": Requested resource not found"));
    assertThat(Kit.failures(Kit.run(UnmappedTable.class))).singleElement().satisfies(e -> assertThat(e)
        .hasMessage("@DynamoTest(tables = String.class) on " + UnmappedTable.class.getName() + ": java.lang.String is not"
            + " annotated @Table; tables = {...} takes mapped classes that name their table with @Table(\"...\")"));
  }
}
