package io.dynamo4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.dynamo4j.api.BackupSummary;
import io.dynamo4j.api.ListBackupsRequest;
import io.dynamo4j.api.ListBackupsResponse;
import io.dynamo4j.api.ListStreamsRequest;
import io.dynamo4j.api.ListStreamsResponse;
import io.dynamo4j.api.ListTablesRequest;
import io.dynamo4j.api.ListTablesResponse;
import io.dynamo4j.api.Operation;
import io.dynamo4j.api.QueryRequest;
import io.dynamo4j.api.QueryResponse;
import io.dynamo4j.api.ScanRequest;
import io.dynamo4j.api.ScanResponse;
import io.dynamo4j.api.Select;
import io.dynamo4j.error.ProvisionedThroughputExceededException;
import io.dynamo4j.error.ValidationException;
import io.dynamo4j.model.AttributeValue;
import io.dynamo4j.model.Item;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

class DynamoClientPaginatorTest {

  private static final QueryRequest QUERY = QueryRequest.builder()
      .tableName("client_pages")
      .keyConditionExpression("pk = :p")
      .expressionAttributeValues(Map.of(":p", AttributeValue.s("p1")))
      .limit(2)
      .build();

  private final FakeEngine engine = new FakeEngine();
  private final FakeTime time = new FakeTime();
  private final DynamoClient client = DynamoClient.builder()
      .engine(engine)
      .config(c -> c.sleeper(time).random(new Random(11)))
      .build();

  private static Item item(String sk) {
    return Item.of("pk", AttributeValue.s("p1"), "sk", AttributeValue.s(sk));
  }

  /** The key of {@link #item}: the items have key attributes only. */
  private static Item key(String sk) {
    return item(sk);
  }

  /**
   * Three pages of a Query: [a, b] then, from b, an empty page (a filter removed all it read)
   * that is not the last, then, from c, [d] and the end.
   */
  private void threeQueryPages() {
    engine.on(Operation.QUERY, (QueryRequest r) -> {
      Item start = r.exclusiveStartKey();
      if (start == null) {
        return QueryResponse.builder().items(List.of(item("a"), item("b"))).count(2).lastEvaluatedKey(key("b")).build();
      }
      if (start.equals(key("b"))) {
        return QueryResponse.builder().items(List.of()).count(0).scannedCount(2).lastEvaluatedKey(key("c")).build();
      }
      if (start.equals(key("c"))) {
        return QueryResponse.builder().items(List.of(item("d"))).count(1).build();
      }
      throw new AssertionError("unexpected ExclusiveStartKey " + start);
    });
  }

  private static List<String> sortKeys(Iterable<Item> items) {
    List<String> keys = new ArrayList<>();
    items.forEach(i -> keys.add(i.getS("sk")));
    return keys;
  }

  @Test
  void queryPaginator_createdWithItsIteratorsAndStreams_fetchesNothing() {
    threeQueryPages();

    Pages<QueryResponse, Item> pages = client.queryPaginator(QUERY);
    Iterator<QueryResponse> it = pages.iterator();
    boolean hasFirst = it.hasNext();
    pages.items().iterator();
    pages.stream();
    pages.itemStream();

    assertThat(hasFirst).isTrue();
    assertThat(engine.calls).isEmpty();
  }

  @Test
  void queryPaginator_iterated_fetchesEachPageOnlyWhenReached() {
    threeQueryPages();
    Iterator<QueryResponse> it = client.queryPaginator(QUERY).iterator();

    assertThat(it.next().items()).containsExactly(item("a"), item("b"));
    assertThat(engine.calls).hasSize(1);
    assertThat(it.hasNext()).isTrue();
    assertThat(engine.calls).hasSize(1);

    assertThat(it.next().items()).isEmpty();
    assertThat(engine.calls).hasSize(2);
    assertThat(it.hasNext()).isTrue();

    assertThat(it.next().items()).containsExactly(item("d"));
    assertThat(engine.calls).hasSize(3);
    assertThat(it.hasNext()).isFalse();
    assertThatThrownBy(it::next).isInstanceOf(NoSuchElementException.class);
    assertThat(engine.calls).hasSize(3);
  }

