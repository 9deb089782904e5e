package io.dynamo4j.engine.tck.capacity;

import static io.dynamo4j.model.AttributeValue.n;
import static io.dynamo4j.model.AttributeValue.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.dynamo4j.api.AttributeDefinition;
import io.dynamo4j.api.BillingMode;
import io.dynamo4j.api.CancellationReason;
import io.dynamo4j.api.DeleteRequest;
import io.dynamo4j.api.ItemCollectionMetrics;
import io.dynamo4j.api.KeySchemaElement;
import io.dynamo4j.api.LocalSecondaryIndex;
import io.dynamo4j.api.Projection;
import io.dynamo4j.api.PutRequest;
import io.dynamo4j.api.ReturnItemCollectionMetrics;
import io.dynamo4j.api.TransactWriteItem;
import io.dynamo4j.api.TransactWriteItemsRequest;
import io.dynamo4j.api.WriteRequest;
import io.dynamo4j.engine.EngineConfig;
import io.dynamo4j.engine.tck.EngineTest;
import io.dynamo4j.error.ItemCollectionSizeLimitExceededException;
import io.dynamo4j.error.TransactionCanceledException;
import io.dynamo4j.model.Item;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Item collections of tables with a local secondary index: ReturnItemCollectionMetrics=SIZE returns
 * the collection's key and DynamoDB's size estimate in whole gigabytes; a write that would take a
 * collection past the limit (lowered here to 10,000 bytes) fails with
 * ItemCollectionSizeLimitExceededException and changes nothing, while other collections, and
 * writes that shrink the collection, go on.
 *
 * <p>Fixture {@code Coll}: pk S + sk N, LSI {@code byL} on l N projecting ALL, so each item counts
 * twice (the item and its entry); {@code Plain}: pk S + sk N, no index.
 */
class ItemCollectionTest extends EngineTest {

  private static final long LIMIT = 10_000;
  private static final ItemCollectionMetrics SMALL_A = new ItemCollectionMetrics(Item.of("pk", s("a")), List.of(0.0, 1.0));

  @Override
  protected EngineConfig.Builder config(EngineConfig.Builder builder) {
    return builder.itemCollectionLimitBytes(LIMIT);
  }

  @BeforeEach
  void createTables() {
    engine.createTable(t -> t.tableName("Coll").billingMode(BillingMode.PAY_PER_REQUEST)
        .keySchema(KeySchemaElement.hash("pk"), KeySchemaElement.range("sk"))
        .attributeDefinitions(AttributeDefinition.string("pk"), AttributeDefinition.number("sk"), AttributeDefinition.number("l"))
        .localSecondaryIndexes(LocalSecondaryIndex.builder().indexName("byL")
            .keySchema(KeySchemaElement.hash("pk"), KeySchemaElement.range("l")).projection(Projection.all()).build()));
    createSimpleTable("Plain", true);
  }

  /** An item of exactly 1,000 bytes in collection {@code pk}. */
  private static Item item(String pk, int sk) {
    Item item = Item.of("pk", s(pk), "sk", n(sk), "l", n(sk), "x", s(""));
    return item.with("x", s("x".repeat(1000 - item.sizeInBytes())));
  }

  private long collection(String pk) {
    return engine.diagnostics().itemCollectionBytes("Coll", s(pk));
  }

  private ItemCollectionMetrics put(Item item) {
    return engine.putItem(p -> p.tableName("Coll").item(item).returnItemCollectionMetrics(ReturnItemCollectionMetrics.SIZE))
        .itemCollectionMetrics();
  }

  @Test
  void writes_upToTheLimit_reportMetrics_thenTheLimitRefusesAndNothingChanges() {
    assertThat(item("a", 1).sizeInBytes()).isEqualTo(1000);
    for (int i = 1; i <= 5; i++) {
      assertThat(put(item("a", i))).isEqualTo(SMALL_A);
      assertThat(collection("a")).isEqualTo(2000L * i);
    }
    assertThatThrownBy(() -> put(item("a", 6))).isExactlyInstanceOf(ItemCollectionSizeLimitExceededException.class)
        .hasMessage("Collection size exceeded");
    assertThat(collection("a")).isEqualTo(LIMIT);
    assertThat(engine.getItem(g -> g.tableName("Coll").key(Item.of("pk", s("a"), "sk", n(6)))).item()).isNull();
    assertThatThrownBy(() -> engine.updateItem(u -> u.tableName("Coll").key(Item.of("pk", s("a"), "sk", n(1)))
        .updateExpression("SET y = :y").expressionAttributeValues(Map.of(":y", s("grows")))))
        .isExactlyInstanceOf(ItemCollectionSizeLimitExceededException.class);

    assertThat(put(item("b", 1))).as("another collection").isEqualTo(new ItemCollectionMetrics(Item.of("pk", s("b")), List.of(0.0, 1.0)));
    assertThat(engine.updateItem(u -> u.tableName("Coll").key(Item.of("pk", s("a"), "sk", n(1))).updateExpression("REMOVE x")
        .returnItemCollectionMetrics(ReturnItemCollectionMetrics.SIZE)).itemCollectionMetrics()).as("a write that shrinks it")
        .isEqualTo(SMALL_A);
    assertThat(engine.deleteItem(d -> d.tableName("Coll").key(Item.of("pk", s("a"), "sk", n(2)))
        .returnItemCollectionMetrics(ReturnItemCollectionMetrics.SIZE)).itemCollectionMetrics()).isEqualTo(SMALL_A);
    assertThat(put(item("a", 6))).as("room again").isEqualTo(SMALL_A);
    assertThat(collection("a")).isEqualTo(engine.describeTable(d -> d.tableName("Coll")).table().tableSizeBytes()
        + engine.describeTable(d -> d.tableName("Coll")).table().localSecondaryIndexes().get(0).indexSizeBytes() - 2000);
  }

