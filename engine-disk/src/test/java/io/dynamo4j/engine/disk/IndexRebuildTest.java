package io.dynamo4j.engine.disk;

import static io.dynamo4j.model.AttributeValue.n;
import static io.dynamo4j.model.AttributeValue.s;
import static org.assertj.core.api.Assertions.assertThat;

import io.dynamo4j.api.AttributeDefinition;
import io.dynamo4j.api.BillingMode;
import io.dynamo4j.api.GlobalSecondaryIndexUpdate;
import io.dynamo4j.api.KeySchemaElement;
import io.dynamo4j.api.Projection;
import io.dynamo4j.api.CreateGlobalSecondaryIndexAction;
import io.dynamo4j.engine.EngineConfig;
import io.dynamo4j.engine.LocalEngine;
import io.dynamo4j.engine.table.IndexDefinition;
import io.dynamo4j.engine.table.Table;
import io.dynamo4j.engine.tck.Invariants;
import io.dynamo4j.model.Item;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A global index whose backfill a crash interrupted is completed when the data is opened again. */
class IndexRebuildTest {

  private static final int ITEMS = 300;

  @TempDir
  Path dir;

  private static IndexDefinition backfilling(Table table) {
    for (IndexDefinition i : table.definition().indexes()) {
      if (i.backfillInProgress()) {
        return i;
      }
    }
    return null;
  }

  @Test
  void reopen_afterACrashDuringBackfill_completesTheIndex() throws Exception {
    boolean[] slow = {false};
    DiskOptions options = DiskOptions.builder().fault(n -> {
      if (slow[0]) {
        try {
          Thread.sleep(2); // slows the backfill (one journal write per entry) so the crash lands inside it
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }).build();
    LocalEngine engine = DiskEngine.open(dir, options, EngineConfig.defaults());
    engine.createTable(t -> t.tableName("Rebuild").billingMode(BillingMode.PAY_PER_REQUEST)
        .keySchema(KeySchemaElement.hash("pk")).attributeDefinitions(AttributeDefinition.string("pk")));
    for (int i = 0; i < ITEMS; i++) {
      int v = i;
      engine.putItem(p -> p.tableName("Rebuild").item(Item.of("pk", s("k" + v), "g", s("g" + (v % 7)), "v", n(v))));
    }
    slow[0] = true;
    Thread update = new Thread(() -> {
      try {
        engine.updateTable(u -> u.tableName("Rebuild").attributeDefinitions(AttributeDefinition.string("g"))
            .globalSecondaryIndexUpdates(new GlobalSecondaryIndexUpdate(null, new CreateGlobalSecondaryIndexAction("ByG",
                List.of(KeySchemaElement.hash("g")), Projection.all(), null, null, null), null)));
      } catch (RuntimeException e) {
        // the crash below stops it
      }
    });
    update.start();
    Table table = engine.operations().context().catalog().get("Rebuild");
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (backfilling(table) == null) {
      assertThat(System.nanoTime()).as("backfill started").isLessThan(deadline);
      Thread.sleep(1);
    }
    engine.operations().context().controlPlaneChanged(); // the catalog, with the index half filled, is saved
    long entries = table.keyspace(backfilling(table)).count();
    ((DiskStorage) engine.operations().context().storage()).abandon();
    update.join(20_000);
    assertThat(entries).as("entries written before the crash").isLessThan(ITEMS);

    try (LocalEngine again = DiskEngine.open(dir)) {
      Table reopened = again.operations().context().catalog().get("Rebuild");
      assertThat(backfilling(reopened)).isNull();
      assertThat(reopened.definition().indexes()).extracting(IndexDefinition::name).containsExactly("ByG");
      List<Item> g3 = again.query(q -> q.tableName("Rebuild").indexName("ByG").keyConditionExpression("g = :g")
          .expressionAttributeValues(java.util.Map.of(":g", s("g3")))).items();
      assertThat(g3).hasSize((int) java.util.stream.IntStream.range(0, ITEMS).filter(i -> i % 7 == 3).count());
      assertThat(again.scan(sc -> sc.tableName("Rebuild").indexName("ByG")).count()).isEqualTo(ITEMS);
      Invariants.check(again);
    }
  }
}
