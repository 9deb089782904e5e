package io.dynamo4j.engine.tck.query;

import static io.dynamo4j.model.AttributeValue.b;
import static io.dynamo4j.model.AttributeValue.n;
import static io.dynamo4j.model.AttributeValue.s;
import static org.assertj.core.api.Assertions.assertThat;

import io.dynamo4j.api.AttributeDefinition;
import io.dynamo4j.api.BillingMode;
import io.dynamo4j.api.ComparisonOperator;
import io.dynamo4j.api.Condition;
import io.dynamo4j.api.ConditionalOperator;
import io.dynamo4j.api.KeySchemaElement;
import io.dynamo4j.api.QueryRequest;
import io.dynamo4j.api.QueryResponse;
import io.dynamo4j.api.Select;
import io.dynamo4j.engine.tck.EngineTest;
import io.dynamo4j.model.AttributeValue;
import io.dynamo4j.model.Item;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Query on a table: every key condition operator, in both directions, with Limit, ExclusiveStartKey,
 * filters, Select and projections, in expression and legacy form.
 *
 * <p>Fixture {@code Qnum}: key pk (S) + sk (N); partition "p" holds sk -3, -1.5, 0, 1, 2, 10, 11, 100
 * (each with v = "v" + sk and odd = whether sk is an odd integer); partitions "other" and "x" hold
 * one item each. {@code QStr}: key pk (S) + sk (S) with sorted strings; {@code QBin}: pk (S) + sk (B).
 */
class QueryTest extends EngineTest {

  private static final List<String> SKS = List.of("-3", "-1.5", "0", "1", "2", "10", "11", "100");

  @BeforeEach
  void createFixture() {
    createSimpleTable("Qnum", true);
    for (String sk : SKS) {
      boolean odd = sk.matches("-?\\d+") && Math.abs(Long.parseLong(sk)) % 2 == 1;
      put("Qnum", Item.of("pk", s("p"), "sk", n(sk), "v", s("v" + sk), "odd", AttributeValue.bool(odd)));
    }
    put("Qnum", Item.of("pk", s("other"), "sk", n(1)));
    put("Qnum", Item.of("pk", s("x"), "sk", n(5)));
    engine.createTable(t -> t.tableName("QStr").billingMode(BillingMode.PAY_PER_REQUEST)
        .keySchema(KeySchemaElement.hash("pk"), KeySchemaElement.range("sk"))
        .attributeDefinitions(AttributeDefinition.string("pk"), AttributeDefinition.string("sk")));
    for (String sk : List.of("a", "ab", "abc", "abd", "b", "b\u0000", "b\u0000c", "ba", "\u00e9", "\uD83D\uDE00")) {
      put("QStr", Item.of("pk", s("p"), "sk", s(sk)));
    }
    engine.createTable(t -> t.tableName("QBin").billingMode(BillingMode.PAY_PER_REQUEST)
        .keySchema(KeySchemaElement.hash("pk"), KeySchemaElement.range("sk"))
        .attributeDefinitions(AttributeDefinition.string("pk"), AttributeDefinition.binary("sk")));
    for (int[] bytes : new int[][] {{0}, {0, 0}, {0, 1}, {1}, {0x7f}, {0x80}, {0xff}, {0xff, 0}}) {
      byte[] raw = new byte[bytes.length];
      for (int i = 0; i < raw.length; i++) {
        raw[i] = (byte) bytes[i];
      }
      put("QBin", Item.of("pk", s("p"), "sk", b(raw)));
    }
  }

  private void put(String table, Item item) {
    engine.putItem(p -> p.tableName(table).item(item));
  }

  private QueryResponse query(Consumer<QueryRequest.Builder> request) {
    return engine.query(request);
  }

  private static List<String> sks(QueryResponse response) {
    List<String> out = new ArrayList<>();
    for (Item item : response.items()) {
      out.add(item.get("sk") instanceof AttributeValue.N num ? num.text() : ((AttributeValue.S) item.get("sk")).value());
    }
    return out;
  }