  @Test
  void tableWithoutLocalIndex_noMetrics_noLimit() {
    assertThat(engine.putItem(p -> p.tableName("Plain").item(Item.of("pk", s("a"), "sk", n(1), "x", s("x".repeat(20_000))))
        .returnItemCollectionMetrics(ReturnItemCollectionMetrics.SIZE)).itemCollectionMetrics()).isNull();
  }

  @Test
  void metricsNotAsked_none() {
    assertThat(engine.putItem(p -> p.tableName("Coll").item(item("a", 1))).itemCollectionMetrics()).isNull();
  }

  @Test
  void batchWriteItem_metricsPerCollection() {
    var response = engine.batchWriteItem(b -> b.returnItemCollectionMetrics(ReturnItemCollectionMetrics.SIZE).requestItems(Map.of(
        "Coll", List.of(
            WriteRequest.builder().putRequest(PutRequest.builder().item(item("a", 1)).build()).build(),
            WriteRequest.builder().putRequest(PutRequest.builder().item(item("a", 2)).build()).build(),
            WriteRequest.builder().deleteRequest(DeleteRequest.builder().key(Item.of("pk", s("c"), "sk", n(1))).build()).build()),
        "Plain", List.of(WriteRequest.builder().putRequest(PutRequest.builder().item(Item.of("pk", s("a"), "sk", n(1))).build())
            .build()))));
    assertThat(response.itemCollectionMetrics()).isEqualTo(Map.of("Coll", List.of(SMALL_A,
        new ItemCollectionMetrics(Item.of("pk", s("c")), List.of(0.0, 1.0)))));
    assertThat(collection("a")).isEqualTo(4000);
  }

  @Test
  void transaction_overTheLimit_isCancelledWithItsReason_andEarlierAdditionsAreTakenBack() {
    for (int i = 1; i <= 4; i++) {
      put(item("a", i));
    }
    TransactionCanceledException e = catchThrowableOfType(() -> engine.transactWriteItems(TransactWriteItemsRequest.builder()
        .transactItems(
            TransactWriteItem.builder().put(p -> p.tableName("Coll").item(item("b", 1))).build(),
            TransactWriteItem.builder().put(p -> p.tableName("Coll").item(item("a", 5))).build(),
            TransactWriteItem.builder().put(p -> p.tableName("Coll").item(item("a", 6))).build()).build()),
        TransactionCanceledException.class);
    assertThat(e.cancellationReasons()).extracting(CancellationReason::code)
        .containsExactly("None", "None", "ItemCollectionSizeLimitExceeded");
    assertThat(e.cancellationReasons().get(2).message()).isEqualTo("Collection size exceeded");
    assertThat(collection("a")).isEqualTo(8000);
    assertThat(collection("b")).isZero();

    var metrics = engine.transactWriteItems(TransactWriteItemsRequest.builder()
        .returnItemCollectionMetrics(ReturnItemCollectionMetrics.SIZE).transactItems(
            TransactWriteItem.builder().put(p -> p.tableName("Coll").item(item("a", 5))).build(),
            TransactWriteItem.builder().conditionCheck(c -> c.tableName("Coll").key(Item.of("pk", s("z"), "sk", n(1)))
                .conditionExpression("attribute_not_exists(pk)")).build(),
            TransactWriteItem.builder().put(p -> p.tableName("Plain").item(Item.of("pk", s("a"), "sk", n(1)))).build()).build())
        .itemCollectionMetrics();
    assertThat(metrics).isEqualTo(Map.of("Coll", List.of(SMALL_A)));
    assertThat(collection("a")).isEqualTo(LIMIT);
  }
}
