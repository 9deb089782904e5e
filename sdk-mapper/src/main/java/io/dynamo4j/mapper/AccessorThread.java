package io.dynamo4j.mapper;

import java.util.ArrayDeque;

/**
 * The one daemon thread, {@code dynamo4j-mapper-accessors}, on which mappers generate accessor
 * classes while their schemas already work through reflection (see {@link Mapper}). Started on the
 * first task and ended after {@link #IDLE_MILLIS} without one; tasks run one at a time, in order.
 * Thread-safe.
 */
final class AccessorThread extends Thread {

  /** How long the thread waits for a task before it ends (a later task starts a new one). */
  static final long IDLE_MILLIS = 5_000;

  private static final ArrayDeque<Runnable> QUEUE = new ArrayDeque<>();
  /** The running thread, or null; guarded by {@link #QUEUE}. */
  private static AccessorThread running;

  private AccessorThread() {
    super("dynamo4j-mapper-accessors");
    setDaemon(true);
  }

  /** Runs {@code task} on the thread, after the tasks before it. */
  static void submit(Runnable task) {
    synchronized (QUEUE) {
      QUEUE.add(task);
      if (running == null) {
        running = new AccessorThread();
        running.start();
      } else {
        QUEUE.notifyAll();
      }
    }
  }

  @Override
  public void run() {
    while (true) {
      Runnable task;
      synchronized (QUEUE) {
        long deadline = System.nanoTime() + IDLE_MILLIS * 1_000_000;
        while ((task = QUEUE.poll()) == null) {
          long left = deadline - System.nanoTime();
          if (left <= 0) {
            running = null;
            return;
          }
          try {
            QUEUE.wait(Math.max(1, left / 1_000_000));
          } catch (InterruptedException e) {
            // not interrupted by the mapper; keep serving the queue
          }
        }
      }
      try {
        task.run(); // tasks report their own failures and wake their waiters (see Mapper)
      } catch (Throwable t) {
        // a failed task must not stop the ones after it
      }
    }
  }
}
