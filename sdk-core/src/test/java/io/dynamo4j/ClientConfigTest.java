package io.dynamo4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ClientConfigTest {

  @Test
  void defaults_retryLikeTheSdkAndPollEveryQuarterSecondForTenMinutes() {
    ClientConfig config = ClientConfig.defaults();

    assertThat(config.retryPolicy()).isSameAs(RetryPolicy.defaults());
    assertThat(config.waitPollInterval()).isEqualTo(Duration.ofMillis(250));
    assertThat(config.waitTimeout()).isEqualTo(Duration.ofMinutes(10));
  }

  @Test
  void defaultRandom_drawsWithinTheBound() {
    for (int i = 0; i < 1000; i++) {
      assertThat(ClientConfig.defaults().random().nextLong(25)).isBetween(0L, 24L);
    }
  }

  @Test
  void defaultClock_movesForward() {
    Instant before = ClientConfig.defaults().clock().instant();

    assertThat(ClientConfig.defaults().clock().instant()).isAfterOrEqualTo(before);
  }

  @Test
  void retryPolicyConsumer_startsFromTheDefaultPolicy() {
    ClientConfig config = ClientConfig.builder().retryPolicy(p -> p.maxAttempts(2)).build();

    assertThat(config.retryPolicy().maxAttempts()).isEqualTo(2);
    assertThat(config.retryPolicy().baseDelay()).isEqualTo(Duration.ofMillis(25));
  }

  @Test
  void toBuilder_changeOneMember_keepsTheOthers() {
    FakeTime time = new FakeTime();
    ClientConfig config = ClientConfig.builder().sleeper(time).clock(time).retryPolicy(RetryPolicy.none()).build();

    ClientConfig changed = config.toBuilder().waitTimeout(Duration.ofSeconds(1)).build();

    assertThat(changed.sleeper()).isSameAs(time);
    assertThat(changed.clock()).isSameAs(time);
    assertThat(changed.retryPolicy()).isSameAs(RetryPolicy.none());
    assertThat(changed.waitTimeout()).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void waitPollInterval_zero_rejected() {
    assertThatThrownBy(() -> ClientConfig.builder().waitPollInterval(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("ClientConfig waitPollInterval must be positive, but was PT0S");
  }

  @Test
  void waitTimeout_negative_rejected() {
    assertThatThrownBy(() -> ClientConfig.builder().waitTimeout(Duration.ofSeconds(-5)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("ClientConfig waitTimeout must be zero or more, but was PT-5S");
  }

  @Test
  void sleeper_null_rejected() {
    assertThatThrownBy(() -> ClientConfig.builder().sleeper(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("ClientConfig sleeper must not be null");
  }
}
