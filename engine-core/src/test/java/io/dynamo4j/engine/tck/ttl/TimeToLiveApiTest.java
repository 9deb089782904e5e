package io.dynamo4j.engine.tck.ttl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dynamo4j.api.TimeToLiveDescription;
import io.dynamo4j.api.TimeToLiveSpecification;
import io.dynamo4j.api.TimeToLiveStatus;
import io.dynamo4j.engine.EngineConfig;
import io.dynamo4j.engine.LocalEngine;
import io.dynamo4j.engine.tck.EngineTest;
import io.dynamo4j.error.DynamoException;
import io.dynamo4j.error.ResourceNotFoundException;
import io.dynamo4j.error.ValidationException;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * UpdateTimeToLive and DescribeTimeToLive: enabling and disabling, the response shapes, the
 * settled status after the status delay, DynamoDB's rule against a change within an hour of the
 * last, and its errors.
 */
class TimeToLiveApiTest extends EngineTest {

  @Override
  protected EngineConfig.Builder config(EngineConfig.Builder builder) {
    return builder.statusDelay(Duration.ofSeconds(2));
  }

  @BeforeEach
  void createTable() {
    createSimpleTable("Ttl", false);
    clock.advance(Duration.ofSeconds(2)); // ACTIVE
  }

  private TimeToLiveDescription describe() {
    return engine.describeTimeToLive(d -> d.tableName("Ttl")).timeToLiveDescription();
  }

  private void update(boolean enabled, String attribute) {
    engine.updateTimeToLive(u -> u.tableName("Ttl").timeToLiveSpecification(new TimeToLiveSpecification(enabled, attribute)));
  }

  @Test
  void describe_newTable_isDisabledWithoutAttribute() {
    assertThat(describe()).isEqualTo(new TimeToLiveDescription(TimeToLiveStatus.DISABLED, null));
  }

  @Test
  void update_enableThenDisable_movesThroughEnablingAndDisabling() {
    TimeToLiveSpecification echoed = engine.updateTimeToLive(u -> u.tableName("Ttl")
        .timeToLiveSpecification(new TimeToLiveSpecification(true, "expires"))).timeToLiveSpecification();
    assertThat(echoed).isEqualTo(new TimeToLiveSpecification(true, "expires"));
    assertThat(describe()).isEqualTo(new TimeToLiveDescription(TimeToLiveStatus.ENABLING, "expires"));
    clock.advance(Duration.ofSeconds(2));
    assertThat(describe()).isEqualTo(new TimeToLiveDescription(TimeToLiveStatus.ENABLED, "expires"));

    clock.advance(Duration.ofHours(1));
    update(false, "expires");
    assertThat(describe()).isEqualTo(new TimeToLiveDescription(TimeToLiveStatus.DISABLING, "expires"));
    clock.advance(Duration.ofSeconds(2));
    assertThat(describe()).isEqualTo(new TimeToLiveDescription(TimeToLiveStatus.DISABLED, null));
  }

  @Test
  void update_withinAnHourOfTheLastChange_isRefused_anHourLaterAccepted() {
    update(true, "expires");
    clock.advance(Duration.ofMinutes(59));
    assertThatThrownBy(() -> update(false, "expires")).isInstanceOf(ValidationException.class)
        .hasMessage("Time to live has been modified multiple times within a fixed interval");
    clock.advance(Duration.ofMinutes(1));
    update(false, "expires");
    assertThatThrownBy(() -> update(true, "expires")).isInstanceOf(ValidationException.class)
        .hasMessage("Time to live has been modified multiple times within a fixed interval");
  }

  @Test
  void update_contentChecks_comeBeforeTheHourlyRule() {
    update(true, "expires");
    assertThatThrownBy(() -> update(true, "expires")).isInstanceOf(ValidationException.class)
        .hasMessage("TimeToLive is already enabled");
    assertThatThrownBy(() -> update(true, "other")).isInstanceOf(ValidationException.class)
        .hasMessage("TimeToLive is active on a different AttributeName");
    assertThatThrownBy(() -> update(false, "other")).isInstanceOf(ValidationException.class)
        .hasMessage("TimeToLive is active on a different AttributeName");
  }

  @Test
  void describe_tableBeingCreated_isRefused() {
    createSimpleTable("Fresh", false);
    assertThatThrownBy(() -> engine.describeTimeToLive(d -> d.tableName("Fresh"))).isInstanceOf(ValidationException.class)
        .hasMessage("Cannot describe time to live while table is in CREATING state: Current table state is CREATING");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("errors")
  void request_invalid_failsWithDynamoDbsErrorAndMessage(String name, Consumer<LocalEngine> call,
      Class<? extends DynamoException> type, String message) {
    assertThatThrownBy(() -> call.accept(engine)).isInstanceOf(type).hasMessage(message);
  }

  static Stream<Arguments> errors() {
    return Stream.of(
        Arguments.of("disable when disabled", (Consumer<LocalEngine>) e -> e.updateTimeToLive(u -> u.tableName("Ttl")
            .timeToLiveSpecification(new TimeToLiveSpecification(false, "expires"))),
            ValidationException.class, "TimeToLive is already disabled"),
        Arguments.of("missing table", (Consumer<LocalEngine>) e -> e.updateTimeToLive(u -> u.tableName("Missing")
            .timeToLiveSpecification(new TimeToLiveSpecification(true, "expires"))),
            ResourceNotFoundException.class, "Requested resource not found: Table: Missing not found"),
        Arguments.of("describe missing table", (Consumer<LocalEngine>) e -> e.describeTimeToLive(d -> d.tableName("Missing")),
            ResourceNotFoundException.class, "Requested resource not found: Table: Missing not found"),
        Arguments.of("empty attribute name", (Consumer<LocalEngine>) e -> e.updateTimeToLive(u -> u.tableName("Ttl")
            .timeToLiveSpecification(new TimeToLiveSpecification(true, ""))), ValidationException.class,
            "1 validation error detected: Value '' at 'timeToLiveSpecification.attributeName' failed to satisfy constraint: "
                + "Member must have length greater than or equal to 1"),
        Arguments.of("attribute name of 256", (Consumer<LocalEngine>) e -> e.updateTimeToLive(u -> u.tableName("Ttl")
            .timeToLiveSpecification(new TimeToLiveSpecification(true, "a".repeat(256)))), ValidationException.class,
            "1 validation error detected: Value '" + "a".repeat(256) + "' at 'timeToLiveSpecification.attributeName' failed to "
                + "satisfy constraint: Member must have length less than or equal to 255"),
        Arguments.of("no specification", (Consumer<LocalEngine>) e -> e.updateTimeToLive(u -> u.tableName("Ttl")),
            ValidationException.class,
            "1 validation error detected: Value null at 'timeToLiveSpecification' failed to satisfy constraint: Member must not be null"),
        Arguments.of("no Enabled", (Consumer<LocalEngine>) e -> e.updateTimeToLive(u -> u.tableName("Ttl")
            .timeToLiveSpecification(new TimeToLiveSpecification(null, "expires"))), ValidationException.class,
            "1 validation error detected: Value null at 'timeToLiveSpecification.enabled' failed to satisfy constraint: "
                + "Member must not be null"));
  }
}
