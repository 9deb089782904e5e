package io.dynamo4j.engine.tck.txn;

import static io.dynamo4j.model.AttributeValue.n;
import static io.dynamo4j.model.AttributeValue.s;
import static org.assertj.core.api.Assertions.assertThat;

import io.dynamo4j.api.CancellationReason;
import io.dynamo4j.api.ItemResponse;
import io.dynamo4j.api.TransactGetItem;
import io.dynamo4j.api.TransactGetItemsRequest;
import io.dynamo4j.api.TransactWriteItem;
import io.dynamo4j.api.TransactWriteItemsRequest;
import io.dynamo4j.engine.tck.EngineTest;
import io.dynamo4j.error.TransactionCanceledException;
import io.dynamo4j.model.Item;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Bank transfers with real threads: eight writers move random amounts between twenty accounts for a
 * fixed time, each transfer one TransactWriteItems (debit with a balance condition, credit), while a
 * ninth thread reads all twenty balances with TransactGetItems. The total never changes, no balance
 * goes negative, every failure is a cancellation with a stated reason, every read sees the full
 * total, and the run ends (no deadlock).
 */
class BankTransferTest extends EngineTest {

  private static final int ACCOUNTS = 20;
  private static final int WRITERS = 8;
  private static final long INITIAL = 1_000;
  private static final long RUN_MILLIS = 3_000;
  private static final Set<String> REASONS = Set.of("None", "ConditionalCheckFailed", "TransactionConflict");

  private static Item key(int account) {
    return Item.of("pk", s("acct-" + account));
  }

  @Test
  void transfers_eightThreadsForAFixedTime_totalUnchanged_noNegativeBalance_onlyStatedCancellations() throws Exception {
    createSimpleTable("Bank", false);
    for (int i = 0; i < ACCOUNTS; i++) {
      Item account = key(i).with("balance", n(INITIAL));
      engine.putItem(p -> p.tableName("Bank").item(account));
    }
    AtomicLong committed = new AtomicLong();
    AtomicLong conflicts = new AtomicLong();
    AtomicLong insufficient = new AtomicLong();
    AtomicLong reads = new AtomicLong();
    ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(RUN_MILLIS);

    ExecutorService pool = Executors.newFixedThreadPool(WRITERS + 1);
    List<Future<?>> futures = new ArrayList<>();
    for (int w = 0; w < WRITERS; w++) {
      long seed = 1_000 + w;
      futures.add(pool.submit(() -> {
        SplittableRandom random = new SplittableRandom(seed);
        while (System.nanoTime() < deadline) {
          int from = random.nextInt(ACCOUNTS);
          int to = (from + 1 + random.nextInt(ACCOUNTS - 1)) % ACCOUNTS;
          long amount = 1 + random.nextInt(400);
          try {
            engine.transactWriteItems(transfer(from, to, amount));
            committed.incrementAndGet();
          } catch (TransactionCanceledException e) {
            List<String> codes = e.cancellationReasons().stream().map(CancellationReason::code).toList();
            if (codes.size() != 2 || !REASONS.containsAll(codes) || codes.equals(List.of("None", "None"))) {
              problems.add("unexpected reasons " + codes + ": " + e.getMessage());
            } else if (codes.contains("TransactionConflict")) {
              conflicts.incrementAndGet();
            } else {
              insufficient.incrementAndGet();
            }
          } catch (RuntimeException e) {
            problems.add("unexpected " + e);
          }
        }
      }));
    }
    futures.add(pool.submit(() -> {
      TransactGetItem[] all = new TransactGetItem[ACCOUNTS];
      for (int i = 0; i < ACCOUNTS; i++) {
        Item k = key(i);
        all[i] = TransactGetItem.builder().get(g -> g.tableName("Bank").key(k)).build();
      }
      TransactGetItemsRequest request = TransactGetItemsRequest.builder().transactItems(all).build();
      while (System.nanoTime() < deadline) {
        try {
          BigDecimal total = BigDecimal.ZERO;
          for (ItemResponse r : engine.transactGetItems(request).responses()) {
            BigDecimal balance = r.item().getN("balance");
            if (balance.signum() < 0) {
              problems.add("negative balance read: " + r.item());
            }
            total = total.add(balance);
          }
          if (total.longValueExact() != ACCOUNTS * INITIAL) {
            problems.add("a transactional read saw the total " + total);
          }
          reads.incrementAndGet();
        } catch (TransactionCanceledException e) {
          if (e.cancellationReasons().stream().anyMatch(r -> !r.code().equals("None") && !r.code().equals("TransactionConflict"))) {
            problems.add("unexpected read cancellation " + e.getMessage());
          }
        }
      }
    }));
    pool.shutdown();
    assertThat(pool.awaitTermination(RUN_MILLIS + 30_000, TimeUnit.MILLISECONDS)).as("the run ends: no deadlock, no hang").isTrue();
    for (Future<?> f : futures) {
      f.get();
    }

    assertThat(problems).isEmpty();
    long total = 0;
    for (Item item : engine.scan(sc -> sc.tableName("Bank")).items()) {
      long balance = item.getN("balance").longValueExact();
      assertThat(balance).as("balance of %s", item.getS("pk")).isNotNegative();
      total += balance;
    }
    assertThat(total).isEqualTo(ACCOUNTS * INITIAL);
    assertThat(committed.get()).as("thousands of transfers committed").isGreaterThan(1_000);
    assertThat(engine.operations().context().locks().size()).isZero();
    System.out.printf("bank: %d committed, %d conflicts, %d insufficient funds, %d consistent reads%n",
        committed.get(), conflicts.get(), insufficient.get(), reads.get());
  }

  private static TransactWriteItemsRequest transfer(int from, int to, long amount) {
    return TransactWriteItemsRequest.builder().transactItems(
        TransactWriteItem.builder().update(u -> u.tableName("Bank").key(key(from))
            .updateExpression("SET balance = balance - :a").conditionExpression("balance >= :a")
            .expressionAttributeValues(Map.of(":a", n(amount)))).build(),
        TransactWriteItem.builder().update(u -> u.tableName("Bank").key(key(to))
            .updateExpression("SET balance = balance + :a").expressionAttributeValues(Map.of(":a", n(amount)))).build())
        .build();
  }
}
