package io.dynamo4j.junit;

import static io.dynamo4j.model.AttributeValue.s;
import static org.assertj.core.api.Assertions.assertThat;

import io.dynamo4j.DynamoClient;
import io.dynamo4j.engine.LocalEngine;
import io.dynamo4j.engine.TestClock;
import io.dynamo4j.mapper.MappedTable;
import io.dynamo4j.mapper.Mapper;
import io.dynamo4j.model.Item;
import io.dynamo4j.model.Key;
import io.dynamo4j.spi.Engine;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Every type the extension resolves, as parameters and as fields, all on one engine. */
@DynamoTest(tables = Order.class)
class ResolutionTest {

  Engine engineField;
  DynamoClient clientField;
  MappedTable<Order> ordersField;
  TestClock clockField;
  Faults faultsField;
  DynamoDbClient sdkField;
  final String untouched = "final fields are left alone";
  Mapper preset = Mapper.create();
  private Mapper presetCopy;

  @BeforeEach
  void rememberPreset() {
    presetCopy = preset;
  }

  @Test
  void parameters_ofEverySupportedType_areResolvedOnOneEngine(Engine engine, LocalEngine local, DynamoClient client,
      Mapper mapper, MappedTable<Order> orders, TestClock clock, Faults faults) {
    orders.put(Order.of("o-1", "c-1", "10"));

    assertThat(client.engine()).isSameAs(engine);
    assertThat(engine.getItem(r -> r.tableName("Orders").key(Key.of("id", s("o-1")).toItem())).item())
        .containsEntry("customer", s("c-1"));
    assertThat(local.getItem(r -> r.tableName("Orders").key(Key.of("id", s("o-1")).toItem())).item()).isNotNull();
    assertThat(mapper.clock()).isSameAs(clock);
    assertThat(clock.instant()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
    assertThat(orders.get("o-1").created()).as("@CreatedAt reads the test clock").isEqualTo(clock.instant());
    assertThat(faults.installed()).isEmpty();
  }

  @Test
  void fields_ofSupportedTypes_areFilledIn_andPresetFieldsKept(Engine engine, TestClock clock, Faults faults) {
    assertThat(engineField).isSameAs(engine);
    assertThat(clientField.engine()).isSameAs(engine);
    assertThat(clockField).isSameAs(clock);
    assertThat(faultsField).isSameAs(faults);
    assertThat(ordersField.tableName()).isEqualTo("Orders");
    assertThat(sdkField).isNotNull();
    assertThat(preset).as("a field the test set itself").isSameAs(presetCopy);
    assertThat(untouched).isEqualTo("final fields are left alone");
  }

  @Test
  void testClock_movesOnlyWhenTheTestMovesIt(TestClock clock) {
    Instant start = clock.instant();
    assertThat(clock.instant()).isEqualTo(start);
    clock.advance(Duration.ofMinutes(5));
    assertThat(clock.instant()).isEqualTo(start.plus(Duration.ofMinutes(5)));
  }

  @Test
  void awsSdkClient_answersFromTheSameEngine(DynamoDbClient ddb, DynamoClient client) {
    ddb.putItem(r -> r.tableName("Orders").item(Map.of("id", AttributeValue.fromS("sdk-1"),
        "customer", AttributeValue.fromS("c-9"))));

    Item item = client.getItem(r -> r.tableName("Orders").key(Key.of("id", s("sdk-1")).toItem())).item();
    assertThat(item).containsEntry("customer", s("c-9"));
    assertThat(ddb.listTables().tableNames()).containsExactly("Orders");
  }

  @Test
  void awsSdkEnhancedClient_readsWhatTheMapperWrote(DynamoDbEnhancedClient enhanced, MappedTable<Order> orders) {
    orders.put(Order.of("o-7", "c-7", "7.5"));

    SdkOrder read = enhanced.table("Orders", TableSchema.fromBean(SdkOrder.class))
        .getItem(software.amazon.awssdk.enhanced.dynamodb.Key.builder().partitionValue("o-7").build());
    assertThat(read.getCustomer()).isEqualTo("c-7");
  }

  /** The same table seen through the AWS SDK's Enhanced Client. */
  @DynamoDbBean
  public static class SdkOrder {
    private String id;
    private String customer;

    @DynamoDbPartitionKey
    public String getId() {
      return id;
    }

    public void setId(String id) {
      this.id = id;
    }

    public String getCustomer() {
      return customer;
    }

    public void setCustomer(String customer) {
      this.customer = customer;
    }
  }
}
