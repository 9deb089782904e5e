package io.dynamo4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dynamo4j.api.ListTablesRequest;
import io.dynamo4j.api.ListTablesResponse;
import io.dynamo4j.api.Operation;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DynamoClientTest {

  private final FakeEngine engine = new FakeEngine();

  @Test
  void create_engine_usesTheDefaultConfig() {
    DynamoClient client = DynamoClient.create(engine);

    assertThat(client.engine()).isSameAs(engine);
    assertThat(client.config()).isSameAs(ClientConfig.defaults());
  }

  @Test
  void builder_config_usesIt() {
    ClientConfig config = ClientConfig.builder().retryPolicy(RetryPolicy.none()).build();

    DynamoClient client = DynamoClient.builder().engine(engine).config(config).build();

    assertThat(client.config()).isSameAs(config);
  }

  @Test
  void builder_configConsumer_startsFromTheDefaults() {
    DynamoClient client = DynamoClient.builder()
        .engine(engine)
        .config(c -> c.waitTimeout(Duration.ofSeconds(5)))
        .build();

    assertThat(client.config().waitTimeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(client.config().retryPolicy()).isSameAs(RetryPolicy.defaults());
  }

  @Test
  void build_noEngine_saysHowToFixIt() {
    assertThatThrownBy(() -> DynamoClient.builder().build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("DynamoClient needs an engine: call DynamoClient.builder().engine(engine) before build()");
  }

  @Test
  void builder_nullEngine_rejected() {
    assertThatThrownBy(() -> DynamoClient.builder().engine(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("DynamoClient engine must not be null");
  }

  @Test
  void close_clientDoesNotOwnTheEngine_leavesItOpenAndUsable() {
    engine.on(Operation.LIST_TABLES, (ListTablesRequest r) -> ListTablesResponse.builder().build());
    DynamoClient client = DynamoClient.create(engine);

    client.close();

    assertThat(engine.closed).isFalse();
    assertThat(client.listTables()).isNotNull();
  }

  @Test
  void close_clientOwnsTheEngine_closesIt() {
    DynamoClient client = DynamoClient.builder().engine(engine).ownsEngine(true).build();

    client.close();

    assertThat(engine.closed).isTrue();
  }

  @Test
  void operation_engineHasNoHandler_unsupportedOperationPassesThroughUnretried() {
    DynamoClient client = DynamoClient.create(engine);

    assertThatThrownBy(() -> client.describeLimits())
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessage("FakeEngine has no handler for DescribeLimits");
    assertThat(engine.calls).hasSize(1);
  }
}
