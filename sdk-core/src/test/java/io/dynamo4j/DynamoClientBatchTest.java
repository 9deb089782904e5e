package io.dynamo4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.dynamo4j.api.BatchGetItemRequest;
import io.dynamo4j.api.BatchGetItemResponse;
import io.dynamo4j.api.BatchWriteItemRequest;
import io.dynamo4j.api.BatchWriteItemResponse;
import io.dynamo4j.api.Capacity;
import io.dynamo4j.api.ConsumedCapacity;
import io.dynamo4j.api.ItemCollectionMetrics;
import io.dynamo4j.api.KeysAndAttributes;
import io.dynamo4j.api.Operation;
import io.dynamo4j.api.ReturnConsumedCapacity;
import io.dynamo4j.api.WriteRequest;
import io.dynamo4j.error.ProvisionedThroughputExceededException;
import io.dynamo4j.model.AttributeValue;
import io.dynamo4j.model.Item;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DynamoClientBatchTest {

  private final FakeEngine engine = new FakeEngine();
  private final FakeTime time = new FakeTime();

  private DynamoClient client(RetryPolicy policy) {
    return DynamoClient.builder()
        .engine(engine)
        .config(c -> c.retryPolicy(policy).sleeper(time).random(new Random(17)))
        .build();
  }

  private static Item key(String id) {
    return Item.of("id", AttributeValue.s(id));
  }

  private static WriteRequest put(String id) {
    return WriteRequest.builder().putRequest(p -> p.item(key(id).with("v", AttributeValue.n(1)))).build();
  }

  private static WriteRequest delete(String id) {
    return WriteRequest.builder().deleteRequest(d -> d.key(key(id))).build();
  }

  private static KeysAndAttributes keys(String... ids) {
    return KeysAndAttributes.builder()
        .keys(java.util.Arrays.stream(ids).map(DynamoClientBatchTest::key).toList())
        .projectionExpression("id, v")
        .consistentRead(true)
        .build();
  }

  /** Answers each call with the next response of {@code responses}. */
  @SafeVarargs
  private <Q, R> void answers(Operation operation, R... responses) {
    Deque<R> queue = new ArrayDeque<>();
    for (R response : responses) {
      queue.add(response);
    }
    engine.on(operation, (Q request) -> {
      if (queue.isEmpty()) {
        throw new AssertionError("more calls of " + operation.wireName() + " than expected");
      }
      return queue.removeFirst();
    });
  }

  private static BatchWriteItemResponse leaving(Map<String, List<WriteRequest>> unprocessed) {
    return BatchWriteItemResponse.builder().unprocessedItems(unprocessed).build();
  }

  // ---------------------------------------------------------------- BatchWriteItem

  @Test
  void batchWriteItemAll_partlyUnprocessed_resendsOnlyTheUnprocessedPartWithBackoff() {
    BatchWriteItemRequest request = BatchWriteItemRequest.builder()
        .requestItems(Map.of("client_a", List.of(put("1"), put("2"), put("3")), "client_b", List.of(delete("9"))))
        .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)
        .build();
    answers(Operation.BATCH_WRITE_ITEM,
        leaving(Map.of("client_a", List.of(put("3")), "client_b", List.of(delete("9")))),
        leaving(Map.of("client_a", List.of(put("3")))),
        leaving(Map.of()));

    BatchWriteItemResponse response = client(RetryPolicy.defaults()).batchWriteItemAll(request);

    assertThat(response.unprocessedItems()).isEmpty();
    List<BatchWriteItemRequest> sent = engine.requests(Operation.BATCH_WRITE_ITEM);
    assertThat(sent).hasSize(3);
    assertThat(sent.get(0)).isSameAs(request);
    assertThat(sent.get(1).requestItems())
        .isEqualTo(Map.of("client_a", List.of(put("3")), "client_b", List.of(delete("9"))));
    assertThat(sent.get(2).requestItems()).isEqualTo(Map.of("client_a", List.of(put("3"))));
    assertThat(sent).allSatisfy(r -> assertThat(r.returnConsumedCapacity()).isEqualTo(ReturnConsumedCapacity.TOTAL));
    assertThat(time.sleeps).hasSize(2);
    assertThat(time.sleeps.get(0)).isBetween(Duration.ZERO, Duration.ofMillis(25));
    assertThat(time.sleeps.get(1)).isBetween(Duration.ZERO, Duration.ofMillis(50));
  }

  @Test
  void batchWriteItemAll_allProcessedAtOnce_oneCallNoSleep() {
    answers(Operation.BATCH_WRITE_ITEM, leaving(Map.of()));

    BatchWriteItemResponse response = client(RetryPolicy.defaults())
        .batchWriteItemAll(r -> r.requestItems(Map.of("client_a", List.of(put("1")))));

    assertThat(response.unprocessedItems()).isEmpty();
    assertThat(response.consumedCapacity()).isNull();
    assertThat(response.itemCollectionMetrics()).isNull();
    assertThat(engine.calls).hasSize(1);
    assertThat(time.sleeps).isEmpty();
  }

  @Test
  void batchWriteItemAll_unprocessedTableWithEmptyList_isNotResent() {
    answers(Operation.BATCH_WRITE_ITEM, leaving(Map.of("client_a", List.of())));

    BatchWriteItemResponse response = client(RetryPolicy.defaults())
        .batchWriteItemAll(r -> r.requestItems(Map.of("client_a", List.of(put("1")))));

    assertThat(response.unprocessedItems()).isEmpty();
    assertThat(engine.calls).hasSize(1);
  }

  @Test
  void batchWriteItemAll_stillUnprocessedAfterLastAttempt_throwsWithWhatIsLeft() {
    Map<String, List<WriteRequest>> stuck = Map.of("client_a", List.of(put("2")));
    answers(Operation.BATCH_WRITE_ITEM,
        leaving(Map.of("client_a", List.of(put("2"), put("3")))), leaving(stuck), leaving(stuck));

    BatchIncompleteException e = catchThrowableOfType(BatchIncompleteException.class,
        () -> client(RetryPolicy.builder().maxAttempts(3).build())
            .batchWriteItemAll(r -> r.requestItems(Map.of("client_a", List.of(put("1"), put("2"), put("3"))))));

    assertThat(e.operation()).isEqualTo(Operation.BATCH_WRITE_ITEM);
    assertThat(e.attempts()).isEqualTo(3);
    assertThat(e.unprocessedItems()).isEqualTo(stuck);
    assertThat(e.unprocessedKeys()).isEmpty();
    assertThat(e.responses()).isEmpty();
    assertThat(e).hasMessage("BatchWriteItem left 1 write request unprocessed (client_a: 1) after the last of 3 "
        + "attempts allowed by the RetryPolicy; they are in unprocessedItems() to send again later, or allow more "
        + "attempts in ClientConfig.retryPolicy");
    assertThat(engine.calls).hasSize(3);
    assertThat(time.sleeps).hasSize(2);
  }

  @Test
  void batchWriteItemAll_retryPolicyNone_sendsOnceThenThrows() {
    Map<String, List<WriteRequest>> both = new LinkedHashMap<>();
    both.put("client_a", List.of(put("1")));
    both.put("client_b", List.of(put("2")));
    answers(Operation.BATCH_WRITE_ITEM, leaving(both));

    BatchIncompleteException e = catchThrowableOfType(BatchIncompleteException.class,
        () -> client(RetryPolicy.none())
            .batchWriteItemAll(r -> r.requestItems(both)));

    assertThat(e.attempts()).isEqualTo(1);
    assertThat(e.getMessage()).startsWith("BatchWriteItem left 2 write requests unprocessed (client_a: 1, client_b: 1)");
    assertThat(engine.calls).hasSize(1);
    assertThat(time.sleeps).isEmpty();
  }

  @Test
  void batchWriteItemAll_roundThrottled_thatRoundIsRetriedWithTheSameRequest() {
    int[] throttles = {1};
    engine.on(Operation.BATCH_WRITE_ITEM, (BatchWriteItemRequest r) -> {
      if (throttles[0]-- > 0) {
        throw new ProvisionedThroughputExceededException("The level of configured provisioned throughput for one "
            + "or more global secondary indexes of the table was exceeded.");
      }
      return leaving(Map.of());
    });
    BatchWriteItemRequest request = BatchWriteItemRequest.builder()
        .requestItems(Map.of("client_a", List.of(put("1"))))
        .build();

    client(RetryPolicy.defaults()).batchWriteItemAll(request);

    assertThat(engine.<BatchWriteItemRequest>requests(Operation.BATCH_WRITE_ITEM)).containsExactly(request, request);
  }

  @Test
  void batchWriteItemAll_severalRounds_addsUpCapacityPerTableAndKeepsEveryRoundsMetrics() {
    ItemCollectionMetrics m1 = ItemCollectionMetrics.builder().itemCollectionKey(key("1")).sizeEstimateRangeGB(0.0, 1.0).build();
    ItemCollectionMetrics m2 = ItemCollectionMetrics.builder().itemCollectionKey(key("2")).sizeEstimateRangeGB(0.0, 1.0).build();
    answers(Operation.BATCH_WRITE_ITEM,
        BatchWriteItemResponse.builder()
            .unprocessedItems(Map.of("client_a", List.of(put("2"))))
            .itemCollectionMetrics(Map.of("client_a", List.of(m1)))
            .consumedCapacity(
                ConsumedCapacity.builder().tableName("client_a").capacityUnits(1.0)
                    .table(Capacity.builder().capacityUnits(1.0).build()).build(),
                ConsumedCapacity.builder().tableName("client_b").capacityUnits(2.0).build())
            .build(),
        BatchWriteItemResponse.builder()
            .unprocessedItems(Map.of())
            .itemCollectionMetrics(Map.of("client_a", List.of(m2)))
            .consumedCapacity(
                ConsumedCapacity.builder().tableName("client_a").capacityUnits(3.0)
                    .table(Capacity.builder().capacityUnits(3.0).build())
                    .globalSecondaryIndexes(Map.of("byV", Capacity.builder().capacityUnits(1.0).build())).build())
            .build());

    BatchWriteItemResponse response = client(RetryPolicy.defaults())
        .batchWriteItemAll(r -> r.requestItems(Map.of("client_a", List.of(put("1"), put("2")), "client_b", List.of(put("3")))));

    assertThat(response.consumedCapacity()).containsExactly(
        ConsumedCapacity.builder().tableName("client_a").capacityUnits(4.0)
            .table(Capacity.builder().capacityUnits(4.0).build())
            .globalSecondaryIndexes(Map.of("byV", Capacity.builder().capacityUnits(1.0).build())).build(),
        ConsumedCapacity.builder().tableName("client_b").capacityUnits(2.0).build());
    assertThat(response.itemCollectionMetrics()).isEqualTo(Map.of("client_a", List.of(m1, m2)));
  }

  @Test
  void batchWriteItemAll_interruptedBetweenRounds_throwsWithWhatIsLeftAndKeepsTheInterruptFlag() {
    answers(Operation.BATCH_WRITE_ITEM, leaving(Map.of("client_a", List.of(put("1")))));
    InterruptedException interruption = new InterruptedException();
    DynamoClient client = DynamoClient.builder()
        .engine(engine)
        .config(c -> c.sleeper(d -> {
          throw interruption;
        }))
        .build();

    try {
      BatchIncompleteException e = catchThrowableOfType(BatchIncompleteException.class,
        () -> client.batchWriteItemAll(r -> r.requestItems(Map.of("client_a", List.of(put("1"))))));

      assertThat(e).hasCause(interruption);
      assertThat(e.getMessage()).contains("the thread was interrupted after 1 attempt;");
      assertThat(e.unprocessedItems()).isEqualTo(Map.of("client_a", List.of(put("1"))));
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
    } finally {
      Thread.interrupted();
    }
  }

  // ---------------------------------------------------------------- BatchGetItem

  @Test
  void batchGetItemAll_partlyUnprocessed_resendsOnlyTheUnprocessedKeysAndMergesResponses() {
    Item i1 = key("1").with("v", AttributeValue.n(1));
    Item i2 = key("2").with("v", AttributeValue.n(2));
    Item i3 = key("3").with("v", AttributeValue.n(3));
    BatchGetItemRequest request = BatchGetItemRequest.builder()
        .requestItems(Map.of("client_a", keys("1", "2", "3"), "client_b", keys("9")))
        .build();
    answers(Operation.BATCH_GET_ITEM,
        BatchGetItemResponse.builder()
            .responses(Map.of("client_a", List.of(i1), "client_b", List.of()))
            .unprocessedKeys(Map.of("client_a", keys("2", "3")))
            .build(),
        BatchGetItemResponse.builder()
            .responses(Map.of("client_a", List.of(i3)))
            .unprocessedKeys(Map.of("client_a", keys("2")))
            .build(),
        BatchGetItemResponse.builder()
            .responses(Map.of("client_a", List.of(i2)))
            .unprocessedKeys(Map.of())
            .build());

    BatchGetItemResponse response = client(RetryPolicy.defaults()).batchGetItemAll(request);

    assertThat(response.responses()).isEqualTo(Map.of("client_a", List.of(i1, i3, i2), "client_b", List.of()));
    assertThat(response.unprocessedKeys()).isEmpty();
    assertThat(engine.<BatchGetItemRequest>requests(Operation.BATCH_GET_ITEM))
        .extracting(BatchGetItemRequest::requestItems)
        .containsExactly(request.requestItems(), Map.of("client_a", keys("2", "3")), Map.of("client_a", keys("2")));
    assertThat(time.sleeps).hasSize(2);
    assertThat(time.sleeps.get(0)).isBetween(Duration.ZERO, Duration.ofMillis(25));
    assertThat(time.sleeps.get(1)).isBetween(Duration.ZERO, Duration.ofMillis(50));
  }

  @Test
  void batchGetItemAll_stillUnprocessedAfterLastAttempt_throwsWithKeysLeftAndItemsRead() {
    Item i1 = key("1").with("v", AttributeValue.n(1));
    answers(Operation.BATCH_GET_ITEM,
        BatchGetItemResponse.builder()
            .responses(Map.of("client_a", List.of(i1)))
            .unprocessedKeys(Map.of("client_a", keys("2", "3")))
            .build(),
        BatchGetItemResponse.builder()
            .responses(Map.of("client_a", List.of()))
            .unprocessedKeys(Map.of("client_a", keys("2", "3")))
            .build());

    BatchIncompleteException e = catchThrowableOfType(BatchIncompleteException.class,
        () -> client(RetryPolicy.builder().maxAttempts(2).build())
            .batchGetItemAll(r -> r.requestItems(Map.of("client_a", keys("1", "2", "3")))));

    assertThat(e.operation()).isEqualTo(Operation.BATCH_GET_ITEM);
    assertThat(e.attempts()).isEqualTo(2);
    assertThat(e.unprocessedKeys()).isEqualTo(Map.of("client_a", keys("2", "3")));
    assertThat(e.responses()).isEqualTo(Map.of("client_a", List.of(i1)));
    assertThat(e.unprocessedItems()).isEmpty();
    assertThat(e).hasMessage("BatchGetItem left 2 keys unprocessed (client_a: 2) after the last of 2 attempts "
        + "allowed by the RetryPolicy; they are in unprocessedKeys() to send again later, or allow more attempts "
        + "in ClientConfig.retryPolicy");
  }

  @Test
  void batchGetItemAll_severalRounds_addsUpConsumedCapacityPerTable() {
    answers(Operation.BATCH_GET_ITEM,
        BatchGetItemResponse.builder()
            .responses(Map.of("client_a", List.of()))
            .unprocessedKeys(Map.of("client_a", keys("1")))
            .consumedCapacity(ConsumedCapacity.builder().tableName("client_a").capacityUnits(0.5).readCapacityUnits(0.5).build())
            .build(),
        BatchGetItemResponse.builder()
            .responses(Map.of("client_a", List.of(key("1"))))
            .consumedCapacity(ConsumedCapacity.builder().tableName("client_a").capacityUnits(1.0).readCapacityUnits(1.0).build())
            .build());

    BatchGetItemResponse response = client(RetryPolicy.defaults())
        .batchGetItemAll(r -> r.requestItems(Map.of("client_a", keys("1"))).returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));

    assertThat(response.consumedCapacity()).containsExactly(
        ConsumedCapacity.builder().tableName("client_a").capacityUnits(1.5).readCapacityUnits(1.5).build());
    assertThat(response.responses()).isEqualTo(Map.of("client_a", List.of(key("1"))));
  }
}
