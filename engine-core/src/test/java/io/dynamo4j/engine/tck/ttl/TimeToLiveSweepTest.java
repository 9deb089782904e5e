package io.dynamo4j.engine.tck.ttl;

import static io.dynamo4j.model.AttributeValue.n;
import static io.dynamo4j.model.AttributeValue.s;
import static org.assertj.core.api.Assertions.assertThat;

import io.dynamo4j.api.AttributeDefinition;
import io.dynamo4j.api.BillingMode;
import io.dynamo4j.api.GetRecordsResponse;
import io.dynamo4j.api.GlobalSecondaryIndex;
import io.dynamo4j.api.Identity;
import io.dynamo4j.api.KeySchemaElement;
import io.dynamo4j.api.LocalSecondaryIndex;
import io.dynamo4j.api.OperationType;
import io.dynamo4j.api.Projection;
import io.dynamo4j.api.Record;
import io.dynamo4j.api.ShardIteratorType;
import io.dynamo4j.api.StreamSpecification;
import io.dynamo4j.api.StreamViewType;
import io.dynamo4j.api.TimeToLiveSpecification;
import io.dynamo4j.engine.EngineConfig;
import io.dynamo4j.engine.LocalEngine;
import io.dynamo4j.engine.TestClock;
import io.dynamo4j.engine.tck.EngineTest;
import io.dynamo4j.engine.tck.Tck;
import io.dynamo4j.model.AttributeValue;
import io.dynamo4j.model.Item;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The TTL sweeper on the test clock: items expire at the first sweep at or after their time, not
 * before (and stay readable until then); TTL values that are not numbers, or more than five years
 * in the past, are left alone; indexes and streams follow the deletions, which the stream names
 * the service for.
 */
class TimeToLiveSweepTest extends EngineTest {

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final long S0 = T0.getEpochSecond();

