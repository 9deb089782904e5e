package io.dynamo4j.junit;

import static io.dynamo4j.model.AttributeValue.s;
import static org.assertj.core.api.Assertions.assertThat;

import io.dynamo4j.DynamoClient;
import io.dynamo4j.engine.LocalEngine;
import io.dynamo4j.engine.TestClock;
import io.dynamo4j.mapper.MappedTable;
import io.dynamo4j.model.Item;
import io.dynamo4j.spi.Engine;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * Engines per test, per class and per run; engine factories found by ServiceLoader and by class
 * name; temporary folders removed with their engine.
 */
class LifecycleTest {

  static final List<Engine> SEEN = new CopyOnWriteArrayList<>();

  @BeforeEach
  void forget() {
    SEEN.clear();
    CountingEngineFactory.ENGINES.clear();
    CountingEngineFactory.DIRECTORIES.clear();
  }

  static long count(DynamoClient client, String table) {
    return client.scan(r -> r.tableName(table)).count();
  }

  @DynamoTest(engine = "counting", tables = Order.class)
  static class PerTest {
    @Test
    void first(LocalEngine engine, MappedTable<Order> orders, DynamoClient client) {
      SEEN.add(engine);
      orders.put(Order.of("first", "c", "1"));
      assertThat(count(client, "Orders")).isEqualTo(1);
    }

    @Test
    void second(LocalEngine engine, MappedTable<Order> orders, DynamoClient client) {
      SEEN.add(engine);
      orders.put(Order.of("second", "c", "1"));
      assertThat(count(client, "Orders")).isEqualTo(1);
    }
  }

  @Test
  void perTest_everyTestHasItsOwnEngine_closedAndItsFolderRemovedAfterIt() {
    EngineExecutionResults results = Kit.run(PerTest.class);

    Kit.assertAllSucceeded(results, 2);
    assertThat(SEEN).hasSize(2).doesNotHaveDuplicates();
    assertThat(CountingEngineFactory.ENGINES).containsExactlyInAnyOrderElementsOf(SEEN);
    assertThat(CountingEngineFactory.DIRECTORIES).hasSize(2).allSatisfy(d -> assertThat(Files.exists(d)).isFalse());
  }

  @DynamoTest(lifecycle = Lifecycle.PER_CLASS, tables = Order.class)
  @Fixture(table = "Orders", value = "fixtures/orders.jsonl")
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  static class PerClass {
    @BeforeAll
    static void before(LocalEngine engine, DynamoClient client) {
      SEEN.add(engine);
      client.putItem(r -> r.tableName("Orders").item(Item.of("id", s("from-before-all"))));
    }

    @Test
    @org.junit.jupiter.api.Order(1)
    void writes(LocalEngine engine, DynamoClient client) {
      SEEN.add(engine);
      client.putItem(r -> r.tableName("Orders").item(Item.of("id", s("from-first-test"))));
      assertThat(count(client, "Orders")).isEqualTo(5);
    }

    @Test
    @org.junit.jupiter.api.Order(2)
    void seesTheFirstTestsWrites_andFixturesLoadedOnce(LocalEngine engine, DynamoClient client) {
      SEEN.add(engine);
      assertThat(count(client, "Orders")).isEqualTo(5);
    }
  }

  @Test
  void perClass_theClassSharesOneEngine_fromBeforeAllOn() {
    EngineExecutionResults results = Kit.run(PerClass.class);

    Kit.assertAllSucceeded(results, 2);
    assertThat(SEEN).hasSize(3);
    assertThat(SEEN.stream().distinct()).hasSize(1);
  }

  @DynamoTest(lifecycle = Lifecycle.PER_RUN, tables = Order.class)
  static class PerRunOrders {
    @Test
    void ordersOnly(LocalEngine engine, DynamoClient client, TestClock clock) {
      SEEN.add(engine);
      assertThat(client.listTables().tableNames()).containsExactly("Orders");
      assertThat(count(client, "Orders")).isZero();
      client.putItem(r -> r.tableName("Orders").item(Item.of("id", s("left-behind"))));
      clock.advance(Duration.ofHours(1));
    }

    @Test
    void ordersAgain(LocalEngine engine, DynamoClient client) {
      SEEN.add(engine);
      assertThat(client.listTables().tableNames()).containsExactly("Orders");
      assertThat(count(client, "Orders")).as("the table was emptied").isZero();
      client.putItem(r -> r.tableName("Orders").item(Item.of("id", s("left-behind"))));
    }
  }

  @DynamoTest(lifecycle = Lifecycle.PER_RUN, tableDefinitions = "tables/events.json")
  @Fixture(table = "Events", value = "fixtures/events.json")
  static class PerRunEvents {
    @Test
    void eventsOnly(LocalEngine engine, DynamoClient client) {
      SEEN.add(engine);
      assertThat(client.listTables().tableNames()).containsExactly("Events");
      assertThat(count(client, "Events")).isEqualTo(2);
    }
  }

  @Test
  void perRun_classesShareOneEngine_eachTestSeesOnlyItsDeclaredTablesAndFixtures() {
    EngineExecutionResults results = Kit.run(PerRunOrders.class, PerRunEvents.class);

    Kit.assertAllSucceeded(results, 3);
    assertThat(SEEN).hasSize(3);
    assertThat(SEEN.stream().distinct()).hasSize(1);
  }