  @Test
  void queryPaginator_laterPages_sendTheFirstRequestFromTheLastEvaluatedKey() {
    threeQueryPages();

    client.queryPaginator(QUERY).forEach(page -> {});

    List<QueryRequest> sent = engine.requests(Operation.QUERY);
    assertThat(sent).extracting(QueryRequest::exclusiveStartKey).containsExactly(null, key("b"), key("c"));
    assertThat(sent.get(2)).isEqualTo(QUERY.toBuilder().exclusiveStartKey(key("c")).build());
  }

  @Test
  void items_emptyPageWithLastEvaluatedKey_continuesToTheNextPage() {
    threeQueryPages();

    assertThat(sortKeys(client.queryPaginator(QUERY).items())).containsExactly("a", "b", "d");
  }

  @Test
  void items_emptyFirstPageWithLastEvaluatedKey_continues() {
    engine.on(Operation.SCAN, (ScanRequest r) -> r.exclusiveStartKey() == null
        ? ScanResponse.builder().items(List.of()).count(0).scannedCount(100).lastEvaluatedKey(key("m")).build()
        : ScanResponse.builder().items(List.of(item("z"))).count(1).build());

    Iterator<Item> items = client.scanPaginator(r -> r.tableName("client_pages").filterExpression("x = :x")).items().iterator();

    assertThat(items.hasNext()).isTrue();
    assertThat(engine.calls).hasSize(2);
    assertThat(items.next()).isEqualTo(item("z"));
    assertThat(items.hasNext()).isFalse();
    assertThat(engine.calls).hasSize(2);
  }

  @Test
  void items_hasNext_fetchesOnlyWhenTheCurrentPageIsUsedUp() {
    threeQueryPages();
    Iterator<Item> items = client.queryPaginator(QUERY).items().iterator();

    assertThat(items.hasNext()).isTrue();
    assertThat(engine.calls).hasSize(1);
    items.next();
    items.next();
    assertThat(engine.calls).hasSize(1);
    assertThat(items.hasNext()).isTrue(); // skips the empty second page
    assertThat(engine.calls).hasSize(3);
    assertThat(items.next()).isEqualTo(item("d"));
    assertThat(items.hasNext()).isFalse();
    assertThatThrownBy(items::next).isInstanceOf(NoSuchElementException.class);
  }

  @Test
  void queryPaginator_iteratedTwice_startsOverFromTheFirstRequest() {
    threeQueryPages();
    Pages<QueryResponse, Item> pages = client.queryPaginator(QUERY);

    assertThat(sortKeys(pages.items())).containsExactly("a", "b", "d");
    assertThat(sortKeys(pages.items())).containsExactly("a", "b", "d");

    assertThat(engine.<QueryRequest>requests(Operation.QUERY)).extracting(QueryRequest::exclusiveStartKey)
        .containsExactly(null, key("b"), key("c"), null, key("b"), key("c"));
  }

  @Test
  void stream_shortCircuited_fetchesOnlyThePagesItNeeds() {
    threeQueryPages();
    Pages<QueryResponse, Item> pages = client.queryPaginator(QUERY);

    assertThat(pages.stream().findFirst()).get().extracting(QueryResponse::count).isEqualTo(2);
    assertThat(engine.calls).hasSize(1);

    assertThat(pages.itemStream().limit(2).map(i -> i.getS("sk")).collect(Collectors.toList())).containsExactly("a", "b");
    assertThat(engine.calls).hasSize(2);
  }

  @Test
  void stream_consumed_yieldsEveryPageAndItem() {
    threeQueryPages();
    Pages<QueryResponse, Item> pages = client.queryPaginator(QUERY);

    assertThat(pages.stream().mapToInt(QueryResponse::count).sum()).isEqualTo(3);
    assertThat(pages.itemStream().map(i -> i.getS("sk"))).containsExactly("a", "b", "d");
    assertThat(engine.calls).hasSize(6);
  }

