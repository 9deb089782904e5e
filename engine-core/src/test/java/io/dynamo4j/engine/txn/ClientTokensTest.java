package io.dynamo4j.engine.txn;

import static org.assertj.core.api.Assertions.assertThat;

import io.dynamo4j.engine.TestClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ClientTokensTest {

  private final TestClock clock = new TestClock();
  private final ClientTokens<String, String> tokens = new ClientTokens<>(clock);

  @Test
  void claim_newToken_runs_thenReplaysTheResult_forTenMinutesAfterCompletion() {
    assertThat(tokens.claim("t", "request")).isInstanceOf(ClientTokens.Run.class);
    assertThat(tokens.claim("t", "request")).as("still running").isInstanceOf(ClientTokens.InProgress.class);
    clock.advance(Duration.ofMinutes(3));
    tokens.complete("t", "result");
    clock.advance(Duration.ofMinutes(10).minusNanos(1));
    assertThat(tokens.claim("t", "request")).isEqualTo(new ClientTokens.Replay<>("result"));
    assertThat(tokens.claim("t", "other")).isInstanceOf(ClientTokens.Mismatch.class);
    clock.advance(Duration.ofNanos(1));
    assertThat(tokens.claim("t", "other")).as("the window is over: a new request").isInstanceOf(ClientTokens.Run.class);
  }

  @Test
  void abandon_failedRequest_freesTheToken() {
    tokens.claim("t", "request");
    tokens.abandon("t");
    assertThat(tokens.claim("t", "another")).isInstanceOf(ClientTokens.Run.class);
  }

  @Test
  void abandon_ofACompletedToken_keepsIt() {
    tokens.claim("t", "request");
    tokens.complete("t", "result");
    tokens.abandon("t");
    assertThat(tokens.claim("t", "request")).isEqualTo(new ClientTokens.Replay<>("result"));
  }
}
