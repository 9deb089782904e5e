package io.dynamo4j.engine.tck.query;

import static io.dynamo4j.model.AttributeValue.n;
import static io.dynamo4j.model.AttributeValue.s;
import static org.assertj.core.api.Assertions.assertThat;

import io.dynamo4j.api.AttributeDefinition;
import io.dynamo4j.api.BillingMode;
import io.dynamo4j.api.GlobalSecondaryIndex;
import io.dynamo4j.api.KeySchemaElement;
import io.dynamo4j.api.LocalSecondaryIndex;
import io.dynamo4j.api.Projection;
import io.dynamo4j.api.QueryRequest;
import io.dynamo4j.api.QueryResponse;
import io.dynamo4j.api.ScanRequest;
import io.dynamo4j.api.ScanResponse;
import io.dynamo4j.api.Select;
import io.dynamo4j.engine.tck.EngineTest;
import io.dynamo4j.model.AttributeValue;
import io.dynamo4j.model.Item;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Pagination: every Query and Scan below, paged with every Limit from 1 to the number of items it
 * reads, returns exactly the items of the unpaged request, each once and in the same order; and with
 * items near the item size limit, pages end once the items read reach 1 MB (before the filter),
 * and the pages together still return every item once, in order.
 *
 * <p>Fixture {@code Pages}: pk S + sk N; partition "p" holds sk 0..11 (g = "G", gs = sk % 4,
 * l = "l" + (11 - sk), odd = sk % 2), partitions "q0".."q8" hold two items each (g = "H", gs = sk);
 * GSI {@code byG} (g, gs; ALL), LSI {@code byL} (pk, l; INCLUDE odd).
 */
class PaginationTest extends EngineTest {

