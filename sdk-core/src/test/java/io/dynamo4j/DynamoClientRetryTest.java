package io.dynamo4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.dynamo4j.api.Operation;
import io.dynamo4j.api.PutItemRequest;
import io.dynamo4j.api.PutItemResponse;
import io.dynamo4j.api.UpdateItemRequest;
import io.dynamo4j.error.ConditionalCheckFailedException;
import io.dynamo4j.error.DynamoException;
import io.dynamo4j.error.InternalServerError;
import io.dynamo4j.error.ProvisionedThroughputExceededException;
import io.dynamo4j.error.ReplicatedWriteConflictException;
import io.dynamo4j.error.RequestLimitExceeded;
import io.dynamo4j.error.ResourceNotFoundException;
import io.dynamo4j.error.ServiceUnavailableException;
import io.dynamo4j.error.ThrottlingException;
import io.dynamo4j.error.TransactionConflictException;
import io.dynamo4j.error.ValidationException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class DynamoClientRetryTest {

  private static final PutItemRequest PUT = PutItemRequest.builder().tableName("client_retry").build();
  private static final PutItemResponse PUT_OK = PutItemResponse.builder().build();
  private static final String THROTTLED =
      "The level of configured provisioned throughput for the table was exceeded. "
          + "Consider increasing your provisioning level with the UpdateTable API.";

  /** Always draws the largest delay allowed, so sleeps equal their ceilings. */
  private static final RandomGenerator HIGHEST = new RandomGenerator() {
    @Override
    public long nextLong() {
      throw new AssertionError("the client draws bounded values only");
    }

    @Override
    public long nextLong(long bound) {
      return bound - 1;
    }
  };

  private final FakeEngine engine = new FakeEngine();
  private final FakeTime time = new FakeTime();

  /** Throws a new exception from {@code error} for the first {@code n} calls, then answers {@code response}. */
  private static final class Flaky<R> {
    final List<DynamoException> thrown = new ArrayList<>();
    private final int n;
    private final Supplier<? extends DynamoException> error;
    private final R response;

    Flaky(int n, Supplier<? extends DynamoException> error, R response) {
      this.n = n;
      this.error = error;
      this.response = response;
    }

    R answer(Object request) {
      if (thrown.size() < n) {
        DynamoException e = error.get();
        thrown.add(e);
        throw e;
      }
      return response;
    }
  }

  private DynamoClient client(RetryPolicy policy, RandomGenerator random) {
    return DynamoClient.builder()
        .engine(engine)
        .config(c -> c.retryPolicy(policy).sleeper(time).random(random).clock(time))
        .build();
  }

  static long ceilingMillis(long baseMillis, long maxMillis, int retry) {
    // min(max, base * 2^(retry-1)), by repeated doubling so the test does not share the code's arithmetic
    long ceiling = baseMillis;
    for (int i = 1; i < retry && ceiling < maxMillis; i++) {
      ceiling *= 2;
    }
    return Math.min(ceiling, maxMillis);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 5, 8})
  void putItem_throttledFewerTimesThanAttempts_retriesWithinFullJitterBounds(int n) {
    Flaky<PutItemResponse> flaky = new Flaky<>(n, () -> new ProvisionedThroughputExceededException(THROTTLED), PUT_OK);
    engine.on(Operation.PUT_ITEM, flaky::answer);

    PutItemResponse response = client(RetryPolicy.defaults(), new Random(42)).putItem(PUT);

    assertThat(response).isSameAs(PUT_OK);
    assertThat(engine.requests(Operation.PUT_ITEM)).hasSize(n + 1).allSatisfy(r -> assertThat(r).isSameAs(PUT));
    assertThat(time.sleeps).hasSize(n);
    for (int i = 0; i < n; i++) {
      Duration ceiling = Duration.ofMillis(ceilingMillis(25, 20_000, i + 1));
      assertThat(time.sleeps.get(i)).as("sleep before retry %d", i + 1).isBetween(Duration.ZERO, ceiling);
    }
  }

  @Test
  void putItem_throttledOnEveryAttempt_throwsTheLastAttemptsOwnException() {
    Flaky<PutItemResponse> flaky = new Flaky<>(100, () -> new ProvisionedThroughputExceededException(THROTTLED), PUT_OK);
    engine.on(Operation.PUT_ITEM, flaky::answer);
    DynamoClient client = client(RetryPolicy.builder().maxAttempts(4).build(), new Random(7));

    Throwable thrown = catchThrowable(() -> client.putItem(PUT));

    assertThat(engine.calls).hasSize(4);
    assertThat(flaky.thrown).hasSize(4);
    assertThat(thrown).isSameAs(flaky.thrown.get(3)).hasMessage(THROTTLED);
    assertThat(thrown.getSuppressed()).containsExactlyElementsOf(flaky.thrown.subList(0, 3));
    assertThat(time.sleeps).hasSize(3);
  }

  @Test
  void putItem_defaultPolicyThrottledForever_makesNineAttempts() {
    Flaky<PutItemResponse> flaky = new Flaky<>(100, () -> new ThrottlingException("Rate exceeded"), PUT_OK);
    engine.on(Operation.PUT_ITEM, flaky::answer);

    assertThatThrownBy(() -> client(RetryPolicy.defaults(), new Random(1)).putItem(PUT))
        .isSameAs(flaky.thrown.get(8));
    assertThat(engine.calls).hasSize(9);
    assertThat(time.sleeps).hasSize(8);
  }

  @Test
  void putItem_highestJitter_sleepsDoubleFromBaseAndStopAtMaxDelay() {
    engine.on(Operation.PUT_ITEM, new Flaky<>(100, () -> new InternalServerError("Internal server error"), PUT_OK)::answer);
    RetryPolicy policy = RetryPolicy.builder()
        .maxAttempts(9)
        .baseDelay(Duration.ofMillis(25))
        .maxDelay(Duration.ofMillis(150))
        .build();

    assertThatThrownBy(() -> client(policy, HIGHEST).putItem(PUT)).isInstanceOf(InternalServerError.class);

    assertThat(time.sleeps).containsExactly(
        Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(150),
        Duration.ofMillis(150), Duration.ofMillis(150), Duration.ofMillis(150), Duration.ofMillis(150));
  }

  @Test
  void putItem_seededJitter_drawsBelowTheCeilingNotAtIt() {
    engine.on(Operation.PUT_ITEM, new Flaky<>(100, () -> new InternalServerError("Internal server error"), PUT_OK)::answer);

    assertThatThrownBy(() -> client(RetryPolicy.defaults(), new Random(3)).putItem(PUT))
        .isInstanceOf(InternalServerError.class);

    // full jitter: not the ceilings (what no jitter would give) and not all equal
    assertThat(time.sleeps).hasSize(8).doesNotHaveDuplicates();
    for (int i = 0; i < 8; i++) {
      assertThat(time.sleeps.get(i)).isLessThan(Duration.ofMillis(ceilingMillis(25, 20_000, i + 1)));
    }
  }

  static Stream<Arguments> retryableErrors() {
    return Stream.<Supplier<DynamoException>>of(
            () -> new ProvisionedThroughputExceededException(THROTTLED),
            () -> new ThrottlingException("Rate exceeded"),
            () -> new RequestLimitExceeded("Throughput exceeds the current throughput limit for your account."),
            () -> new TransactionConflictException("Transaction is ongoing for the item"),
            () -> new InternalServerError("Internal server error"),
            () -> new ServiceUnavailableException("Service unavailable"),
            () -> new ReplicatedWriteConflictException("Replicated write conflict"))
        .map(s -> Arguments.of(s.get().errorCode(), s));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("retryableErrors")
  void putItem_retryableErrorByDefault_retried(String errorCode, Supplier<DynamoException> error) {
    engine.on(Operation.PUT_ITEM, new Flaky<>(2, error, PUT_OK)::answer);

    assertThat(client(RetryPolicy.defaults(), new Random(5)).putItem(PUT)).isSameAs(PUT_OK);

    assertThat(engine.calls).hasSize(3);
  }

  static Stream<Arguments> nonRetryableErrors() {
    return Stream.<Supplier<RuntimeException>>of(
            () -> new ValidationException("One or more parameter values were invalid: Missing the key id in the item"),
            () -> new ConditionalCheckFailedException(),
            () -> new ResourceNotFoundException("Requested resource not found"),
            () -> new UnsupportedOperationException("not a DynamoException"))
        .map(s -> Arguments.of(s.get().getClass().getSimpleName(), s));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("nonRetryableErrors")
  void putItem_nonRetryableError_thrownAfterOneCall(String name, Supplier<RuntimeException> error) {
    RuntimeException e = error.get();
    engine.on(Operation.PUT_ITEM, r -> {
      throw e;
    });

    assertThatThrownBy(() -> client(RetryPolicy.defaults(), new Random(5)).putItem(PUT)).isSameAs(e);

    assertThat(engine.calls).hasSize(1);
    assertThat(time.sleeps).isEmpty();
    assertThat(e.getSuppressed()).isEmpty();
  }

  @Test
  void putItem_retryPolicyNone_callsOnceAndThrowsTheThrottlingError() {
    Flaky<PutItemResponse> flaky = new Flaky<>(1, () -> new ProvisionedThroughputExceededException(THROTTLED), PUT_OK);
    engine.on(Operation.PUT_ITEM, flaky::answer);

    assertThatThrownBy(() -> client(RetryPolicy.none(), new Random(5)).putItem(PUT)).isSameAs(flaky.thrown.get(0));

    assertThat(engine.calls).hasSize(1);
    assertThat(time.sleeps).isEmpty();
  }

  @Test
  void putItem_builderOverload_goesThroughTheRetryPath() {
    engine.on(Operation.PUT_ITEM, new Flaky<>(2, () -> new ThrottlingException("Rate exceeded"), PUT_OK)::answer);

    PutItemResponse response = client(RetryPolicy.defaults(), new Random(5)).putItem(r -> r.tableName("client_retry"));

    assertThat(response).isSameAs(PUT_OK);
    assertThat(engine.<PutItemRequest>requests(Operation.PUT_ITEM)).hasSize(3)
        .allSatisfy(r -> assertThat(r.tableName()).isEqualTo("client_retry"));
  }

  @Test
  void retryOn_customCondition_retriesOnlyTheErrorsItAccepts() {
    RetryPolicy onlyThroughput = RetryPolicy.builder()
        .retryOn(e -> e instanceof ProvisionedThroughputExceededException)
        .build();
    engine.on(Operation.PUT_ITEM, new Flaky<>(2, () -> new ProvisionedThroughputExceededException(THROTTLED), PUT_OK)::answer);
    DynamoClient client = client(onlyThroughput, new Random(5));
    assertThat(client.putItem(PUT)).isSameAs(PUT_OK);
    assertThat(engine.calls).hasSize(3);

    engine.calls.clear();
    engine.on(Operation.PUT_ITEM, new Flaky<>(2, () -> new InternalServerError("Internal server error"), PUT_OK)::answer);
    assertThatThrownBy(() -> client.putItem(PUT)).isInstanceOf(InternalServerError.class);
    assertThat(engine.calls).hasSize(1);
  }

  @Test
  void retryOn_acceptsANonRetryableError_retriesIt() {
    RetryPolicy alsoValidation = RetryPolicy.builder().retryOn(e -> true).maxAttempts(3).build();
    engine.on(Operation.PUT_ITEM, new Flaky<>(2, () -> new ValidationException("flaky"), PUT_OK)::answer);

    assertThat(client(alsoValidation, new Random(5)).putItem(PUT)).isSameAs(PUT_OK);
    assertThat(engine.calls).hasSize(3);
  }

  @Test
  void retryIf_excludesAnOperation_thatOperationIsNotRetried() {
    RetryPolicy noUpdateRetries = RetryPolicy.builder()
        .retryIf((op, e) -> op != Operation.UPDATE_ITEM && e.isRetryable())
        .build();
    engine.on(Operation.UPDATE_ITEM, new Flaky<>(1, () -> new InternalServerError("Internal server error"), null)::answer);
    engine.on(Operation.PUT_ITEM, new Flaky<>(1, () -> new InternalServerError("Internal server error"), PUT_OK)::answer);
    DynamoClient client = client(noUpdateRetries, new Random(5));

    assertThatThrownBy(() -> client.updateItem(UpdateItemRequest.builder().build())).isInstanceOf(InternalServerError.class);
    assertThat(client.putItem(PUT)).isSameAs(PUT_OK);

    assertThat(engine.requests(Operation.UPDATE_ITEM)).hasSize(1);
    assertThat(engine.requests(Operation.PUT_ITEM)).hasSize(2);
  }

  @Test
  void putItem_engineThrowsTheSameInstanceEveryTime_throwsItWithoutSuppressingItself() {
    ThrottlingException shared = new ThrottlingException("Rate exceeded");
    engine.on(Operation.PUT_ITEM, r -> {
      throw shared;
    });

    assertThatThrownBy(() -> client(RetryPolicy.builder().maxAttempts(3).build(), new Random(5)).putItem(PUT))
        .isSameAs(shared);
    assertThat(shared.getSuppressed()).isEmpty();
    assertThat(engine.calls).hasSize(3);
  }

  @Test
  void putItem_interruptedDuringBackoff_throwsThatAttemptsExceptionAndKeepsTheInterruptFlag() {
    Flaky<PutItemResponse> flaky = new Flaky<>(100, () -> new ThrottlingException("Rate exceeded"), PUT_OK);
    engine.on(Operation.PUT_ITEM, flaky::answer);
    InterruptedException interruption = new InterruptedException();
    DynamoClient client = DynamoClient.builder()
        .engine(engine)
        .config(c -> c.sleeper(d -> {
          throw interruption;
        }))
        .build();

    try {
      Throwable thrown = catchThrowable(() -> client.putItem(PUT));

      assertThat(thrown).isSameAs(flaky.thrown.get(0));
      assertThat(thrown.getSuppressed()).containsExactly(interruption);
      assertThat(engine.calls).hasSize(1);
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
    } finally {
      Thread.interrupted();
    }
  }

  @ParameterizedTest
  @EnumSource(Operation.class)
  void everyOperation_throttledOnce_retriedWithTheSameRequestAndReturnsTheEnginesResponse(Operation operation)
      throws ReflectiveOperationException {
    Object request = build(operation.requestType());
    Object response = build(operation.responseType());
    engine.on(operation, new Flaky<>(1, () -> new ProvisionedThroughputExceededException(THROTTLED), response)::answer);

    Object result = operation.invoke(client(RetryPolicy.defaults(), new Random(5)), request);

    assertThat(result).isSameAs(response);
    assertThat(engine.calls).extracting(FakeEngine.Call::operation).containsExactly(operation, operation);
    assertThat(engine.calls).allSatisfy(call -> assertThat(call.request()).isSameAs(request));
  }

  /** An API record with no member set, through its generated builder. */
  private static Object build(Class<?> type) throws ReflectiveOperationException {
    Object builder = type.getMethod("builder").invoke(null);
    return builder.getClass().getMethod("build").invoke(builder);
  }
}
