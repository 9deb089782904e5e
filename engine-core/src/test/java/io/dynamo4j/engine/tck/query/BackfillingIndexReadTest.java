package io.dynamo4j.engine.tck.query;

import static io.dynamo4j.model.AttributeValue.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dynamo4j.api.AttributeDefinition;
import io.dynamo4j.api.BillingMode;
import io.dynamo4j.api.CreateGlobalSecondaryIndexAction;
import io.dynamo4j.api.GlobalSecondaryIndexUpdate;
import io.dynamo4j.api.KeySchemaElement;
import io.dynamo4j.api.Projection;
import io.dynamo4j.engine.EngineConfig;
import io.dynamo4j.engine.tck.EngineTest;
import io.dynamo4j.error.ValidationException;
import io.dynamo4j.model.Item;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A global index added by UpdateTable cannot be read while DynamoDB backfills it (CREATING), then
 * serves every item written before and during its creation.
 */
class BackfillingIndexReadTest extends EngineTest {

  private static final Duration DELAY = Duration.ofSeconds(30);

  @Override
  protected EngineConfig.Builder config(EngineConfig.Builder builder) {
    return builder.statusDelay(DELAY);
  }

  @Test
  void queryAndScan_ofABackfillingIndex_areRejectedUntilItIsActive() {
    engine.createTable(t -> t.tableName("Later").billingMode(BillingMode.PAY_PER_REQUEST).keySchema(KeySchemaElement.hash("pk"))
        .attributeDefinitions(AttributeDefinition.string("pk")));
    clock.advance(DELAY);
    engine.putItem(p -> p.tableName("Later").item(Item.of("pk", s("a"), "g", s("G"))));
    engine.updateTable(u -> u.tableName("Later").attributeDefinitions(AttributeDefinition.string("g"))
        .globalSecondaryIndexUpdates(new GlobalSecondaryIndexUpdate(null, new CreateGlobalSecondaryIndexAction("byG",
            List.of(KeySchemaElement.hash("g")), Projection.all(), null, null, null), null)));
    engine.putItem(p -> p.tableName("Later").item(Item.of("pk", s("b"), "g", s("G"))));
    assertThatThrownBy(() -> engine.query(q -> q.tableName("Later").indexName("byG").keyConditionExpression("g = :g")
        .expressionAttributeValues(Map.of(":g", s("G")))))
        .isInstanceOf(ValidationException.class).hasMessage("Cannot read from backfilling global secondary index: byG");
    assertThatThrownBy(() -> engine.scan(r -> r.tableName("Later").indexName("byG")))
        .isInstanceOf(ValidationException.class).hasMessage("Cannot read from backfilling global secondary index: byG");

    clock.advance(DELAY);
    assertThat(engine.query(q -> q.tableName("Later").indexName("byG").keyConditionExpression("g = :g")
        .expressionAttributeValues(Map.of(":g", s("G")))).count()).isEqualTo(2);
    assertThat(engine.scan(r -> r.tableName("Later").indexName("byG")).count()).isEqualTo(2);
  }
}