  // ---------------------------------------------------------------- key conditions

  static Stream<Arguments> numberConditions() {
    return Stream.of(
        Arguments.of("pk = :p", null, null, SKS),
        Arguments.of("pk = :p AND sk = :a", "1", null, List.of("1")),
        Arguments.of("pk = :p AND sk = :a", "1.0", null, List.of("1")),
        Arguments.of("pk = :p AND sk = :a", "3", null, List.of()),
        Arguments.of("pk = :p AND sk < :a", "1", null, List.of("-3", "-1.5", "0")),
        Arguments.of("pk = :p AND sk <= :a", "1", null, List.of("-3", "-1.5", "0", "1")),
        Arguments.of("pk = :p AND sk > :a", "1", null, List.of("2", "10", "11", "100")),
        Arguments.of("pk = :p AND sk >= :a", "1", null, List.of("1", "2", "10", "11", "100")),
        Arguments.of("pk = :p AND sk > :a", "-2", null, List.of("-1.5", "0", "1", "2", "10", "11", "100")),
        Arguments.of("pk = :p AND sk < :a", "-1.5", null, List.of("-3")),
        Arguments.of("pk = :p AND sk BETWEEN :a AND :b", "0", "10", List.of("0", "1", "2", "10")),
        Arguments.of("pk = :p AND sk BETWEEN :a AND :b", "-3", "-3", List.of("-3")),
        Arguments.of("pk = :p AND sk BETWEEN :a AND :b", "3", "9", List.of()),
        Arguments.of(":a < sk AND pk = :p", "10", null, List.of("11", "100")),
        Arguments.of("(pk = :p) AND (:a >= sk)", "-1.5", null, List.of("-3", "-1.5")));
  }

  @ParameterizedTest(name = "{0} [{1}, {2}]")
  @MethodSource("numberConditions")
  void query_numberSortCondition_returnsTheMatchingItemsInOrderBothWays(String condition, String a, String b2,
      List<String> expected) {
    Map<String, AttributeValue> values = new java.util.HashMap<>();
    values.put(":p", s("p"));
    if (a != null) {
      values.put(":a", n(a));
    }
    if (b2 != null) {
      values.put(":b", n(b2));
    }
    QueryResponse forward = query(q -> q.tableName("Qnum").keyConditionExpression(condition).expressionAttributeValues(values));
    assertThat(sks(forward)).isEqualTo(expected);
    assertThat(forward.count()).isEqualTo(expected.size());
    assertThat(forward.scannedCount()).isEqualTo(expected.size());
    assertThat(forward.lastEvaluatedKey()).isNull();
    QueryResponse backward = query(q -> q.tableName("Qnum").keyConditionExpression(condition).expressionAttributeValues(values)
        .scanIndexForward(false));
    List<String> reversed = new ArrayList<>(expected);
    java.util.Collections.reverse(reversed);
    assertThat(sks(backward)).isEqualTo(reversed);
  }

  static Stream<Arguments> stringConditions() {
    return Stream.of(
        Arguments.of("begins_with(sk, :a)", "ab", null, List.of("ab", "abc", "abd")),
        Arguments.of("begins_with(sk, :a)", "b", null, List.of("b", "b\u0000", "b\u0000c", "ba")),
        Arguments.of("begins_with(sk, :a)", "b\u0000", null, List.of("b\u0000", "b\u0000c")),
        Arguments.of("begins_with(sk, :a)", "z", null, List.of()),
        Arguments.of("sk > :a", "b", null, List.of("b\u0000", "b\u0000c", "ba", "\u00e9", "\uD83D\uDE00")),
        Arguments.of("sk <= :a", "abc", null, List.of("a", "ab", "abc")),
        Arguments.of("sk BETWEEN :a AND :b", "ab", "b", List.of("ab", "abc", "abd", "b")),
        Arguments.of("sk >= :a", "\u00e9", null, List.of("\u00e9", "\uD83D\uDE00")));
  }

