package io.dynamo4j.engine.tck.backup;

import static io.dynamo4j.model.AttributeValue.n;
import static io.dynamo4j.model.AttributeValue.s;
import static org.assertj.core.api.Assertions.assertThat;

import io.dynamo4j.api.TransactWriteItem;
import io.dynamo4j.api.Update;
import io.dynamo4j.engine.tck.EngineTest;
import io.dynamo4j.error.TransactionCanceledException;
import io.dynamo4j.model.Item;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A backup's moment never falls inside a transaction: transactions keep two items equal, and every
 * backup taken while they run restores them equal.
 */
class BackupDuringTransactionsTest extends EngineTest {

  @Test
  void backups_duringTransactions_neverHoldHalfATransaction() throws Exception {
    createSimpleTable("Pairs", false);
    engine.putItem(p -> p.tableName("Pairs").item(Item.of("pk", s("x"), "v", n(0))));
    engine.putItem(p -> p.tableName("Pairs").item(Item.of("pk", s("y"), "v", n(0))));
    AtomicBoolean stop = new AtomicBoolean();
    AtomicInteger committed = new AtomicInteger();
    List<Thread> writers = new ArrayList<>();
    for (int t = 0; t < 2; t++) {
      Thread w = new Thread(() -> {
        int v = 0;
        while (!stop.get()) {
          int value = ++v;
          try {
            engine.transactWriteItems(r -> r.transactItems(set("x", value), set("y", value)));
            committed.incrementAndGet();
          } catch (TransactionCanceledException conflict) {
            // the other writer held a key: fine, try again
          }
        }
      });
      w.start();
      writers.add(w);
    }
    try {
      for (int b = 0; b < 40; b++) {
        int number = b;
        String arn = engine.createBackup(c -> c.tableName("Pairs").backupName("pairs-" + number)).backupDetails().backupArn();
        engine.restoreTableFromBackup(r -> r.backupArn(arn).targetTableName("Restored" + number));
        Item x = engine.getItem(g -> g.tableName("Restored" + number).key(Item.of("pk", s("x")))).item();
        Item y = engine.getItem(g -> g.tableName("Restored" + number).key(Item.of("pk", s("y")))).item();
        assertThat(x.get("v")).as("backup %d: x and y were written by the same transactions", number).isEqualTo(y.get("v"));
      }
    } finally {
      stop.set(true);
      for (Thread w : writers) {
        w.join(10_000);
      }
    }
    assertThat(committed.get()).as("transactions ran during the backups").isPositive();
  }

  private static TransactWriteItem set(String key, int value) {
    return TransactWriteItem.builder().update(Update.builder().tableName("Pairs").key(Map.of("pk", s(key)))
        .updateExpression("SET v = :v").expressionAttributeValues(Map.of(":v", n(value))).build()).build();
  }
}
