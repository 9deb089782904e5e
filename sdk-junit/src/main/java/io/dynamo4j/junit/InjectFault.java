package io.dynamo4j.junit;

import io.dynamo4j.api.Operation;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A fault injected into every test of the annotated class, or into the annotated test: the
 * declarative form of {@link Faults}.
 *
 * <pre>{@code
 * @InjectFault(type = FaultType.THROTTLE, table = "Orders", after = 10)       // the 11th request on, throttled
 * @InjectFault(type = FaultType.TRANSACTION_CONFLICT, operations = Operation.TRANSACT_WRITE_ITEMS, times = 1)
 * @InjectFault(type = FaultType.THROTTLE, table = "Orders", perSecond = 5)    // over 5 a second (test clock)
 * @InjectFault(type = FaultType.LATENCY, latencyMillis = 20)
 * }</pre>
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Repeatable(InjectFault.List.class)
public @interface InjectFault {

  /** What the fault does. */
  FaultType type();

  /** The table whose requests it applies to; empty (the default) for every request. */
  String table() default "";

  /** The operations it applies to; empty (the default) for all. */
  Operation[] operations() default {};

  /** How many matching requests pass before the fault starts (default 0). */
  int after() default 0;

  /** How many times the fault is injected at most; negative (the default) for no limit. */
  int times() default -1;

  /**
   * For {@link FaultType#THROTTLE}: if positive, only requests over this many per second of the
   * test clock are throttled, rather than every matching one.
   */
  double perSecond() default 0;

  /** For {@link FaultType#LATENCY}: the delay, in milliseconds. */
  long latencyMillis() default 0;

  /** Several faults on one element. */
  @Target({ElementType.TYPE, ElementType.METHOD})
  @Retention(RetentionPolicy.RUNTIME)
  @Documented
  @Inherited
  @interface List {
    /** The faults. */
    InjectFault[] value();
  }
}
