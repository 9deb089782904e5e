package io.dynamo4j;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;

/**
 * Time for client tests: a {@link Sleeper} that never blocks but records each duration and moves
 * the clock forward by it, and the {@link InstantSource} that reads that clock. Not thread-safe.
 */
final class FakeTime implements Sleeper, InstantSource {

  final List<Duration> sleeps = new ArrayList<>();
  private Instant now = Instant.parse("2026-01-01T00:00:00Z");

  @Override
  public void sleep(Duration duration) {
    sleeps.add(duration);
    now = now.plus(duration);
  }

  @Override
  public Instant instant() {
    return now;
  }

  /** Moves the clock without sleeping, as a slow engine call would. */
  void advance(Duration duration) {
    now = now.plus(duration);
  }
}
