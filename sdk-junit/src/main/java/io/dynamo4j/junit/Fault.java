package io.dynamo4j.junit;

/**
 * A fault installed by {@link Faults} or {@link InjectFault}: what it does, how often it struck,
 * and a way to take it out. Thread-safe.
 */
public interface Fault {

  /** What the fault does. */
  FaultType type();

  /** How many requests it applied to (struck or let through by {@code after}, {@code times} or the rate). */
  long matched();

  /** How many requests it struck (failed or delayed). */
  long injected();

  /** Takes the fault out: later requests no longer meet it. Idempotent. */
  void remove();
}