  @ParameterizedTest(name = "{0} [{1}, {2}]")
  @MethodSource("stringConditions")
  void query_stringSortCondition_ordersByUtf8Bytes(String condition, String a, String b2, List<String> expected) {
    Map<String, AttributeValue> values = new java.util.HashMap<>();
    values.put(":p", s("p"));
    values.put(":a", s(a));
    if (b2 != null) {
      values.put(":b", s(b2));
    }
    QueryResponse response = query(q -> q.tableName("QStr").keyConditionExpression("pk = :p AND " + condition)
        .expressionAttributeValues(values));
    assertThat(sks(response)).isEqualTo(expected);
  }

  @Test
  void query_binarySortKey_ordersUnsignedAndSupportsBeginsWith() {
    QueryResponse all = query(q -> q.tableName("QBin").keyConditionExpression("pk = :p")
        .expressionAttributeValues(Map.of(":p", s("p"))));
    List<String> hex = new ArrayList<>();
    for (Item item : all.items()) {
      hex.add(hex(((AttributeValue.B) item.get("sk")).value().toByteArray()));
    }
    assertThat(hex).containsExactly("00", "0000", "0001", "01", "7f", "80", "ff", "ff00");
    QueryResponse prefixed = query(q -> q.tableName("QBin").keyConditionExpression("pk = :p AND begins_with(sk, :b)")
        .expressionAttributeValues(Map.of(":p", s("p"), ":b", b(new byte[] {0}))));
    assertThat(prefixed.count()).isEqualTo(3);
    QueryResponse ff = query(q -> q.tableName("QBin").keyConditionExpression("pk = :p AND sk >= :b")
        .expressionAttributeValues(Map.of(":p", s("p"), ":b", b(new byte[] {(byte) 0xff}))));
    assertThat(ff.count()).isEqualTo(2);
  }

  private static String hex(byte[] bytes) {
    StringBuilder sb = new StringBuilder();
    for (byte x : bytes) {
      sb.append(String.format("%02x", x));
    }
    return sb.toString();
  }

  @Test
  void query_otherPartitionsAndMissingPartition_returnOnlyTheirItems() {
    assertThat(sks(query(q -> q.tableName("Qnum").keyConditionExpression("pk = :p")
        .expressionAttributeValues(Map.of(":p", s("other")))))).containsExactly("1");
    QueryResponse none = query(q -> q.tableName("Qnum").keyConditionExpression("pk = :p")
        .expressionAttributeValues(Map.of(":p", s("nothing"))));
    assertThat(none.items()).isEmpty();
    assertThat(none.count()).isZero();
    assertThat(none.scannedCount()).isZero();
    assertThat(none.lastEvaluatedKey()).isNull();
  }

  @Test
  void query_legacyKeyConditions_selectTheSameItems() {
    QueryResponse response = query(q -> q.tableName("Qnum").keyConditions(Map.of(
        "pk", Condition.builder().comparisonOperator(ComparisonOperator.EQ).attributeValueList(s("p")).build(),
        "sk", Condition.builder().comparisonOperator(ComparisonOperator.BETWEEN).attributeValueList(n(1), n(10)).build())));
    assertThat(sks(response)).containsExactly("1", "2", "10");
    QueryResponse prefix = query(q -> q.tableName("QStr").keyConditions(Map.of(
        "pk", Condition.builder().comparisonOperator(ComparisonOperator.EQ).attributeValueList(s("p")).build(),
        "sk", Condition.builder().comparisonOperator(ComparisonOperator.BEGINS_WITH).attributeValueList(s("ab")).build())));
    assertThat(sks(prefix)).containsExactly("ab", "abc", "abd");
  }

  // ---------------------------------------------------------------- Limit and paging