  @DynamoTest(engine = "io.dynamo4j.junit.CountingEngineFactory")
  static class ByClassName {
    @Test
    void test(Engine engine) {
      engine.listTables();
    }
  }

  @Test
  void engine_byClassName_isMadeByThatFactory() {
    Kit.assertAllSucceeded(Kit.run(ByClassName.class), 1);

    assertThat(CountingEngineFactory.ENGINES).hasSize(1);
  }

  @DynamoTest(engine = "disk-not-here")
  static class UnknownEngine {
    @Test
    void test(Engine engine) {}
  }

  @DynamoTest(engine = "java.lang.String")
  static class NotAFactory {
    @Test
    void test(Engine engine) {}
  }

  @Test
  void engine_unknownName_failsTheTest_namingTheFactoriesThereAre() {
    assertThat(Kit.failures(Kit.run(UnknownEngine.class))).singleElement().satisfies(e -> assertThat(e)
        .hasMessageStartingWith("No engine factory named \"disk-not-here\"; the class path has [counting, disk, memory]")
        .hasMessageContaining("Listed factories that could not be made: [java.util.ServiceConfigurationError: "
            + "io.dynamo4j.junit.EngineFactory: Provider io.dynamo4j.junit.NotOnTheClassPathEngineFactory not found]"));
    assertThat(Kit.failures(Kit.run(NotAFactory.class))).singleElement().satisfies(e -> assertThat(e)
        .hasMessageStartingWith("java.lang.String is not an io.dynamo4j.junit.EngineFactory"));
  }

  @Test
  void engineFactories_memory_isBuiltIn_andServiceLoadedFactoriesAreFoundByName() {
    assertThat(EngineFactories.find("memory")).isInstanceOf(MemoryEngineFactory.class);
    assertThat(EngineFactories.find("counting")).isInstanceOf(CountingEngineFactory.class);
    assertThat(EngineFactories.find("disk")).isInstanceOf(DiskEngineFactory.class);
  }

  @org.junit.jupiter.api.extension.ExtendWith(DynamoExtension.class)
  static class PlainExtension {
    @Test
    void defaults_freshMemoryEngine_noTables_clockAtItsDefaultStart(LocalEngine engine, TestClock clock, Faults faults) {
      SEEN.add(engine);
      assertThat(engine.listTables().tableNames()).isEmpty();
      assertThat(clock.instant()).isEqualTo(java.time.Instant.parse("2026-01-01T00:00:00Z"));
      assertThat(faults.installed()).isEmpty();
    }

    @Test
    void second(LocalEngine engine) {
      SEEN.add(engine);
    }
  }

  @Test
  void plainExtension_withoutDynamoTest_usesTheDefaults() {
    Kit.assertAllSucceeded(Kit.run(PlainExtension.class), 2);

    assertThat(SEEN).hasSize(2).doesNotHaveDuplicates();
  }

  static class Registered {
    @org.junit.jupiter.api.extension.RegisterExtension
    static DynamoExtension dynamo = DynamoExtension.builder()
        .lifecycle(Lifecycle.PER_CLASS).tables(Order.class).tableDefinitions("tables/events.json")
        .clockStart(java.time.Instant.parse("2031-01-01T00:00:00Z")).build();

    @Test
    void configuredInCode(LocalEngine engine, DynamoClient client, TestClock clock) {
      SEEN.add(engine);
      assertThat(client.listTables().tableNames()).containsExactly("Events", "Orders");
      assertThat(clock.instant()).isEqualTo(java.time.Instant.parse("2031-01-01T00:00:00Z"));
    }

    @Test
    void sameEngineForTheClass(LocalEngine engine) {
      SEEN.add(engine);
    }
  }

  @Test
  void registerExtension_builtInCode_takesItsSettingsFromTheBuilder() {
    Kit.assertAllSucceeded(Kit.run(Registered.class), 2);

    assertThat(SEEN).hasSize(2);
    assertThat(SEEN.get(0)).isSameAs(SEEN.get(1));
  }

  @DynamoTest
  static class ConstructorInjection {
    ConstructorInjection(Engine engine) {}

    @Test
    void test() {}
  }

  @DynamoTest
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  static class InstancePerClass {
    Engine engine;
    Object previous; // not an Engine: that would be filled in too

    @Test
    void a() {
      assertThat(engine).isNotSameAs(previous);
      previous = engine;
    }

    @Test
    void b() {
      assertThat(engine).isNotSameAs(previous);
      previous = engine;
    }
  }

  @Test
  void fields_ofATestInstanceThatLivesForItsClass_areFilledInAgainForEveryTest() {
    Kit.assertAllSucceeded(Kit.run(InstancePerClass.class), 2);
  }

  @Test
  void constructorParameter_failsWithAnExplanation() {
    assertThat(Kit.failures(Kit.run(ConstructorInjection.class))).singleElement()
        .satisfies(e -> assertThat(e).hasMessageContaining("there is no engine here yet"));
  }
}
