package io.dynamo4j.engine.tck.txn;

import static io.dynamo4j.model.AttributeValue.n;
import static io.dynamo4j.model.AttributeValue.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.dynamo4j.api.BatchWriteItemResponse;
import io.dynamo4j.api.CancellationReason;
import io.dynamo4j.api.PutRequest;
import io.dynamo4j.api.TransactGetItem;
import io.dynamo4j.api.TransactGetItemsRequest;
import io.dynamo4j.api.TransactWriteItem;
import io.dynamo4j.api.TransactWriteItemsRequest;
import io.dynamo4j.api.WriteRequest;
import io.dynamo4j.engine.tck.EngineTest;
import io.dynamo4j.error.TransactionCanceledException;
import io.dynamo4j.error.TransactionConflictException;
import io.dynamo4j.model.Item;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Conflicts as DynamoDB reports them (Developer Guide, "Transaction conflict handling"), made
 * deterministic by holding a write in flight: a commit listener runs while the writer holds its
 * keys' locks, so a listener that waits keeps the write in flight while the test sends others.
 */
class TransactionConflictTest extends EngineTest {

  private final CountDownLatch inside = new CountDownLatch(1);
  private final CountDownLatch release = new CountDownLatch(1);

  @BeforeEach
  void createTable() {
    createSimpleTable("Conflicts", false);
    engine.putItem(p -> p.tableName("Conflicts").item(Item.of("pk", s("a"), "v", n(1))));
    engine.putItem(p -> p.tableName("Conflicts").item(Item.of("pk", s("b"), "v", n(1))));
  }

