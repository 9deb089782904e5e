package io.dynamo4j.engine.tck.control;

import static io.dynamo4j.model.AttributeValue.n;
import static io.dynamo4j.model.AttributeValue.s;
import static org.assertj.core.api.Assertions.assertThat;

import io.dynamo4j.api.AttributeDefinition;
import io.dynamo4j.api.BillingMode;
import io.dynamo4j.api.GlobalSecondaryIndexDescription;
import io.dynamo4j.api.IndexStatus;
import io.dynamo4j.api.KeySchemaElement;
import io.dynamo4j.api.LocalSecondaryIndexDescription;
import io.dynamo4j.api.OnDemandThroughput;
import io.dynamo4j.api.Projection;
import io.dynamo4j.api.ProvisionedThroughput;
import io.dynamo4j.api.SSEDescription;
import io.dynamo4j.api.SSESpecification;
import io.dynamo4j.api.SSEStatus;
import io.dynamo4j.api.SSEType;
import io.dynamo4j.api.StreamSpecification;
import io.dynamo4j.api.StreamViewType;
import io.dynamo4j.api.TableClass;
import io.dynamo4j.api.TableDescription;
import io.dynamo4j.api.TableStatus;
import io.dynamo4j.api.Tag;
import io.dynamo4j.engine.tck.EngineTest;
import io.dynamo4j.model.Item;
import java.util.List;
import org.junit.jupiter.api.Test;

/** CreateTable and DescribeTable: every member DynamoDB returns, and indexes that work. */
class CreateDescribeTableTest extends EngineTest {

  @Test
  void describeTable_provisionedTableWithEverything_returnsEveryMember() {
    TableDescription created = engine.createTable(t -> t.tableName("Orders")
        .keySchema(KeySchemaElement.hash("customer"), KeySchemaElement.range("orderId"))
        .attributeDefinitions(AttributeDefinition.string("customer"), AttributeDefinition.number("orderId"),
            AttributeDefinition.string("status"), AttributeDefinition.binary("day"))
        .provisionedThroughput(ProvisionedThroughput.of(5, 6))
        .globalSecondaryIndexes(ControlPlaneErrorsTest.gsi("byStatus", List.of(KeySchemaElement.hash("status")),
            Projection.include("total", "note"), ProvisionedThroughput.of(1, 2)))
        .localSecondaryIndexes(ControlPlaneErrorsTest.lsi("byDay",
            List.of(KeySchemaElement.hash("customer"), KeySchemaElement.range("day")), Projection.keysOnly()))
        .streamSpecification(new StreamSpecification(true, StreamViewType.NEW_AND_OLD_IMAGES))
        .sseSpecification(new SSESpecification(true, SSEType.KMS, "1234abcd-12ab-34cd-56ef-1234567890ab"))
        .tags(Tag.of("team", "billing"))
        .tableClass(TableClass.STANDARD_INFREQUENT_ACCESS)
        .deletionProtectionEnabled(true)).tableDescription();

    TableDescription d = engine.describeTable(r -> r.tableName("Orders")).table();
    assertThat(d).isEqualTo(created);
    assertThat(d.tableName()).isEqualTo("Orders");
    assertThat(d.tableStatus()).isEqualTo(TableStatus.ACTIVE);
    assertThat(d.tableArn()).isEqualTo("arn:aws:dynamodb:us-east-1:000000000000:table/Orders");
    assertThat(d.tableId()).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    assertThat(d.creationDateTime()).isEqualTo(clock.instant());
    assertThat(d.keySchema()).containsExactly(KeySchemaElement.hash("customer"), KeySchemaElement.range("orderId"));
    assertThat(d.attributeDefinitions()).hasSize(4);
    assertThat(d.itemCount()).isZero();
    assertThat(d.tableSizeBytes()).isZero();
    assertThat(d.billingModeSummary()).isNull();
    assertThat(d.provisionedThroughput().readCapacityUnits()).isEqualTo(5);
    assertThat(d.provisionedThroughput().writeCapacityUnits()).isEqualTo(6);
    assertThat(d.provisionedThroughput().numberOfDecreasesToday()).isZero();
    assertThat(d.provisionedThroughput().lastIncreaseDateTime()).isNull();
    assertThat(d.streamSpecification()).isEqualTo(new StreamSpecification(true, StreamViewType.NEW_AND_OLD_IMAGES));
    assertThat(d.latestStreamLabel()).isEqualTo("2026-01-01T00:00:00.000");
    assertThat(d.latestStreamArn()).isEqualTo("arn:aws:dynamodb:us-east-1:000000000000:table/Orders/stream/2026-01-01T00:00:00.000");
    assertThat(d.sseDescription()).isEqualTo(new SSEDescription(SSEStatus.ENABLED, SSEType.KMS,
        "arn:aws:kms:us-east-1:000000000000:key/1234abcd-12ab-34cd-56ef-1234567890ab", null));
    assertThat(d.tableClassSummary().tableClass()).isEqualTo(TableClass.STANDARD_INFREQUENT_ACCESS);
    assertThat(d.deletionProtectionEnabled()).isTrue();

    GlobalSecondaryIndexDescription g = d.globalSecondaryIndexes().get(0);
    assertThat(g.indexName()).isEqualTo("byStatus");
    assertThat(g.indexStatus()).isEqualTo(IndexStatus.ACTIVE);
    assertThat(g.backfilling()).isNull();
    assertThat(g.projection()).isEqualTo(Projection.include("total", "note"));
    assertThat(g.provisionedThroughput().readCapacityUnits()).isEqualTo(1);
    assertThat(g.provisionedThroughput().writeCapacityUnits()).isEqualTo(2);
    assertThat(g.indexArn()).isEqualTo("arn:aws:dynamodb:us-east-1:000000000000:table/Orders/index/byStatus");
    LocalSecondaryIndexDescription l = d.localSecondaryIndexes().get(0);
    assertThat(l.indexName()).isEqualTo("byDay");
    assertThat(l.indexArn()).isEqualTo("arn:aws:dynamodb:us-east-1:000000000000:table/Orders/index/byDay");

    assertThat(engine.listTagsOfResource(r -> r.resourceArn(d.tableArn())).tags()).containsExactly(Tag.of("team", "billing"));
  }

