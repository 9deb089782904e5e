package io.dynamo4j.engine.tck;

import io.dynamo4j.api.AttributeDefinition;
import io.dynamo4j.api.BillingMode;
import io.dynamo4j.api.KeySchemaElement;
import io.dynamo4j.engine.EngineConfig;
import io.dynamo4j.engine.LocalEngine;
import io.dynamo4j.engine.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The base of every TCK test class: a fresh engine of the module under test per test, on a
 * {@link TestClock}, and the {@link Invariants} checked after each test.
 *
 * <p>Subclasses that need another configuration override {@link #config(EngineConfig.Builder)}.
 */
public abstract class EngineTest {

  /** The test clock the engine reads. */
  protected TestClock clock;
  /** The engine under test. */
  protected LocalEngine engine;

  @BeforeEach
  void startEngine() {
    clock = new TestClock();
    engine = Tck.provider().create(config(EngineConfig.builder().clock(clock)).build());
  }

  @AfterEach
  void checkInvariantsAndClose() {
    try {
      Invariants.check(engine);
    } finally {
      engine.close();
    }
  }

  /** Adjusts the engine configuration; the default adds nothing. */
  protected EngineConfig.Builder config(EngineConfig.Builder builder) {
    return builder;
  }

  /** Creates an on-demand table with a string partition key {@code pk} and, if {@code withSort}, a number sort key {@code sk}. */
  protected void createSimpleTable(String name, boolean withSort) {
    engine.createTable(t -> {
      t.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST);
      if (withSort) {
        t.keySchema(KeySchemaElement.hash("pk"), KeySchemaElement.range("sk"))
            .attributeDefinitions(AttributeDefinition.string("pk"), AttributeDefinition.number("sk"));
      } else {
        t.keySchema(KeySchemaElement.hash("pk")).attributeDefinitions(AttributeDefinition.string("pk"));
      }
    });
  }
}
