package io.dynamo4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dynamo4j.api.Operation;
import io.dynamo4j.error.ConditionalCheckFailedException;
import io.dynamo4j.error.ProvisionedThroughputExceededException;
import io.dynamo4j.error.ThrottlingException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RetryPolicyTest {

  @Test
  void defaults_matchTheAwsSdkDynamoDbDefaults() {
    RetryPolicy policy = RetryPolicy.defaults();

    assertThat(policy.maxAttempts()).isEqualTo(9);
    assertThat(policy.baseDelay()).isEqualTo(Duration.ofMillis(25));
    assertThat(policy.maxDelay()).isEqualTo(Duration.ofSeconds(20));
    assertThat(policy.shouldRetry(Operation.PUT_ITEM, new ProvisionedThroughputExceededException("x"))).isTrue();
    assertThat(policy.shouldRetry(Operation.PUT_ITEM, new ConditionalCheckFailedException())).isFalse();
  }

  @Test
  void none_makesOneAttempt() {
    assertThat(RetryPolicy.none().maxAttempts()).isEqualTo(1);
  }

  @ParameterizedTest
  @CsvSource({
    "25, 20000, 1, 25",
    "25, 20000, 2, 50",
    "25, 20000, 8, 3200",
    "25, 20000, 11, 20000",
    "25, 20000, 1000, 20000",
    "0, 100, 5, 0",
    "100, 100, 1, 100",
    "3600000, 3600000, 64, 3600000",
  })
  void delayCeilingNanos_retry_doublesFromBaseUpToMaxWithoutOverflow(long base, long max, int retry, long ceiling) {
    RetryPolicy policy = RetryPolicy.builder()
        .baseDelay(Duration.ofMillis(base))
        .maxDelay(Duration.ofMillis(max))
        .build();

    assertThat(policy.delayCeilingNanos(retry)).isEqualTo(Duration.ofMillis(ceiling).toNanos());
  }

  @Test
  void toBuilder_changeOneMember_keepsTheOthers() {
    RetryPolicy policy = RetryPolicy.builder().maxAttempts(3).retryOn(e -> e instanceof ThrottlingException).build();

    RetryPolicy changed = policy.toBuilder().maxDelay(Duration.ofSeconds(1)).build();

    assertThat(changed.maxAttempts()).isEqualTo(3);
    assertThat(changed.maxDelay()).isEqualTo(Duration.ofSeconds(1));
    assertThat(changed.shouldRetry(Operation.SCAN, new ThrottlingException("Rate exceeded"))).isTrue();
    assertThat(changed.shouldRetry(Operation.SCAN, new ProvisionedThroughputExceededException("x"))).isFalse();
  }

  @Test
  void maxAttempts_zero_rejectedWithAHint() {
    assertThatThrownBy(() -> RetryPolicy.builder().maxAttempts(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("RetryPolicy maxAttempts must be at least 1 (1 means no retries), but was 0");
  }

  @Test
  void baseDelay_negative_rejected() {
    assertThatThrownBy(() -> RetryPolicy.builder().baseDelay(Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("RetryPolicy baseDelay must be between zero and PT1H, but was PT-0.001S");
  }

  @Test
  void maxDelay_overAnHour_rejected() {
    assertThatThrownBy(() -> RetryPolicy.builder().maxDelay(Duration.ofHours(2)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("RetryPolicy maxDelay must be between zero and PT1H, but was PT2H");
  }

  @Test
  void build_baseLongerThanMax_rejectedWithAHint() {
    assertThatThrownBy(() -> RetryPolicy.builder().baseDelay(Duration.ofSeconds(2)).maxDelay(Duration.ofSeconds(1)).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("RetryPolicy baseDelay (PT2S) must not be longer than maxDelay (PT1S); raise maxDelay or lower baseDelay");
  }

  @Test
  void retryOn_null_rejected() {
    assertThatThrownBy(() -> RetryPolicy.builder().retryOn(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("RetryPolicy retryOn condition must not be null");
  }
}