  @Test
  void describeTable_onDemandTable_showsBillingSummaryAndZeroThroughput() {
    engine.createTable(t -> t.tableName("Flex").keySchema(KeySchemaElement.hash("pk"))
        .attributeDefinitions(AttributeDefinition.string("pk")).billingMode(BillingMode.PAY_PER_REQUEST)
        .onDemandThroughput(new OnDemandThroughput(100L, 50L)).sseSpecification(new SSESpecification(false, null, null)));
    TableDescription d = engine.describeTable(r -> r.tableName("Flex")).table();
    assertThat(d.billingModeSummary().billingMode()).isEqualTo(BillingMode.PAY_PER_REQUEST);
    assertThat(d.billingModeSummary().lastUpdateToPayPerRequestDateTime()).isEqualTo(clock.instant());
    assertThat(d.provisionedThroughput().readCapacityUnits()).isZero();
    assertThat(d.provisionedThroughput().writeCapacityUnits()).isZero();
    assertThat(d.onDemandThroughput()).isEqualTo(new OnDemandThroughput(100L, 50L));
    assertThat(d.sseDescription()).as("AWS owned key: not described").isNull();
    assertThat(d.streamSpecification()).isNull();
    assertThat(d.latestStreamArn()).isNull();
    assertThat(d.tableClassSummary()).isNull();
    assertThat(d.deletionProtectionEnabled()).isFalse();
    assertThat(d.globalSecondaryIndexes()).isNull();
  }

  @Test
  void describeTable_byArn_findsTheTable() {
    createSimpleTable("ByArn", false);
    String arn = "arn:aws:dynamodb:us-east-1:000000000000:table/ByArn";
    assertThat(engine.describeTable(r -> r.tableName(arn)).table().tableName()).isEqualTo("ByArn");
  }

