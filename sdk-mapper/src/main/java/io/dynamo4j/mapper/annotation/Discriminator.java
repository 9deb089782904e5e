package io.dynamo4j.mapper.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the root of a polymorphic hierarchy (an interface, abstract class or class) and names the
 * attribute that tells its subtypes apart. The subtypes are the permitted subclasses of a sealed
 * root, or those listed in {@link Subtypes}; each is stored with its {@link DiscriminatorValue}
 * (its simple name by default). Several entity types in one table (single-table design) are
 * subtypes of one root.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Discriminator {
  /** The discriminator attribute's name. */
  String value() default "type";
}