  @BeforeEach
  void createTable() {
    engine.createTable(t -> t.tableName("Sessions").billingMode(BillingMode.PAY_PER_REQUEST)
        .keySchema(KeySchemaElement.hash("pk"), KeySchemaElement.range("sk"))
        .attributeDefinitions(AttributeDefinition.string("pk"), AttributeDefinition.number("sk"), AttributeDefinition.string("g"),
            AttributeDefinition.string("l"))
        .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("byG").keySchema(KeySchemaElement.hash("g"))
            .projection(Projection.all()).build())
        .localSecondaryIndexes(LocalSecondaryIndex.builder().indexName("byL")
            .keySchema(KeySchemaElement.hash("pk"), KeySchemaElement.range("l")).projection(Projection.all()).build())
        .streamSpecification(new StreamSpecification(true, StreamViewType.NEW_AND_OLD_IMAGES)));
    engine.updateTimeToLive(u -> u.tableName("Sessions").timeToLiveSpecification(new TimeToLiveSpecification(true, "exp")));
  }

  private void put(String name, AttributeValue exp) {
    Item item = Item.of("pk", s("user"), "sk", n(name.hashCode()), "name", s(name)).with("g", s("all")).with("l", s(name));
    engine.putItem(p -> p.tableName("Sessions").item(exp == null ? item : item.with("exp", exp)));
  }

  private TreeSet<String> names() {
    TreeSet<String> names = new TreeSet<>();
    for (Item i : engine.scan(sc -> sc.tableName("Sessions").consistentRead(true)).items()) {
      names.add(i.getS("name"));
    }
    return names;
  }

  private TreeSet<String> namesInIndexes() {
    TreeSet<String> global = new TreeSet<>();
    for (Item i : engine.query(q -> q.tableName("Sessions").indexName("byG").keyConditionExpression("g = :g")
        .expressionAttributeValues(Map.of(":g", s("all")))).items()) {
      global.add(i.getS("name"));
    }
    TreeSet<String> local = new TreeSet<>();
    for (Item i : engine.query(q -> q.tableName("Sessions").indexName("byL").keyConditionExpression("pk = :p")
        .expressionAttributeValues(Map.of(":p", s("user")))).items()) {
      local.add(i.getS("name"));
    }
    assertThat(local).isEqualTo(global);
    return global;
  }

  @Test
  void sweep_deletesItemsAtTheFirstSweepAtOrAfterTheirTime_andLeavesTheRest() {
    put("past", n(S0 - 10));
    put("atFirstSweep", n(S0 + 60));
    put("fraction", n(new BigDecimal(S0 + 59).add(new BigDecimal("0.5"))));
    put("exponent", n(new BigDecimal((S0 - 60) / 10 + "E1")));
    put("fiveYearsAgo", n(S0 + 60 - Duration.ofDays(5 * 365).getSeconds()));
    put("afterFirstSweep", n(S0 + 61));
    put("later", n(S0 + 3600));
    put("string", s(Long.toString(S0 - 10)));
    put("tooOld", n(S0 - Duration.ofDays(6 * 365).getSeconds()));
    put("none", null);
    TreeSet<String> everything = names();

    clock.advance(Duration.ofSeconds(59));
    assertThat(names()).as("no sweep yet: expired items are still items").isEqualTo(everything);
    assertThat(engine.getItem(g -> g.tableName("Sessions").key(Item.of("pk", s("user"), "sk", n("past".hashCode())))).item())
        .isNotNull();

    clock.advance(Duration.ofSeconds(1)); // the first sweep
    assertThat(names()).containsExactly("afterFirstSweep", "later", "none", "string", "tooOld");
    assertThat(namesInIndexes()).containsExactly("afterFirstSweep", "later", "none", "string", "tooOld");

    clock.advance(Duration.ofSeconds(59));
    assertThat(names()).contains("afterFirstSweep");
    clock.advance(Duration.ofSeconds(1)); // the second sweep
    assertThat(names()).containsExactly("later", "none", "string", "tooOld");

    clock.advance(Duration.ofHours(2));
    assertThat(names()).containsExactly("none", "string", "tooOld");
    assertThat(namesInIndexes()).containsExactly("none", "string", "tooOld");
  }

  @Test
  void sweep_writesRemoveRecordsInTheServicesName() {
    put("expired", n(S0 - 1));
    Item before = engine.getItem(g -> g.tableName("Sessions").key(Item.of("pk", s("user"), "sk", n("expired".hashCode())))).item();
    engine.deleteItem(d -> d.tableName("Sessions").key(Item.of("pk", s("user"), "sk", n(1)))); // nothing: no record
    assertThat(engine.sweepExpiredItems()).isEqualTo(1);

    String arn = engine.describeTable(d -> d.tableName("Sessions")).table().latestStreamArn();
    String shard = engine.describeStream(d -> d.streamArn(arn)).streamDescription().shards().get(0).shardId();
    String iterator = engine.getShardIterator(g -> g.streamArn(arn).shardId(shard).shardIteratorType(ShardIteratorType.TRIM_HORIZON))
        .shardIterator();
    GetRecordsResponse records = engine.getRecords(g -> g.shardIterator(iterator));
    assertThat(records.records()).hasSize(2);
    Record insert = records.records().get(0);
    Record remove = records.records().get(1);
    assertThat(insert.userIdentity()).isNull();
    assertThat(remove.eventName()).isEqualTo(OperationType.REMOVE);
    assertThat(remove.userIdentity()).isEqualTo(new Identity("dynamodb.amazonaws.com", "Service"));
    assertThat(remove.dynamodb().oldImage()).isEqualTo(before);
    assertThat(remove.dynamodb().newImage()).isNull();
  }

  @Test
  void sweep_itemRefreshedBeforeTheSweep_isKept() {
    put("refreshed", n(S0 + 30));
    clock.advance(Duration.ofSeconds(40));
    put("refreshed", n(S0 + 3600)); // expired but not yet swept: a write moves its time on
    clock.advance(Duration.ofSeconds(20));
    assertThat(names()).containsExactly("refreshed");
  }

  @Test
  void timeToLive_onTheSortKey_expiresByTheKey() {
    createSimpleTable("ByKey", true);
    engine.updateTimeToLive(u -> u.tableName("ByKey").timeToLiveSpecification(new TimeToLiveSpecification(true, "sk")));
    engine.putItem(p -> p.tableName("ByKey").item(Item.of("pk", s("a"), "sk", n(S0 - 5))));
    engine.putItem(p -> p.tableName("ByKey").item(Item.of("pk", s("a"), "sk", n(S0 + 500))));
    assertThat(engine.sweepExpiredItems()).isEqualTo(1);
    assertThat(engine.scan(sc -> sc.tableName("ByKey")).items()).containsExactly(Item.of("pk", s("a"), "sk", n(S0 + 500)));
  }

  @Test
  void disabledTimeToLive_deletesNothing() {
    createSimpleTable("NoTtl", false);
    engine.putItem(p -> p.tableName("NoTtl").item(Item.of("pk", s("a"), "exp", n(S0 - 5))));
    clock.advance(Duration.ofHours(1));
    engine.updateTimeToLive(u -> u.tableName("Sessions").timeToLiveSpecification(new TimeToLiveSpecification(false, "exp")));
    put("expired", n(S0 - 5));
    clock.advance(Duration.ofHours(1));
    assertThat(engine.sweepExpiredItems()).isZero();
    assertThat(names()).containsExactly("expired");
    assertThat(engine.scan(sc -> sc.tableName("NoTtl")).items()).hasSize(1);
  }

  @Test
  void sweepInterval_isConfigurable() {
    TestClock other = new TestClock(T0);
    try (LocalEngine e = Tck.provider().create(EngineConfig.builder().clock(other).timeToLiveSweepInterval(Duration.ofMinutes(10)).build())) {
      e.createTable(t -> t.tableName("Ten").billingMode(BillingMode.PAY_PER_REQUEST)
          .keySchema(KeySchemaElement.hash("pk")).attributeDefinitions(AttributeDefinition.string("pk")));
      e.updateTimeToLive(u -> u.tableName("Ten").timeToLiveSpecification(new TimeToLiveSpecification(true, "exp")));
      e.putItem(p -> p.tableName("Ten").item(Item.of("pk", s("a"), "exp", n(S0))));
      List<Integer> counts = new ArrayList<>();
      for (int minute = 1; minute <= 10; minute++) {
        other.advance(Duration.ofMinutes(1));
        counts.add(e.scan(sc -> sc.tableName("Ten")).count());
      }
      assertThat(counts).containsExactly(1, 1, 1, 1, 1, 1, 1, 1, 1, 0);
    }
  }
}