  private void createPages() {
    engine.createTable(t -> t.tableName("Pages").billingMode(BillingMode.PAY_PER_REQUEST)
        .keySchema(KeySchemaElement.hash("pk"), KeySchemaElement.range("sk"))
        .attributeDefinitions(AttributeDefinition.string("pk"), AttributeDefinition.number("sk"), AttributeDefinition.string("g"),
            AttributeDefinition.number("gs"), AttributeDefinition.string("l"))
        .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("byG")
            .keySchema(KeySchemaElement.hash("g"), KeySchemaElement.range("gs")).projection(Projection.all()).build())
        .localSecondaryIndexes(LocalSecondaryIndex.builder().indexName("byL")
            .keySchema(KeySchemaElement.hash("pk"), KeySchemaElement.range("l")).projection(Projection.include("odd")).build()));
    for (int sk = 0; sk < 12; sk++) {
      put(Item.builder().put("pk", s("p")).put("sk", n(sk)).put("g", s("G")).put("gs", n(sk % 4))
          .put("l", s("l" + (11 - sk))).put("odd", n(sk % 2)).build());
    }
    for (int q = 0; q < 9; q++) {
      for (int sk = 0; sk < 2; sk++) {
        put(Item.builder().put("pk", s("q" + q)).put("sk", n(sk)).put("g", s("H")).put("gs", n(sk)).put("l", s("m" + q))
            .put("odd", n(q % 2)).build());
      }
    }
  }

  private void put(Item item) {
    engine.putItem(p -> p.tableName("Pages").item(item));
  }

  static Stream<Arguments> queries() {
    Map<String, AttributeValue> p = Map.of(":p", s("p"));
    return Stream.of(
        Arguments.of("table partition", (UnaryOperator<QueryRequest.Builder>) b -> b.keyConditionExpression("pk = :p")
            .expressionAttributeValues(p)),
        Arguments.of("table partition backwards", (UnaryOperator<QueryRequest.Builder>) b -> b.keyConditionExpression("pk = :p")
            .expressionAttributeValues(p).scanIndexForward(false)),
        Arguments.of("sort range with filter", (UnaryOperator<QueryRequest.Builder>) b -> b
            .keyConditionExpression("pk = :p AND sk BETWEEN :a AND :b").filterExpression("odd = :o")
            .expressionAttributeValues(Map.of(":p", s("p"), ":a", n(2), ":b", n(10), ":o", n(1)))),
        Arguments.of("projection backwards", (UnaryOperator<QueryRequest.Builder>) b -> b.keyConditionExpression("pk = :p AND sk > :a")
            .projectionExpression("sk, odd").expressionAttributeValues(Map.of(":p", s("p"), ":a", n(3))).scanIndexForward(false)),
        Arguments.of("global index with equal keys", (UnaryOperator<QueryRequest.Builder>) b -> b.indexName("byG")
            .keyConditionExpression("g = :g").expressionAttributeValues(Map.of(":g", s("G")))),
        Arguments.of("global index backwards with range", (UnaryOperator<QueryRequest.Builder>) b -> b.indexName("byG")
            .keyConditionExpression("g = :g AND gs <= :s").expressionAttributeValues(Map.of(":g", s("G"), ":s", n(2)))
            .scanIndexForward(false)),
        Arguments.of("local index", (UnaryOperator<QueryRequest.Builder>) b -> b.indexName("byL").keyConditionExpression("pk = :p")
            .expressionAttributeValues(p)),
        Arguments.of("local index fetching, backwards", (UnaryOperator<QueryRequest.Builder>) b -> b.indexName("byL")
            .keyConditionExpression("pk = :p AND begins_with(l, :l)").select(Select.ALL_ATTRIBUTES)
            .expressionAttributeValues(Map.of(":p", s("p"), ":l", s("l1"))).scanIndexForward(false)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("queries")
  void query_everyLimit_returnsEachItemOnceInOrder(String name, UnaryOperator<QueryRequest.Builder> request) {
    createPages();
    QueryResponse whole = engine.query(b -> request.apply(b.tableName("Pages")));
    assertThat(whole.lastEvaluatedKey()).isNull();
    int read = whole.scannedCount();
    assertThat(read).isPositive();
    for (int limit = 1; limit <= read; limit++) {
      List<Item> items = new ArrayList<>();
      int scanned = 0;
      Item start = null;
      int pages = 0;
      do {
        Item from = start;
        int l = limit;
        QueryResponse page = engine.query(b -> request.apply(b.tableName("Pages")).limit(l).exclusiveStartKey(from));
        assertThat(page.scannedCount()).isLessThanOrEqualTo(limit);
        items.addAll(page.items());
        scanned += page.scannedCount();
        start = page.lastEvaluatedKey();
        pages++;
      } while (start != null);
      assertThat(items).as("limit %d", limit).isEqualTo(whole.items());
      assertThat(scanned).as("limit %d", limit).isEqualTo(read);
      assertThat(pages).as("limit %d", limit).isEqualTo(read / limit + 1);
    }
  }

  static Stream<Arguments> scans() {
    return Stream.of(
        Arguments.of("table", (UnaryOperator<ScanRequest.Builder>) b -> b),
        Arguments.of("table with filter", (UnaryOperator<ScanRequest.Builder>) b -> b.filterExpression("odd = :o")
            .expressionAttributeValues(Map.of(":o", n(0)))),
        Arguments.of("global index", (UnaryOperator<ScanRequest.Builder>) b -> b.indexName("byG")),
        Arguments.of("local index with projection", (UnaryOperator<ScanRequest.Builder>) b -> b.indexName("byL").projectionExpression("l, pk")),
        Arguments.of("segment 1 of 3", (UnaryOperator<ScanRequest.Builder>) b -> b.segment(1).totalSegments(3)),
        Arguments.of("count", (UnaryOperator<ScanRequest.Builder>) b -> b.select(Select.COUNT)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scans")
  void scan_everyLimit_returnsEachItemOnceInOrder(String name, UnaryOperator<ScanRequest.Builder> request) {
    createPages();
    ScanResponse whole = engine.scan(b -> request.apply(b.tableName("Pages")));
    assertThat(whole.lastEvaluatedKey()).isNull();
    int read = whole.scannedCount();
    for (int limit = 1; limit <= read; limit++) {
      List<Item> items = new ArrayList<>();
      int count = 0;
      Item start = null;
      do {
        Item from = start;
        int l = limit;
        ScanResponse page = engine.scan(b -> request.apply(b.tableName("Pages")).limit(l).exclusiveStartKey(from));
        if (page.items() != null) {
          items.addAll(page.items());
        }
        count += page.count();
        start = page.lastEvaluatedKey();
      } while (start != null);
      if (whole.items() != null) {
        assertThat(items).as("limit %d", limit).isEqualTo(whole.items());
      }
      assertThat(count).as("limit %d", limit).isEqualTo(whole.count());
    }
  }

  // ---------------------------------------------------------------- 1 MB pages

  private static final int BIG = 350_000;

  /** 12 items of about 350 KB in partition "big" (sk 0..11) and 6 more in partitions "b0".."b5". */
  private List<Item> createBig() {
    createSimpleTable("BigPages", true);
    List<Item> all = new ArrayList<>();
    for (int sk = 0; sk < 12; sk++) {
      all.add(Item.of("pk", s("big"), "sk", n(sk), "body", s(Character.toString('a' + sk).repeat(BIG + 1000 * sk))));
    }
    for (int i = 0; i < 6; i++) {
      all.add(Item.of("pk", s("b" + i), "sk", n(0), "body", s("z".repeat(BIG))));
    }
    for (Item item : all) {
      engine.putItem(p -> p.tableName("BigPages").item(item));
    }
    return all;
  }

  @Test
  void query_itemsNearTheSizeLimit_pagesEndOnceOneMegabyteIsRead() {
    List<Item> all = createBig();
    List<Item> expected = all.subList(0, 12);
    List<Item> items = new ArrayList<>();
    Item start = null;
    do {
      Item from = start;
      QueryResponse page = engine.query(q -> q.tableName("BigPages").keyConditionExpression("pk = :p")
          .expressionAttributeValues(Map.of(":p", s("big"))).exclusiveStartKey(from));
      long size = 0;
      for (Item item : page.items()) {
        size += item.sizeInBytes();
      }
      if (page.lastEvaluatedKey() != null) {
        Item last = page.items().get(page.items().size() - 1);
        assertThat(size).as("a full page reaches 1 MB").isGreaterThanOrEqualTo(1 << 20);
        assertThat(size - last.sizeInBytes()).as("and stops at the item that reaches it").isLessThan(1 << 20);
        assertThat(page.lastEvaluatedKey()).isEqualTo(Item.of("pk", last.get("pk"), "sk", last.get("sk")));
      }
      items.addAll(page.items());
      start = page.lastEvaluatedKey();
    } while (start != null);
    assertThat(items).isEqualTo(expected);
  }

  @Test
  void scan_itemsNearTheSizeLimitWithEveryLimit_returnEachItemOnceInOrder() {
    List<Item> all = createBig();
    List<Item> whole = new ArrayList<>();
    Item start = null;
    do {
      Item from = start;
      ScanResponse page = engine.scan(r -> r.tableName("BigPages").exclusiveStartKey(from));
      assertThat(page.scannedCount()).isLessThanOrEqualTo(3);
      whole.addAll(page.items());
      start = page.lastEvaluatedKey();
    } while (start != null);
    assertThat(whole).containsExactlyInAnyOrderElementsOf(all);
    for (int limit = 1; limit <= all.size(); limit++) {
      List<Item> items = new ArrayList<>();
      start = null;
      do {
        Item from = start;
        int l = limit;
        ScanResponse page = engine.scan(r -> r.tableName("BigPages").limit(l).exclusiveStartKey(from));
        assertThat(page.scannedCount()).isLessThanOrEqualTo(Math.min(l, 3));
        items.addAll(page.items());
        start = page.lastEvaluatedKey();
      } while (start != null);
      assertThat(items).as("limit %d", limit).isEqualTo(whole);
    }
  }

  @Test
  void scan_filterMatchingNothingOnBigItems_stillEndsPagesAtOneMegabyteRead() {
    createBig();
    ScanResponse page = engine.scan(r -> r.tableName("BigPages").filterExpression("body = :x")
        .expressionAttributeValues(Map.of(":x", s("none"))));
    assertThat(page.count()).isZero();
    assertThat(page.items()).isEmpty();
    assertThat(page.scannedCount()).isEqualTo(3);
    assertThat(page.lastEvaluatedKey()).isNotNull();
  }
}