  @Test
  void query_limit_stopsAfterLimitItemsReadAndReturnsTheirKey() {
    QueryResponse first = query(q -> q.tableName("Qnum").keyConditionExpression("pk = :p")
        .expressionAttributeValues(Map.of(":p", s("p"))).limit(3));
    assertThat(sks(first)).containsExactly("-3", "-1.5", "0");
    assertThat(first.lastEvaluatedKey()).isEqualTo(Item.of("pk", s("p"), "sk", n(0)));
    QueryResponse second = query(q -> q.tableName("Qnum").keyConditionExpression("pk = :p")
        .expressionAttributeValues(Map.of(":p", s("p"))).limit(3).exclusiveStartKey(first.lastEvaluatedKey()));
    assertThat(sks(second)).containsExactly("1", "2", "10");
  }

  @Test
  void query_limitEqualToTheItemsLeft_stillReturnsLastEvaluatedKey() {
    QueryResponse response = query(q -> q.tableName("Qnum").keyConditionExpression("pk = :p AND sk >= :a")
        .expressionAttributeValues(Map.of(":p", s("p"), ":a", n(11))).limit(2));
    assertThat(sks(response)).containsExactly("11", "100");
    assertThat(response.lastEvaluatedKey()).isEqualTo(Item.of("pk", s("p"), "sk", n(100)));
    QueryResponse next = query(q -> q.tableName("Qnum").keyConditionExpression("pk = :p AND sk >= :a")
        .expressionAttributeValues(Map.of(":p", s("p"), ":a", n(11))).limit(2).exclusiveStartKey(response.lastEvaluatedKey()));
    assertThat(next.items()).isEmpty();
    assertThat(next.lastEvaluatedKey()).isNull();
  }

  @Test
  void query_backwardsWithLimit_pagesFromTheTop() {
    QueryResponse first = query(q -> q.tableName("Qnum").keyConditionExpression("pk = :p AND sk < :a")
        .expressionAttributeValues(Map.of(":p", s("p"), ":a", n(11))).limit(2).scanIndexForward(false));
    assertThat(sks(first)).containsExactly("10", "2");
    QueryResponse second = query(q -> q.tableName("Qnum").keyConditionExpression("pk = :p AND sk < :a")
        .expressionAttributeValues(Map.of(":p", s("p"), ":a", n(11))).limit(2).scanIndexForward(false)
        .exclusiveStartKey(first.lastEvaluatedKey()));
    assertThat(sks(second)).containsExactly("1", "0");
  }

  @Test
  void query_exclusiveStartKeyOfDeletedOrAbsentItem_resumesRightAfterIt() {
    // sk 1.5 never existed: the next page starts at the first key above it
    QueryResponse response = query(q -> q.tableName("Qnum").keyConditionExpression("pk = :p")
        .expressionAttributeValues(Map.of(":p", s("p"))).exclusiveStartKey(Item.of("pk", s("p"), "sk", n("1.5"))));
    assertThat(sks(response)).containsExactly("2", "10", "11", "100");
    QueryResponse backward = query(q -> q.tableName("Qnum").keyConditionExpression("pk = :p")
        .expressionAttributeValues(Map.of(":p", s("p"))).exclusiveStartKey(Item.of("pk", s("p"), "sk", n("1.5")))
        .scanIndexForward(false));
    assertThat(sks(backward)).containsExactly("1", "0", "-1.5", "-3");
  }

  // ---------------------------------------------------------------- filters

  @Test
  void query_filter_countsReadItemsInScannedCountAndMatchesInCount() {
    QueryResponse response = query(q -> q.tableName("Qnum").keyConditionExpression("pk = :p")
        .filterExpression("odd = :t").expressionAttributeValues(Map.of(":p", s("p"), ":t", AttributeValue.bool(true))));
    assertThat(sks(response)).containsExactly("-3", "1", "11");
    assertThat(response.count()).isEqualTo(3);
    assertThat(response.scannedCount()).isEqualTo(8);
  }

  @Test
  void query_filterWithLimit_limitsItemsReadNotItemsReturned() {
    QueryResponse response = query(q -> q.tableName("Qnum").keyConditionExpression("pk = :p")
        .filterExpression("odd = :t").expressionAttributeValues(Map.of(":p", s("p"), ":t", AttributeValue.bool(true))).limit(4));
    assertThat(sks(response)).containsExactly("-3", "1");
    assertThat(response.scannedCount()).isEqualTo(4);
    assertThat(response.lastEvaluatedKey()).isEqualTo(Item.of("pk", s("p"), "sk", n(1)));
  }

