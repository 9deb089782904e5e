package io.dynamo4j.junit;

import io.dynamo4j.api.Operation;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Faults injected into the requests of one test, to test how an application copes with what
 * DynamoDB does under load or failure, deterministically. Ask for it as a test parameter or field;
 * every client the extension gives the test (and the {@link io.dynamo4j.spi.Engine} it injects)
 * goes through it. Faults declared with {@link InjectFault} are installed here before the test;
 * all are removed after it.
 *
 * <pre>{@code
 * faults.on("Orders").operations(Operation.PUT_ITEM).times(2).throttle();  // the next two puts throttled
 * faults.on("Orders").after(100).throttle();                                // from the 101st request on
 * faults.on("Orders").throttleAbove(10);                                    // over 10 a second (test clock)
 * faults.onAnyTable().operations(Operation.TRANSACT_WRITE_ITEMS).times(1).transactionConflict();
 * faults.on("Orders").internalServerError();
 * faults.onAnyTable().latency(Duration.ofMillis(20));
 * }</pre>
 *
 * <p>A request meets the faults in the order they were installed; the first that fails it wins
 * (latency faults delay it and let it go on). An injected error has no effect on the data, as a
 * throttled or cancelled request in DynamoDB has none.
 *
 * <p>Thread-safe: faults may be installed and removed while other threads send requests.
 */
public final class Faults {

  private final Clock clock;
  private final CopyOnWriteArrayList<FaultRule> rules = new CopyOnWriteArrayList<>();

  Faults(Clock clock) {
    this.clock = clock;
  }

  /** Starts a fault on the requests that name table {@code table}. */
  public Rule on(String table) {
    Objects.requireNonNull(table, "table");
    if (table.isEmpty()) {
      throw new IllegalArgumentException("Faults.on(\"\"): name a table, or use onAnyTable() for every request");
    }
    return new Rule(table);
  }

  /** Starts a fault on every request, whatever its table. */
  public Rule onAnyTable() {
    return new Rule(null);
  }

  /** The faults installed, in order. */
  public List<Fault> installed() {
    return List.copyOf(rules);
  }

  /** Removes every fault. */
  public void clear() {
    rules.clear();
  }

  void remove(FaultRule rule) {
    rules.remove(rule);
  }

  List<FaultRule> rules() {
    return rules;
  }

  /** Installs what an {@link InjectFault} declares. */
  Fault install(InjectFault a) {
    Rule r = a.table().isEmpty() ? onAnyTable() : on(a.table());
    r.operations(a.operations()).after(a.after());
    if (a.times() >= 0) {
      r.times(a.times());
    }
    return switch (a.type()) {
      case THROTTLE -> a.perSecond() > 0 ? r.throttleAbove(a.perSecond()) : r.throttle();
      case TRANSACTION_CONFLICT -> r.transactionConflict();
      case INTERNAL_SERVER_ERROR -> r.internalServerError();
      case LATENCY -> r.latency(Duration.ofMillis(a.latencyMillis()));
    };
  }

  /**
   * A fault being described: narrow it with {@link #operations}, {@link #after} and
   * {@link #times}, then install it with one of the terminal methods. Not thread-safe.
   */
  public final class Rule {
    private final String table;
    private final Set<Operation> operations = EnumSet.noneOf(Operation.class);
    private long after;
    private long times = -1;

    private Rule(String table) {
      this.table = table;
    }

    /** Applies the fault only to these operations (default: all). */
    public Rule operations(Operation... operations) {
      for (Operation op : operations) {
        this.operations.add(Objects.requireNonNull(op, "operation"));
      }
      return this;
    }

    /** Lets the first {@code requests} matching requests through untouched (default 0). */
    public Rule after(long requests) {
      if (requests < 0) {
        throw new IllegalArgumentException("Faults.after must not be negative: " + requests);
      }
      this.after = requests;
      return this;
    }

    /** Strikes at most {@code count} requests, then lets every request through (default: no limit). */
    public Rule times(long count) {
      if (count < 0) {
        throw new IllegalArgumentException("Faults.times must not be negative: " + count);
      }
      this.times = count;
      return this;
    }

    /** Throttles the matching requests (see {@link FaultType#THROTTLE}). */
    public Fault throttle() {
      return install(FaultType.THROTTLE, 0, Duration.ZERO);
    }

    /**
     * Throttles the matching requests beyond {@code requestsPerSecond}, measured on the engine's
     * clock (a token bucket holding one second's worth): on a test clock that stands still, the
     * requests over the budget are throttled until the test moves the clock.
     */
    public Fault throttleAbove(double requestsPerSecond) {
      if (!(requestsPerSecond > 0) || Double.isInfinite(requestsPerSecond)) {
        throw new IllegalArgumentException("Faults.throttleAbove needs a positive finite rate: " + requestsPerSecond);
      }
      return install(FaultType.THROTTLE, requestsPerSecond, Duration.ZERO);
    }

    /** Fails the matching requests as meeting a transaction in progress (see {@link FaultType#TRANSACTION_CONFLICT}). */
    public Fault transactionConflict() {
      return install(FaultType.TRANSACTION_CONFLICT, 0, Duration.ZERO);
    }

    /** Fails the matching requests with InternalServerError. */
    public Fault internalServerError() {
      return install(FaultType.INTERNAL_SERVER_ERROR, 0, Duration.ZERO);
    }

    /** Delays the matching requests by {@code delay} (real time), then lets them go on. */
    public Fault latency(Duration delay) {
      Objects.requireNonNull(delay, "delay");
      if (delay.isNegative()) {
        throw new IllegalArgumentException("Faults.latency must not be negative: " + delay);
      }
      return install(FaultType.LATENCY, 0, delay);
    }

    private Fault install(FaultType type, double perSecond, Duration latency) {
      FaultRule rule = new FaultRule(Faults.this, type, table, Set.copyOf(operations), after, times, perSecond, latency,
          clock);
      rules.add(rule);
      return rule;
    }
  }
}
