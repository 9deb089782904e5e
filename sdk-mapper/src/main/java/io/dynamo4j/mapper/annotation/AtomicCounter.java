package io.dynamo4j.mapper.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A number the service increments by {@link #delta} on every update
 * ({@code SET c = if_not_exists(c, start - delta) + delta}), whatever the object holds, so
 * concurrent updates never lose a count. A put writes {@link #start} when the object's value is
 * null and the object's value otherwise.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.RECORD_COMPONENT})
public @interface AtomicCounter {
  /** The value of the first update's result, and of a put's when the object holds null. */
  long start() default 0;

  /** The increment of each update. */
  long delta() default 1;
}