  /** Makes the first change whose new item has attribute {@code hold} wait, in flight, until released. */
  private void holdInFlight() {
    AtomicBoolean once = new AtomicBoolean();
    engine.operations().context().addCommitListener((table, key, oldItem, newItem, cause, txn) -> {
      if (newItem != null && newItem.get("hold") != null && once.compareAndSet(false, true)) {
        inside.countDown();
        try {
          release.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    });
  }

  private static TransactWriteItem put(Item item) {
    return TransactWriteItem.builder().put(p -> p.tableName("Conflicts").item(item)).build();
  }

  private static String reasons(TransactionCanceledException e) {
    return e.cancellationReasons().stream().map(r -> r.code() + (r.message() == null ? "" : ":" + r.message())).toList().toString();
  }

  @Test
  void transactionInFlight_otherRequestsOnItsItems_failAtOnceAsDynamoDbReportsThem() throws Exception {
    holdInFlight();
    CompletableFuture<Void> txn = CompletableFuture.runAsync(() -> engine.transactWriteItems(TransactWriteItemsRequest.builder()
        .transactItems(put(Item.of("pk", s("a"), "v", n(2), "hold", n(1))), put(Item.of("pk", s("b"), "v", n(2)))).build()));
    assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();
    try {
      assertThatThrownBy(() -> engine.putItem(p -> p.tableName("Conflicts").item(Item.of("pk", s("a")))))
          .isExactlyInstanceOf(TransactionConflictException.class).hasMessage("Transaction is ongoing for the item");
      assertThatThrownBy(() -> engine.updateItem(u -> u.tableName("Conflicts").key(Item.of("pk", s("b"))).updateExpression("SET v = :v")
          .expressionAttributeValues(Map.of(":v", n(9))))).isExactlyInstanceOf(TransactionConflictException.class);
      assertThatThrownBy(() -> engine.deleteItem(d -> d.tableName("Conflicts").key(Item.of("pk", s("b")))))
          .isExactlyInstanceOf(TransactionConflictException.class);

      TransactionCanceledException w = catchThrowableOfType(() -> engine.transactWriteItems(TransactWriteItemsRequest.builder()
          .transactItems(put(Item.of("pk", s("c"))), put(Item.of("pk", s("b"), "v", n(3)))).build()), TransactionCanceledException.class);
      assertThat(reasons(w)).isEqualTo("[None, TransactionConflict:Transaction is ongoing for the item]");
      assertThat(w.getMessage()).isEqualTo(
          "Transaction cancelled, please refer cancellation reasons for specific reasons [None, TransactionConflict]");

      TransactionCanceledException r = catchThrowableOfType(() -> engine.transactGetItems(TransactGetItemsRequest.builder()
          .transactItems(TransactGetItem.builder().get(g -> g.tableName("Conflicts").key(Item.of("pk", s("a")))).build()).build()),
          TransactionCanceledException.class);
      assertThat(reasons(r)).isEqualTo("[TransactionConflict:Transaction is ongoing for the item]");

      BatchWriteItemResponse batch = engine.batchWriteItem(bw -> bw.requestItems(Map.of("Conflicts", List.of(
          WriteRequest.builder().putRequest(PutRequest.builder().item(Item.of("pk", s("a"), "v", n(5))).build()).build(),
          WriteRequest.builder().putRequest(PutRequest.builder().item(Item.of("pk", s("d"))).build()).build()))));
      assertThat(batch.unprocessedItems().get("Conflicts")).hasSize(1);
      assertThat(batch.unprocessedItems().get("Conflicts").get(0).putRequest().item().getS("pk")).isEqualTo("a");

      assertThat(engine.getItem(g -> g.tableName("Conflicts").key(Item.of("pk", s("a")))).item().getN("v"))
          .as("a plain read never waits: it sees what is committed in storage").isNotNull();
      engine.putItem(p -> p.tableName("Conflicts").item(Item.of("pk", s("e"))));
      assertThat(txn).as("still in flight").isNotDone();
    } finally {
      release.countDown();
    }
    txn.get(10, TimeUnit.SECONDS);
    assertThat(engine.getItem(g -> g.tableName("Conflicts").key(Item.of("pk", s("b")))).item()).isEqualTo(Item.of("pk", s("b"), "v", n(2)));
    assertThat(engine.getItem(g -> g.tableName("Conflicts").key(Item.of("pk", s("c")))).item()).as("the cancelled one wrote nothing").isNull();
    engine.putItem(p -> p.tableName("Conflicts").item(Item.of("pk", s("a"), "v", n(7))));
    assertThat(engine.operations().context().locks().size()).isZero();
  }

  @Test
  void singleWriteInFlight_transactionWaitsForIt_transactionalReadIsCancelled() throws Exception {
    holdInFlight();
    CompletableFuture<Void> single = CompletableFuture.runAsync(
        () -> engine.putItem(p -> p.tableName("Conflicts").item(Item.of("pk", s("a"), "v", n(2), "hold", n(1)))));
    assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();
    CompletableFuture<Void> txn;
    try {
      TransactionCanceledException r = catchThrowableOfType(() -> engine.transactGetItems(TransactGetItemsRequest.builder()
          .transactItems(TransactGetItem.builder().get(g -> g.tableName("Conflicts").key(Item.of("pk", s("a")))).build()).build()),
          TransactionCanceledException.class);
      assertThat(r.cancellationReasons()).extracting(CancellationReason::code).containsExactly("TransactionConflict");

      txn = CompletableFuture.runAsync(() -> engine.transactWriteItems(TransactWriteItemsRequest.builder().transactItems(
          TransactWriteItem.builder().update(u -> u.tableName("Conflicts").key(Item.of("pk", s("a"))).updateExpression("ADD v :one")
              .expressionAttributeValues(Map.of(":one", n(1)))).build()).build()));
      Thread.sleep(100);
      assertThat(txn).as("a transaction waits for a single-item write (which waits for nothing)").isNotDone();
    } finally {
      release.countDown();
    }
    single.get(10, TimeUnit.SECONDS);
    txn.get(10, TimeUnit.SECONDS);
    assertThat(engine.getItem(g -> g.tableName("Conflicts").key(Item.of("pk", s("a")))).item().getN("v")).isEqualByComparingTo("3");
  }

  @Test
  void keyLocks_transactionalReadsShare_aWaitingWriterComesFirst() throws Exception {
    var locks = engine.operations().context().locks();
    var key = new io.dynamo4j.engine.op.KeyLocks.LockKey("x", new byte[] {1});
    assertThat(locks.tryLockShared(key)).isTrue();
    assertThat(locks.tryLockShared(key)).as("shared with another transactional read").isTrue();
    CompletableFuture<Boolean> writer = CompletableFuture.supplyAsync(() -> locks.lockForWrite(key));
    while (!writerWaiting(locks, key)) {
      Thread.onSpinWait();
    }
    assertThat(locks.tryLockShared(key)).as("a read does not overtake a waiting writer").isFalse();
    locks.unlock(key);
    assertThat(writer).isNotDone();
    locks.unlock(key);
    assertThat(writer.get(10, TimeUnit.SECONDS)).isTrue();
    assertThat(locks.tryLockTransaction(new io.dynamo4j.engine.op.KeyLocks.LockKey("x", new byte[] {2}))).isTrue();
    locks.unlock(key);
    locks.unlock(new io.dynamo4j.engine.op.KeyLocks.LockKey("x", new byte[] {2}));
    assertThat(locks.size()).isZero();
  }

  /** Whether a writer is queued on {@code key}: a new transactional read is then refused. */
  private static boolean writerWaiting(io.dynamo4j.engine.op.KeyLocks locks, io.dynamo4j.engine.op.KeyLocks.LockKey key) {
    if (locks.tryLockShared(key)) {
      locks.unlock(key);
      return false;
    }
    return true;
  }
}
