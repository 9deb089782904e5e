package io.dynamo4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dynamo4j.api.Operation;
import io.dynamo4j.error.RequestLimitExceeded;
import java.time.Duration;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** The full-jitter bounds of {@link DynamoClient}'s retries, for any policy and any random seed. */
class DynamoClientBackoffProperties {

  @Property(tries = 200)
  void putItem_anyPolicyAndSeed_everySleepWithinFullJitterBounds(
      @ForAll @IntRange(min = 1, max = 70) int maxAttempts,
      @ForAll @LongRange(min = 0, max = 2_000) long baseMillis,
      @ForAll @LongRange(min = 0, max = 30_000) long extraMillis,
      @ForAll long seed) {
    FakeEngine engine = new FakeEngine();
    FakeTime time = new FakeTime();
    engine.on(Operation.PUT_ITEM, request -> {
      throw new RequestLimitExceeded("Throughput exceeds the current throughput limit for your account.");
    });
    long maxMillis = baseMillis + extraMillis;
    RetryPolicy policy = RetryPolicy.builder()
        .maxAttempts(maxAttempts)
        .baseDelay(Duration.ofMillis(baseMillis))
        .maxDelay(Duration.ofMillis(maxMillis))
        .build();
    DynamoClient client = DynamoClient.builder()
        .engine(engine)
        .config(c -> c.retryPolicy(policy).sleeper(time).random(new Random(seed)))
        .build();

    assertThatThrownBy(() -> client.putItem(r -> r.tableName("client_backoff"))).isInstanceOf(RequestLimitExceeded.class);

    assertThat(engine.calls).hasSize(maxAttempts);
    assertThat(time.sleeps).hasSize(maxAttempts - 1);
    for (int i = 0; i < time.sleeps.size(); i++) {
      Duration ceiling = Duration.ofMillis(DynamoClientRetryTest.ceilingMillis(baseMillis, maxMillis, i + 1));
      assertThat(time.sleeps.get(i)).isBetween(Duration.ZERO, ceiling).isLessThanOrEqualTo(policy.maxDelay());
    }
  }
}