  @Test
  void query_filterMatchingNothingWithLimit_returnsNoItemsAndALastEvaluatedKey() {
    QueryResponse response = query(q -> q.tableName("Qnum").keyConditionExpression("pk = :p")
        .filterExpression("v = :v").expressionAttributeValues(Map.of(":p", s("p"), ":v", s("none"))).limit(2));
    assertThat(response.items()).isEmpty();
    assertThat(response.count()).isZero();
    assertThat(response.scannedCount()).isEqualTo(2);
    assertThat(response.lastEvaluatedKey()).isEqualTo(Item.of("pk", s("p"), "sk", n("-1.5")));
  }

  @Test
  void query_legacyQueryFilterWithOr_filtersLikeTheExpression() {
    QueryResponse response = query(q -> q.tableName("Qnum").keyConditions(Map.of(
            "pk", Condition.builder().comparisonOperator(ComparisonOperator.EQ).attributeValueList(s("p")).build()))
        .queryFilter(Map.of(
            "v", Condition.builder().comparisonOperator(ComparisonOperator.EQ).attributeValueList(s("v2")).build(),
            "odd", Condition.builder().comparisonOperator(ComparisonOperator.EQ).attributeValueList(AttributeValue.bool(true)).build()))
        .conditionalOperator(ConditionalOperator.OR));
    assertThat(sks(response)).containsExactly("-3", "1", "2", "11");
  }

  // ---------------------------------------------------------------- Select and projection

  @Test
  void query_selectCount_returnsCountsAndNoItems() {
    QueryResponse response = query(q -> q.tableName("Qnum").keyConditionExpression("pk = :p")
        .expressionAttributeValues(Map.of(":p", s("p"))).select(Select.COUNT).limit(5));
    assertThat(response.items()).isNull();
    assertThat(response.count()).isEqualTo(5);
    assertThat(response.scannedCount()).isEqualTo(5);
    assertThat(response.lastEvaluatedKey()).isEqualTo(Item.of("pk", s("p"), "sk", n(2)));
  }

  @Test
  void query_projectionExpression_returnsOnlyTheNamedAttributes() {
    QueryResponse response = query(q -> q.tableName("Qnum").keyConditionExpression("pk = :p AND sk <= :a")
        .projectionExpression("v, #o, xyz").expressionAttributeNames(Map.of("#o", "odd"))
        .expressionAttributeValues(Map.of(":p", s("p"), ":a", n(-3))));
    assertThat(response.items()).containsExactly(Item.of("v", s("v-3"), "odd", AttributeValue.bool(true)));
    QueryResponse specific = query(q -> q.tableName("Qnum").keyConditionExpression("pk = :p AND sk <= :a")
        .select(Select.SPECIFIC_ATTRIBUTES).attributesToGet("sk").keyConditionExpression(null)
        .keyConditions(Map.of(
            "pk", Condition.builder().comparisonOperator(ComparisonOperator.EQ).attributeValueList(s("p")).build(),
            "sk", Condition.builder().comparisonOperator(ComparisonOperator.LE).attributeValueList(n(-3)).build())));
    assertThat(specific.items()).containsExactly(Item.of("sk", n(-3)));
  }

  @Test
  void query_selectAllAttributes_returnsWholeItems() {
    QueryResponse response = query(q -> q.tableName("Qnum").keyConditionExpression("pk = :p AND sk = :a")
        .expressionAttributeValues(Map.of(":p", s("p"), ":a", n(2))).select(Select.ALL_ATTRIBUTES).consistentRead(true));
    assertThat(response.items()).containsExactly(
        Item.of("pk", s("p"), "sk", n(2), "v", s("v2"), "odd", AttributeValue.bool(false)));
  }
}