  @Test
  void queryPaginator_selectCountPagesWithoutItems_yieldsPagesButNoItems() {
    engine.on(Operation.QUERY, (QueryRequest r) -> r.exclusiveStartKey() == null
        ? QueryResponse.builder().count(5).scannedCount(5).lastEvaluatedKey(key("e")).build()
        : QueryResponse.builder().count(1).scannedCount(1).build());
    Pages<QueryResponse, Item> pages = client.queryPaginator(QUERY.toBuilder().select(Select.COUNT).build());

    assertThat(pages.stream().mapToInt(QueryResponse::count).sum()).isEqualTo(6);
    assertThat(pages.items()).isEmpty();
  }

  @Test
  void queryPaginator_pageThrottled_retriesThatPage() {
    int[] throttles = {1};
    engine.on(Operation.QUERY, (QueryRequest r) -> {
      if (r.exclusiveStartKey() != null && throttles[0]-- > 0) {
        throw new ProvisionedThroughputExceededException("The level of configured provisioned throughput for the table was exceeded.");
      }
      return r.exclusiveStartKey() == null
          ? QueryResponse.builder().items(List.of(item("a"))).lastEvaluatedKey(key("a")).build()
          : QueryResponse.builder().items(List.of(item("b"))).build();
    });

    assertThat(sortKeys(client.queryPaginator(QUERY).items())).containsExactly("a", "b");

    assertThat(engine.<QueryRequest>requests(Operation.QUERY)).extracting(QueryRequest::exclusiveStartKey)
        .containsExactly(null, key("a"), key("a"));
    assertThat(time.sleeps).hasSize(1);
  }

  @Test
  void queryPaginator_pageFails_nextTriesThatPageAgain() {
    boolean[] broken = {true};
    engine.on(Operation.QUERY, (QueryRequest r) -> {
      if (r.exclusiveStartKey() == null) {
        return QueryResponse.builder().items(List.of(item("a"))).lastEvaluatedKey(key("a")).build();
      }
      if (broken[0]) {
        throw new ValidationException("The provided starting key is invalid");
      }
      return QueryResponse.builder().items(List.of(item("b"))).build();
    });
    Iterator<QueryResponse> it = client.queryPaginator(QUERY).iterator();
    it.next();

    assertThatThrownBy(it::next).isInstanceOf(ValidationException.class);
    broken[0] = false;

    assertThat(it.next().items()).containsExactly(item("b"));
    assertThat(engine.<QueryRequest>requests(Operation.QUERY)).extracting(QueryRequest::exclusiveStartKey)
        .containsExactly(null, key("a"), key("a"));
  }

  @Test
  void scanPaginator_followsLastEvaluatedKeyAndKeepsTheSegment() {
    engine.on(Operation.SCAN, (ScanRequest r) -> r.exclusiveStartKey() == null
        ? ScanResponse.builder().items(List.of(item("a"))).lastEvaluatedKey(key("a")).build()
        : ScanResponse.builder().items(List.of(item("b"))).build());

    List<Item> items = client.scanPaginator(r -> r.tableName("client_pages").segment(1).totalSegments(4))
        .itemStream().collect(Collectors.toList());

    assertThat(sortKeys(items)).containsExactly("a", "b");
    assertThat(engine.<ScanRequest>requests(Operation.SCAN)).allSatisfy(r -> {
      assertThat(r.segment()).isEqualTo(1);
      assertThat(r.totalSegments()).isEqualTo(4);
    });
  }

