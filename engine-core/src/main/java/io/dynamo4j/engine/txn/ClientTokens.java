package io.dynamo4j.engine.txn;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * DynamoDB's ClientRequestToken idempotency (API Reference, TransactWriteItems): a token is valid
 * for ten minutes after the first request that uses it completes. Within that window the same
 * token with the same request returns the first result without doing anything again; the same
 * token with another request is an IdempotentParameterMismatch; the same token while its first
 * request is still running is a TransactionInProgress. A request that failed leaves no token
 * behind: sending it again runs it again.
 *
 * <p>Tokens live in a bounded cache ({@value #MAXIMUM_TOKENS} entries, least recently used leave
 * first), measured on the engine's clock. As DynamoDB warns, a token used long after the window (or
 * pushed out of the cache) names a new request.
 *
 * <p>Thread-safe.
 *
 * @param <Q> what identifies a request (compared with {@code equals})
 * @param <R> the result kept for replays
 */
public final class ClientTokens<Q, R> {

  /** How many tokens are kept at most. */
  public static final int MAXIMUM_TOKENS = 100_000;
  /** DynamoDB's idempotency window. */
  public static final Duration WINDOW = Duration.ofMinutes(10);

  /** What a request holding a token should do. */
  public sealed interface Claim<R> {}

  /** Run the request, then {@link #complete} or {@link #abandon} the token. */
  public record Run<R>() implements Claim<R> {}

  /** Return the first result again, doing nothing. */
  public record Replay<R>(R result) implements Claim<R> {}

  /** The token names another request: IdempotentParameterMismatchException. */
  public record Mismatch<R>() implements Claim<R> {}

  /** The token's first request is still running: TransactionInProgressException. */
  public record InProgress<R>() implements Claim<R> {}

  private static final class Entry<Q, R> {
    final Q request;
    volatile R result;
    volatile Instant expires; // null while running

    Entry(Q request) {
      this.request = request;
    }
  }

  private final Clock clock;
  private final Cache<String, Entry<Q, R>> tokens = Caffeine.newBuilder().maximumSize(MAXIMUM_TOKENS).build();

  /** Tokens measured on {@code clock}. */
  public ClientTokens(Clock clock) {
    this.clock = clock;
  }

  /** Claims {@code token} for {@code request}: what the request should do. */
  public Claim<R> claim(String token, Q request) {
    Instant now = clock.instant();
    Entry<Q, R> fresh = new Entry<>(request);
    Claim<R>[] claim = new Claim[1];
    tokens.asMap().compute(token, (k, e) -> {
      if (e == null || (e.expires != null && !now.isBefore(e.expires))) {
        claim[0] = new Run<>();
        return fresh;
      }
      if (!e.request.equals(request)) {
        claim[0] = new Mismatch<>();
      } else if (e.expires == null) {
        claim[0] = new InProgress<>();
      } else {
        claim[0] = new Replay<>(e.result);
      }
      return e;
    });
    return claim[0];
  }

  /** Records the result of the request that claimed {@code token}; the window starts now. */
  public void complete(String token, R result) {
    Entry<Q, R> e = tokens.getIfPresent(token);
    if (e != null) {
      e.result = result;
      e.expires = clock.instant().plus(WINDOW);
    }
  }

  /** Forgets {@code token}: its request failed, so the token may run a request again. */
  public void abandon(String token) {
    tokens.asMap().computeIfPresent(token, (k, e) -> e.expires == null ? null : e);
  }
}
