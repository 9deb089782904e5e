package io.dynamo4j.engine.tck.txn;

import static io.dynamo4j.model.AttributeValue.n;
import static io.dynamo4j.model.AttributeValue.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dynamo4j.api.ConsumedCapacity;
import io.dynamo4j.api.ReturnConsumedCapacity;
import io.dynamo4j.api.TransactWriteItem;
import io.dynamo4j.api.TransactWriteItemsRequest;
import io.dynamo4j.api.TransactWriteItemsResponse;
import io.dynamo4j.engine.tck.EngineTest;
import io.dynamo4j.error.IdempotentParameterMismatchException;
import io.dynamo4j.error.TransactionCanceledException;
import io.dynamo4j.model.Item;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * ClientRequestToken (API Reference, TransactWriteItems): for ten minutes after the first request
 * with a token completes, the same token and request return without doing anything again (and
 * report read units, not write units); another request with the token is an
 * IdempotentParameterMismatchException; a failed request leaves no token behind.
 */
class ClientRequestTokenTest extends EngineTest {

  private static final Item KEY = Item.of("pk", s("counter"));

  @BeforeEach
  void createTable() {
    createSimpleTable("Tokens", false);
    engine.putItem(p -> p.tableName("Tokens").item(KEY.with("n", n(0))));
  }

  private static TransactWriteItemsRequest increment(String token, long by) {
    return TransactWriteItemsRequest.builder().clientRequestToken(token).transactItems(TransactWriteItem.builder()
        .update(u -> u.tableName("Tokens").key(KEY).updateExpression("ADD n :by").expressionAttributeValues(Map.of(":by", n(by)))).build())
        .build();
  }

  private String counter() {
    return engine.getItem(g -> g.tableName("Tokens").key(KEY)).item().getN("n").toPlainString();
  }

  @Test
  void sameTokenSameRequest_appliesOnce_replayReportsReadUnits() {
    TransactWriteItemsResponse first = engine.transactWriteItems(
        increment("tok-1", 1).toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build());
    TransactWriteItemsResponse again = engine.transactWriteItems(
        increment("tok-1", 1).toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build());
    TransactWriteItemsResponse third = engine.transactWriteItems(increment("tok-1", 1));

    assertThat(counter()).isEqualTo("1");
    assertThat(first.consumedCapacity()).containsExactly(
        ConsumedCapacity.builder().tableName("Tokens").capacityUnits(2.0).writeCapacityUnits(2.0).build());
    assertThat(again.consumedCapacity()).containsExactly(
        ConsumedCapacity.builder().tableName("Tokens").capacityUnits(2.0).readCapacityUnits(2.0).build());
    assertThat(third.consumedCapacity()).isNull();
  }

  @Test
  void sameTokenOtherRequest_isAMismatch_andChangesNothing() {
    engine.transactWriteItems(increment("tok-2", 1));
    assertThatThrownBy(() -> engine.transactWriteItems(increment("tok-2", 2)))
        .isExactlyInstanceOf(IdempotentParameterMismatchException.class);
    assertThat(counter()).isEqualTo("1");
  }

  @Test
  void tokenAfterTenMinutes_namesANewRequest() {
    engine.transactWriteItems(increment("tok-3", 1));
    clock.advance(Duration.ofMinutes(10).minusSeconds(1));
    engine.transactWriteItems(increment("tok-3", 1));
    assertThat(counter()).isEqualTo("1");
    clock.advance(Duration.ofSeconds(1));
    engine.transactWriteItems(increment("tok-3", 1));
    assertThat(counter()).isEqualTo("2");
    engine.transactWriteItems(increment("tok-3", 1));
    assertThat(counter()).as("a new window started with the second run").isEqualTo("2");
  }

  @Test
  void failedRequest_leavesNoToken_sameTokenRunsAgain() {
    TransactWriteItemsRequest guarded = TransactWriteItemsRequest.builder().clientRequestToken("tok-4").transactItems(
        TransactWriteItem.builder().update(u -> u.tableName("Tokens").key(KEY).updateExpression("ADD n :one")
            .conditionExpression("attribute_exists(ready)").expressionAttributeValues(Map.of(":one", n(1)))).build()).build();
    assertThatThrownBy(() -> engine.transactWriteItems(guarded)).isInstanceOf(TransactionCanceledException.class);
    engine.updateItem(u -> u.tableName("Tokens").key(KEY).updateExpression("SET ready = :t").expressionAttributeValues(Map.of(":t", n(1))));
    engine.transactWriteItems(guarded);
    assertThat(counter()).isEqualTo("1");
  }

  @Test
  void withoutToken_everyRequestApplies() {
    engine.transactWriteItems(increment(null, 1));
    engine.transactWriteItems(increment(null, 1));
    assertThat(counter()).isEqualTo("2");
  }
}