  @Test
  void listTablesPaginator_followsLastEvaluatedTableName() {
    engine.on(Operation.LIST_TABLES, (ListTablesRequest r) -> {
      if (r.exclusiveStartTableName() == null) {
        return ListTablesResponse.builder().tableNames("a", "b").lastEvaluatedTableName("b").build();
      }
      if (r.exclusiveStartTableName().equals("b")) {
        return ListTablesResponse.builder().tableNames("c", "d").lastEvaluatedTableName("d").build();
      }
      return ListTablesResponse.builder().tableNames(List.of()).build();
    });

    Pages<ListTablesResponse, String> pages = client.listTablesPaginator();

    assertThat(engine.calls).isEmpty();
    assertThat(pages.items()).containsExactly("a", "b", "c", "d");
    assertThat(engine.<ListTablesRequest>requests(Operation.LIST_TABLES))
        .extracting(ListTablesRequest::exclusiveStartTableName)
        .containsExactly(null, "b", "d");
  }

  @Test
  void listTablesPaginator_limit_keptOnEveryPage() {
    engine.on(Operation.LIST_TABLES, (ListTablesRequest r) -> r.exclusiveStartTableName() == null
        ? ListTablesResponse.builder().tableNames("a").lastEvaluatedTableName("a").build()
        : ListTablesResponse.builder().tableNames("b").build());

    assertThat(client.listTablesPaginator(r -> r.limit(1)).items()).containsExactly("a", "b");
    assertThat(engine.<ListTablesRequest>requests(Operation.LIST_TABLES)).extracting(ListTablesRequest::limit)
        .containsExactly(1, 1);
  }

  @Test
  void listBackupsPaginator_followsLastEvaluatedBackupArn() {
    BackupSummary first = BackupSummary.builder().backupArn("arn:backup/1").tableName("t").build();
    BackupSummary second = BackupSummary.builder().backupArn("arn:backup/2").tableName("t").build();
    engine.on(Operation.LIST_BACKUPS, (ListBackupsRequest r) -> r.exclusiveStartBackupArn() == null
        ? ListBackupsResponse.builder().backupSummaries(first).lastEvaluatedBackupArn("arn:backup/1").build()
        : ListBackupsResponse.builder().backupSummaries(second).build());

    Pages<ListBackupsResponse, BackupSummary> pages = client.listBackupsPaginator(r -> r.tableName("t"));

    assertThat(pages.items()).containsExactly(first, second);
    assertThat(engine.<ListBackupsRequest>requests(Operation.LIST_BACKUPS))
        .extracting(ListBackupsRequest::exclusiveStartBackupArn, ListBackupsRequest::tableName)
        .containsExactly(tuple(null, "t"), tuple("arn:backup/1", "t"));
  }

  @Test
  void listStreamsPaginator_followsLastEvaluatedStreamArn() {
    io.dynamo4j.api.Stream first = io.dynamo4j.api.Stream.builder().streamArn("arn:stream/1").tableName("t").build();
    io.dynamo4j.api.Stream second = io.dynamo4j.api.Stream.builder().streamArn("arn:stream/2").tableName("t").build();
    engine.on(Operation.LIST_STREAMS, (ListStreamsRequest r) -> r.exclusiveStartStreamArn() == null
        ? ListStreamsResponse.builder().streams(first).lastEvaluatedStreamArn("arn:stream/1").build()
        : ListStreamsResponse.builder().streams(second).build());

    Pages<ListStreamsResponse, io.dynamo4j.api.Stream> pages = client.listStreamsPaginator(r -> r.tableName("t"));
    Iterator<ListStreamsResponse> it = pages.iterator();

    assertThat(engine.calls).isEmpty();
    assertThat(it.next().streams()).containsExactly(first);
    assertThat(engine.calls).hasSize(1);
    assertThat(it.next().streams()).containsExactly(second);
    assertThat(it.hasNext()).isFalse();
    assertThat(engine.<ListStreamsRequest>requests(Operation.LIST_STREAMS))
        .extracting(ListStreamsRequest::exclusiveStartStreamArn)
        .containsExactly(null, "arn:stream/1");
    assertThat(StreamSupport.stream(pages.items().spliterator(), false)).containsExactly(first, second);
  }
}
