package io.dynamo4j.engine.schedule;

import io.dynamo4j.engine.TestClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The engine's clock-driven background work (TTL sweeps, stream trimming and shard roll-over,
 * journal retention, backup expiry): named tasks that run every interval of the engine's clock,
 * and on demand.
 *
 * <p>How work follows the clock:
 *
 * <ul>
 *   <li>on a {@link TestClock}, due tasks run on the thread that moves the clock, before
 *       {@code set} or {@code advance} returns, so a test sees the effects of the time it let pass;
 *   <li>on any other clock, a daemon thread (started with the first task) wakes up when the next
 *       task is due, and at least once a second;
 *   <li>{@link #runDue()} runs what is due now; {@link #runNow(String)} runs one task regardless.
 * </ul>
 *
 * <p>A task that is late runs once, not once per missed interval; its next run is an interval
 * after the run. Tasks run one at a time. A task that throws does not stop the others; the first
 * exception of a {@link #runDue()} is rethrown to its caller once every due task ran (the daemon
 * thread keeps it in {@link #lastFailure()}).
 *
 * <p>Thread-safe.
 */
public final class Scheduler implements AutoCloseable {

  private static final Duration MAX_SLEEP = Duration.ofSeconds(1);

  private static final class Task {
    final String name;
    final Duration interval;
    final Runnable body;
    volatile Instant next;

    Task(String name, Duration interval, Runnable body, Instant next) {
      this.name = name;
      this.interval = interval;
      this.body = body;
      this.next = next;
    }
  }

  private final Clock clock;
  private final CopyOnWriteArrayList<Task> tasks = new CopyOnWriteArrayList<>();
  private final ReentrantLock runLock = new ReentrantLock();
  private final ReentrantLock wakeLock = new ReentrantLock();
  private final Condition wake = wakeLock.newCondition();
  private final TestClock.Listener listener = now -> runDue();
  private Thread thread; // guarded by this
  private boolean listening; // guarded by this
  private volatile boolean closed;
  private volatile RuntimeException lastFailure;

  /** A scheduler on {@code clock}; nothing runs until a task is added. */
  public Scheduler(Clock clock) {
    this.clock = clock;
  }

  /**
   * Runs {@code task} every {@code interval}, the first time one interval from now. A second call
   * with a name already scheduled changes nothing.
   */
  public void every(String name, Duration interval, Runnable task) {
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("Scheduler.every: the interval of '" + name + "' must be positive: " + interval);
    }
    synchronized (this) {
      if (closed) {
        return;
      }
      for (Task t : tasks) {
        if (t.name.equals(name)) {
          return;
        }
      }
      tasks.add(new Task(name, interval, task, clock.instant().plus(interval)));
      start();
    }
    signal();
  }

  private void start() {
    if (clock instanceof TestClock test) {
      if (!listening) {
        test.addListener(listener);
        listening = true;
      }
    } else if (thread == null) {
      thread = new Thread(this::loop, "dynamo4j-scheduler");
      thread.setDaemon(true);
      thread.start();
    }
  }

  /**
   * Runs every task that is due on the clock now. Returns how many ran. A call from inside a
   * running task does nothing and returns 0.
   */
  public int runDue() {
    if (runLock.isHeldByCurrentThread() || closed) {
      return 0;
    }
    runLock.lock();
    int ran = 0;
    RuntimeException first = null;
    try {
      for (Task t : tasks) {
        Instant now = clock.instant();
        if (!now.isBefore(t.next)) {
          t.next = now.plus(t.interval);
          ran++;
          RuntimeException e = run(t);
          if (first == null) {
            first = e;
          }
        }
      }
    } finally {
      runLock.unlock();
    }
    if (first != null) {
      throw first;
    }
    return ran;
  }

  /** Runs the task named {@code name} now, whether due or not. Returns false if there is none. */
  public boolean runNow(String name) {
    for (Task t : tasks) {
      if (t.name.equals(name)) {
        runLock.lock();
        RuntimeException e;
        try {
          e = run(t);
        } finally {
          runLock.unlock();
        }
        if (e != null) {
          throw e;
        }
        return true;
      }
    }
    return false;
  }

  /** Whether a task named {@code name} is scheduled. */
  public boolean has(String name) {
    for (Task t : tasks) {
      if (t.name.equals(name)) {
        return true;
      }
    }
    return false;
  }

  /** The last exception a task threw on the daemon thread, or null. */
  public RuntimeException lastFailure() {
    return lastFailure;
  }

  private RuntimeException run(Task t) {
    try {
      t.body.run();
      return null;
    } catch (RuntimeException e) {
      lastFailure = e;
      return e;
    }
  }

  private void loop() {
    while (!closed) {
      try {
        runDue();
      } catch (RuntimeException e) {
        // kept in lastFailure; the other tasks ran, the thread goes on
      }
      Instant now = clock.instant();
      Duration sleep = MAX_SLEEP;
      for (Task t : tasks) {
        Duration until = Duration.between(now, t.next);
        if (until.compareTo(sleep) < 0) {
          sleep = until;
        }
      }
      if (sleep.isNegative() || sleep.isZero()) {
        continue;
      }
      wakeLock.lock();
      try {
        if (!closed) {
          wake.awaitNanos(Math.max(1_000_000L, sleep.toNanos()));
        }
      } catch (InterruptedException e) {
        return;
      } finally {
        wakeLock.unlock();
      }
    }
  }

  private void signal() {
    wakeLock.lock();
    try {
      wake.signalAll();
    } finally {
      wakeLock.unlock();
    }
  }

  /** Stops: no task runs afterwards; waits for a running one to finish. Idempotent. */
  @Override
  public void close() {
    Thread t;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      if (listening) {
        ((TestClock) clock).removeListener(listener);
      }
      t = thread;
    }
    signal();
    if (t != null && t != Thread.currentThread()) {
      try {
        t.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
