package io.dynamo4j.junit;

import io.dynamo4j.api.Operation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * One installed fault: which requests it matches (table, operations), when it strikes (after n,
 * at most m times, or over a rate measured on the engine's clock), and what it does. The decision
 * for one request is taken under the rule's lock, so counts are exact under concurrency.
 */
final class FaultRule implements Fault {

  private final Faults owner;
  private final FaultType type;
  private final String table;
  private final Set<Operation> operations;
  private final long after;
  private final long times;
  private final double perSecond;
  private final Duration latency;
  private final Clock clock;

  private long matched;
  private long injected;
  private double tokens;
  private Instant refilled;

  FaultRule(Faults owner, FaultType type, String table, Set<Operation> operations, long after, long times,
      double perSecond, Duration latency, Clock clock) {
    this.owner = owner;
    this.type = type;
    this.table = table;
    this.operations = operations;
    this.after = after;
    this.times = times;
    this.perSecond = perSecond;
    this.latency = latency;
    this.clock = clock;
    this.tokens = Math.max(1, perSecond);
  }

  @Override
  public FaultType type() {
    return type;
  }

  /** The table aimed at, or null for every request. */
  String table() {
    return table;
  }

  Duration latency() {
    return latency;
  }

  /** Whether a request of {@code op} naming {@code tables} is one this fault applies to. */
  boolean matches(Operation op, List<String> tables) {
    return (operations.isEmpty() || operations.contains(op)) && (table == null || tables.contains(table));
  }

  /** Counts a matching request; true if the fault strikes it. */
  synchronized boolean strikes() {
    long n = matched++;
    if (n < after || (times >= 0 && injected >= times)) {
      return false;
    }
    if (perSecond > 0 && withinRate()) {
      return false;
    }
    injected++;
    return true;
  }

  /** A token bucket of one second's worth of requests, refilled at {@code perSecond} on the clock. */
  private boolean withinRate() {
    Instant now = clock.instant();
    if (refilled == null) {
      refilled = now;
    } else if (now.isAfter(refilled)) {
      double seconds = Duration.between(refilled, now).toNanos() / 1e9;
      tokens = Math.min(Math.max(1, perSecond), tokens + seconds * perSecond);
      refilled = now;
    }
    if (tokens >= 1) {
      tokens -= 1;
      return true;
    }
    return false;
  }

  @Override
  public synchronized long matched() {
    return matched;
  }

  @Override
  public synchronized long injected() {
    return injected;
  }

  @Override
  public void remove() {
    owner.remove(this);
  }

  @Override
  public String toString() {
    return "Fault{" + type + (table == null ? "" : " on " + table) + (operations.isEmpty() ? "" : " " + operations)
        + (after > 0 ? ", after " + after : "") + (times >= 0 ? ", " + times + " times" : "")
        + (perSecond > 0 ? ", over " + perSecond + "/s" : "") + (latency.isZero() ? "" : ", " + latency.toMillis() + " ms")
        + "}";
  }
}
