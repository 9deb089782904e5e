package io.dynamo4j.mapper.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The subtypes of a {@link Discriminator} root that is not sealed (a sealed root's permitted
 * subclasses are found without it). Subtypes that are themselves roots of further subtypes are
 * followed.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Subtypes {
  /** The concrete subtypes. */
  Class<?>[] value();
}
