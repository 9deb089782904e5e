package io.dynamo4j.engine.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TokenBucketTest {

  private static final long SECOND = 1_000_000_000L;

  @Test
  void newBucket_isFull_refillsAtItsRate_upToItsCapacity() {
    TokenBucket bucket = new TokenBucket(5, 1500, 0);
    assertThat(bucket.tokens(0)).isEqualTo(1500);
    bucket.consume(1500, 0);
    assertThat(bucket.available(0)).isFalse();
    assertThat(bucket.tokens(SECOND)).isEqualTo(5);
    assertThat(bucket.tokens(SECOND + SECOND / 5)).isEqualTo(6);
    assertThat(bucket.tokens(10_000 * SECOND)).isEqualTo(1500);
  }

  @ParameterizedTest(name = "{0} tokens: available {1}")
  @CsvSource({"1, true", "0.001, true", "0, false", "-3, false"})
  void available_whileAnyCapacityIsLeft(double tokens, boolean available) {
    TokenBucket bucket = new TokenBucket(1, 10, 0);
    bucket.consume(10 - tokens, 0);
    assertThat(bucket.available(0)).isEqualTo(available);
  }

  @Test
  void consume_mayGoBelowZero_andTheRefillPaysItBack() {
    TokenBucket bucket = new TokenBucket(2, 10, 0);
    bucket.consume(9, 0);
    assertThat(bucket.available(0)).isTrue();
    bucket.consume(5, 0); // a large item: admitted with 1 token left, takes 5
    assertThat(bucket.tokens(0)).isEqualTo(-4);
    assertThat(bucket.available(2 * SECOND)).isFalse();
    assertThat(bucket.available(2 * SECOND + 1)).isTrue();
  }

  @Test
  void configure_keepsTokensUpToTheNewCapacity_andChangesTheRate() {
    TokenBucket bucket = new TokenBucket(10, 3000, 0);
    bucket.configure(1, 300, 0);
    assertThat(bucket.tokens(0)).isEqualTo(300);
    bucket.consume(300, 0);
    bucket.configure(50, 15_000, 0);
    assertThat(bucket.tokens(SECOND)).isEqualTo(50);
  }

  @Test
  void clockSetBackwards_refillsNothingUntilItPassesTheLastRefill() {
    TokenBucket bucket = new TokenBucket(1, 10, 100 * SECOND);
    bucket.consume(10, 100 * SECOND);
    assertThat(bucket.tokens(50 * SECOND)).isZero();
    assertThat(bucket.tokens(101 * SECOND)).isEqualTo(1);
  }
}
