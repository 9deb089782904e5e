package io.dynamo4j.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test class against an embedded DynamoDB: registers {@link DynamoExtension} and says
 * which engine, for how long, with which tables.
 *
 * <pre>{@code
 * @DynamoTest(tables = Order.class, tableDefinitions = "tables/audit.json")
 * @Fixture(table = "Orders", value = "fixtures/orders.jsonl")
 * class OrderServiceTest {
 *   @Test
 *   void ship_paidOrder_marksShipped(MappedTable<Order> orders, DynamoClient client, TestClock clock) { ... }
 * }
 * }</pre>
 *
 * <p>Tests and lifecycle methods may declare parameters (and the test class non-static fields)
 * of these types, which the extension fills in: {@link io.dynamo4j.spi.Engine} (the engine as the
 * test sees it, with {@link Faults} applied), {@link io.dynamo4j.engine.LocalEngine} (the engine
 * itself, without faults, for {@code subscribe} and {@code runDueWork}), {@link
 * io.dynamo4j.DynamoClient}, {@link io.dynamo4j.mapper.Mapper}, {@link
 * io.dynamo4j.mapper.MappedTable MappedTable&lt;T&gt;} (for a {@code @Table}-annotated {@code T}),
 * {@link io.dynamo4j.engine.TestClock}, {@link Faults}, {@link StreamRecorder} (annotated
 * {@link RecordStream}), and, when the {@code server} module and the AWS SDK for Java v2 are on the
 * class path, the SDK's {@code DynamoDbClient} and {@code DynamoDbEnhancedClient}, answered in
 * process.
 */
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(DynamoExtension.class)
public @interface DynamoTest {

  /** How long an engine lives and which tests share it; default a fresh engine per test. */
  Lifecycle lifecycle() default Lifecycle.PER_TEST;

  /**
   * The engine: the name of an {@link EngineFactory} ({@code memory}, the default, or e.g.
   * {@code disk} when that module is on the class path) or a factory's class name.
   */
  String engine() default MemoryEngineFactory.NAME;

  /** Mapped classes ({@code @Table}-annotated) whose tables are created before each test. */
  Class<?>[] tables() default {};

  /**
   * Class path resources holding a DynamoDB {@code CreateTable} request in JSON (the request body,
   * as for {@code aws dynamodb create-table --cli-input-json}); each table is created before each
   * test.
   */
  String[] tableDefinitions() default {};

  /**
   * Whether the engine enforces provisioned and on-demand throughput (default false, as DynamoDB
   * Local). With it, moving the {@link io.dynamo4j.engine.TestClock} refills capacity.
   */
  boolean throttling() default false;

  /** Where the test clock starts, as an ISO-8601 instant; default 2026-01-01T00:00:00Z. */
  String clockStart() default "2026-01-01T00:00:00Z";
}
