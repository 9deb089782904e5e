package io.dynamo4j.jmh;

import com.amazonaws.services.dynamodbv2.local.embedded.DynamoDBEmbedded;
import com.amazonaws.services.dynamodbv2.local.shared.access.AmazonDynamoDBLocal;
import io.dynamo4j.DynamoClient;
import io.dynamo4j.engine.EngineConfig;
import io.dynamo4j.engine.TestClock;
import io.dynamo4j.junit.EngineFactory;
import io.dynamo4j.junit.MemoryEngineFactory;
import io.dynamo4j.mapper.Mapper;
import io.dynamo4j.mapper.annotation.PartitionKey;
import io.dynamo4j.mapper.annotation.SortKey;
import io.dynamo4j.mapper.annotation.Table;
import io.dynamo4j.spi.Engine;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * What a test pays for its own DynamoDB: a fresh database started, one table created in it, and the
 * database closed, as {@code @DynamoTest} does around every test by default, beside the same with
 * DynamoDB Local embedded ({@code DynamoDBEmbedded}, in memory), which is what suites written for
 * DynamoDB Local start per test class or per test. Each operation returns after the table is ACTIVE
 * and the database is closed again.
 *
 * <ul>
 *   <li>{@code DYNAMO4J}: the steps of sdk-junit's per-test lifecycle through its public pieces: a
 *       {@link TestClock}, the {@link MemoryEngineFactory}, a {@link DynamoClient}, a {@link Mapper}
 *       on the test clock, the mapped table created ({@code CreateTable}, then {@code DescribeTable}
 *       until ACTIVE), the engine closed. Not counted: JUnit's own bookkeeping and the fault
 *       decorator (one object).
 *   <li>{@code DYNAMODB_LOCAL}: {@code DynamoDBEmbedded.create(true)} (telemetry off), the same table
 *       created through the AWS SDK client it hands out, {@code shutdownNow()}.
 * </ul>
 *
 * <p>AverageTime and SampleTime (p50, p90, p99, p99.9). Run, from the repository root, after
 * {@code mvn -B -pl jmh -am package -DskipTests}:
 * <pre>
 * java -jar jmh/target/benchmarks.jar TestLifecycle -f 1 -wi 3 -i 5
 * </pre>
 */
@BenchmarkMode({Mode.AverageTime, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-Dsqlite4java.library.path=jmh/target/native"})
public class TestLifecycleBenchmark {

  /** A mapped table like a test's: a composite key. */
  @Table("Orders")
  public record Order(@PartitionKey String customer, @SortKey int number, String status) {}

  /** What runs per test. */
  public enum Lifecycle {
    /** sdk-junit's per-test engine: memory engine on a test clock, the mapped table created. */
    DYNAMO4J,
    /** DynamoDB Local embedded in memory, the same table created through the AWS SDK. */
    DYNAMODB_LOCAL
  }

  /** The lifecycle measured. */
  @State(Scope.Benchmark)
  public static class Target {
    @Param({"DYNAMO4J", "DYNAMODB_LOCAL"})
    public Lifecycle lifecycle;

    final EngineFactory factory = new MemoryEngineFactory();

    /** Points DynamoDB Local at the native SQLite library the build copied. */
    @Setup
    public void setUp() {
      if (lifecycle == Lifecycle.DYNAMODB_LOCAL) {
        DynamoDbLocal.useNativeLibrary();
      }
    }
  }

  /** One test's DynamoDB: started, one table created, closed. */
  @Benchmark
  public Object startCreateTableClose(Target target) {
    return target.lifecycle == Lifecycle.DYNAMO4J ? dynamo4j(target.factory) : dynamoDbLocal();
  }

  private static Object dynamo4j(EngineFactory factory) {
    TestClock clock = new TestClock(Instant.parse("2026-01-01T00:00:00Z"));
    EngineConfig config = EngineConfig.builder().clock(clock).build();
    Engine engine = factory.create(new EngineFactory.Context() {
      @Override
      public EngineConfig config() {
        return config;
      }

      @Override
      public TestClock clock() {
        return clock;
      }

      @Override
      public Path directory() {
        throw new UnsupportedOperationException("the memory engine keeps no files");
      }
    });
    try {
      DynamoClient client = DynamoClient.create(engine);
      Mapper mapper = Mapper.builder().clock(clock).build();
      mapper.table(client, Order.class).createTable();
      return client;
    } finally {
      engine.close();
    }
  }

  private static Object dynamoDbLocal() {
    AmazonDynamoDBLocal local = DynamoDBEmbedded.create(true);
    try {
      DynamoDbClient client = local.dynamoDbClient();
      client.createTable(t -> t.tableName("Orders")
          .keySchema(
              KeySchemaElement.builder().attributeName("customer").keyType(KeyType.HASH).build(),
              KeySchemaElement.builder().attributeName("number").keyType(KeyType.RANGE).build())
          .attributeDefinitions(
              AttributeDefinition.builder().attributeName("customer").attributeType(ScalarAttributeType.S).build(),
              AttributeDefinition.builder().attributeName("number").attributeType(ScalarAttributeType.N).build())
          .billingMode(BillingMode.PAY_PER_REQUEST));
      client.describeTable(d -> d.tableName("Orders"));
      return client;
    } finally {
      local.shutdownNow();
    }
  }
}