  @Test
  void describeTable_awsManagedKey_describesTheRegionsDynamoDbKey() {
    engine.createTable(t -> t.tableName("Sse").keySchema(KeySchemaElement.hash("pk"))
        .attributeDefinitions(AttributeDefinition.string("pk")).billingMode(BillingMode.PAY_PER_REQUEST)
        .sseSpecification(new SSESpecification(true, null, null)));
    SSEDescription sse = engine.describeTable(r -> r.tableName("Sse")).table().sseDescription();
    assertThat(sse.status()).isEqualTo(SSEStatus.ENABLED);
    assertThat(sse.sseType()).isEqualTo(SSEType.KMS);
    assertThat(sse.kmsMasterKeyArn()).startsWith("arn:aws:kms:us-east-1:000000000000:key/");
  }

  @Test
  void createTable_multiAttributeGsiKey_indexesItemsHavingEveryKeyAttribute() {
    engine.createTable(t -> t.tableName("Matches").keySchema(KeySchemaElement.hash("id"))
        .attributeDefinitions(AttributeDefinition.string("id"), AttributeDefinition.string("tournament"), AttributeDefinition.string("region"),
            AttributeDefinition.number("round"), AttributeDefinition.string("bracket"))
        .billingMode(BillingMode.PAY_PER_REQUEST)
        .globalSecondaryIndexes(ControlPlaneErrorsTest.gsi("byTournament",
            List.of(KeySchemaElement.hash("tournament"), KeySchemaElement.hash("region"), KeySchemaElement.range("round"),
                KeySchemaElement.range("bracket")), Projection.keysOnly(), null)));
    Item full = Item.builder(6).put("id", s("1")).put("tournament", s("W24")).put("region", s("EU")).put("round", n(1))
        .put("bracket", s("upper")).put("score", n(3)).build();
    engine.putItem(p -> p.tableName("Matches").item(full));
    engine.putItem(p -> p.tableName("Matches").item(Item.of("id", s("2"), "tournament", s("W24"), "region", s("EU"), "round", n(2))));

    GlobalSecondaryIndexDescription g = engine.describeTable(r -> r.tableName("Matches")).table().globalSecondaryIndexes().get(0);
    assertThat(g.keySchema()).extracting(KeySchemaElement::attributeName).containsExactly("tournament", "region", "round", "bracket");
    assertThat(g.itemCount()).as("only item 1 has all four key attributes").isEqualTo(1);
    assertThat(g.indexSizeBytes()).isEqualTo(Item.builder(5).put("id", s("1")).put("tournament", s("W24")).put("region", s("EU"))
        .put("round", n(1)).put("bracket", s("upper")).build().sizeInBytes());
  }

  @Test
  void createTable_deletedTableWhoseTimeIsOver_canBeCreatedAgainEmpty() {
    createSimpleTable("Again", false);
    engine.putItem(p -> p.tableName("Again").item(Item.of("pk", s("a"))));
    engine.deleteTable(r -> r.tableName("Again"));
    createSimpleTable("Again", false);
    TableDescription d = engine.describeTable(r -> r.tableName("Again")).table();
    assertThat(d.itemCount()).isZero();
    assertThat(engine.getItem(g -> g.tableName("Again").key(Item.of("pk", s("a")))).item()).isNull();
  }

  @Test
  void describeLimits_returnsDynamoDbsDefaultQuotas() {
    var limits = engine.describeLimits(r -> { });
    assertThat(limits.accountMaxReadCapacityUnits()).isEqualTo(80_000);
    assertThat(limits.accountMaxWriteCapacityUnits()).isEqualTo(80_000);
    assertThat(limits.tableMaxReadCapacityUnits()).isEqualTo(40_000);
    assertThat(limits.tableMaxWriteCapacityUnits()).isEqualTo(40_000);
  }
}
