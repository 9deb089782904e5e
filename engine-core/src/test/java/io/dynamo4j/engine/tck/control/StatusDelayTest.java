package io.dynamo4j.engine.tck.control;

import static io.dynamo4j.model.AttributeValue.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dynamo4j.api.AttributeDefinition;
import io.dynamo4j.api.GlobalSecondaryIndexDescription;
import io.dynamo4j.api.IndexStatus;
import io.dynamo4j.api.ProvisionedThroughput;
import io.dynamo4j.api.TableStatus;
import io.dynamo4j.engine.EngineConfig;
import io.dynamo4j.engine.tck.EngineTest;
import io.dynamo4j.error.ResourceInUseException;
import io.dynamo4j.error.ResourceNotFoundException;
import io.dynamo4j.model.Item;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** With EngineConfig.statusDelay, CREATING, UPDATING and DELETING last that long on the engine's clock. */
class StatusDelayTest extends EngineTest {

  private static final Duration DELAY = Duration.ofSeconds(10);

  @Override
  protected EngineConfig.Builder config(EngineConfig.Builder builder) {
    return builder.statusDelay(DELAY);
  }

  @Test
  void createTable_isCreatingUntilTheDelayPasses_andServesNoDataMeanwhile() {
    createSimpleTable("Slow", false);
    assertThat(engine.describeTable(r -> r.tableName("Slow")).table().tableStatus()).isEqualTo(TableStatus.CREATING);
    assertThat(engine.listTables(r -> { }).tableNames()).containsExactly("Slow");
    assertThatThrownBy(() -> engine.putItem(p -> p.tableName("Slow").item(Item.of("pk", s("a")))))
        .isInstanceOf(ResourceNotFoundException.class).hasMessage("Requested resource not found");
    assertThatThrownBy(() -> engine.deleteTable(r -> r.tableName("Slow"))).isInstanceOf(ResourceInUseException.class)
        .hasMessage("Attempt to change a resource which is still in use: Table is being created: Slow");

    clock.advance(DELAY);
    assertThat(engine.describeTable(r -> r.tableName("Slow")).table().tableStatus()).isEqualTo(TableStatus.ACTIVE);
    engine.putItem(p -> p.tableName("Slow").item(Item.of("pk", s("a"))));
  }

  @Test
  void deleteTable_isDeletingUntilTheDelayPasses_thenGone() {
    createSimpleTable("Doomed", false);
    clock.advance(DELAY);
    assertThat(engine.deleteTable(r -> r.tableName("Doomed")).tableDescription().tableStatus()).isEqualTo(TableStatus.DELETING);
    assertThat(engine.describeTable(r -> r.tableName("Doomed")).table().tableStatus()).isEqualTo(TableStatus.DELETING);
    assertThat(engine.listTables(r -> { }).tableNames()).containsExactly("Doomed");
    assertThat(engine.deleteTable(r -> r.tableName("Doomed")).tableDescription().tableStatus())
        .as("deleting a DELETING table is no error").isEqualTo(TableStatus.DELETING);

    clock.advance(DELAY);
    assertThat(engine.listTables(r -> { }).tableNames()).isEmpty();
    assertThatThrownBy(() -> engine.describeTable(r -> r.tableName("Doomed"))).isInstanceOf(ResourceNotFoundException.class);
  }

  @Test
  void updateTable_throughputThenIndex_updatingBlocksFurtherUpdatesUntilDone() {
    engine.createTable(t -> t.tableName("Busy").keySchema(io.dynamo4j.api.KeySchemaElement.hash("pk"))
        .attributeDefinitions(AttributeDefinition.string("pk")).provisionedThroughput(ProvisionedThroughput.of(1, 1)));
    clock.advance(DELAY);
    engine.putItem(p -> p.tableName("Busy").item(Item.of("pk", s("a"), "g", s("x"))));
    assertThat(engine.updateTable(u -> u.tableName("Busy").provisionedThroughput(ProvisionedThroughput.of(2, 2))).tableDescription().tableStatus())
        .isEqualTo(TableStatus.UPDATING);
    assertThatThrownBy(() -> engine.updateTable(u -> u.tableName("Busy").provisionedThroughput(ProvisionedThroughput.of(3, 3))))
        .isInstanceOf(ResourceInUseException.class).hasMessage("Attempt to change a resource which is still in use: Table is being updated: Busy");
    clock.advance(DELAY);

    engine.updateTable(u -> u.tableName("Busy").attributeDefinitions(AttributeDefinition.string("g"))
        .globalSecondaryIndexUpdates(ControlPlaneErrorsTest.createGsiUpdate("byG", "g")));
    GlobalSecondaryIndexDescription creating = engine.describeTable(r -> r.tableName("Busy")).table().globalSecondaryIndexes().get(0);
    assertThat(creating.indexStatus()).isEqualTo(IndexStatus.CREATING);
    assertThat(creating.backfilling()).isTrue();
    assertThat(creating.itemCount()).isEqualTo(1);

    clock.advance(DELAY);
    GlobalSecondaryIndexDescription active = engine.describeTable(r -> r.tableName("Busy")).table().globalSecondaryIndexes().get(0);
    assertThat(active.indexStatus()).isEqualTo(IndexStatus.ACTIVE);
    assertThat(active.backfilling()).isNull();

    engine.updateTable(u -> u.tableName("Busy").globalSecondaryIndexUpdates(ControlPlaneErrorsTest.deleteGsiUpdate("byG")));
    assertThat(engine.describeTable(r -> r.tableName("Busy")).table().globalSecondaryIndexes())
        .singleElement().extracting(GlobalSecondaryIndexDescription::indexStatus).isEqualTo(IndexStatus.DELETING);
    clock.advance(DELAY);
    assertThat(engine.describeTable(r -> r.tableName("Busy")).table().globalSecondaryIndexes()).isNull();
  }
}
