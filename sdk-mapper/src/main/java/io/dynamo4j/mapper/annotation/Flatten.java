package io.dynamo4j.mapper.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Stores the properties of a nested object as top-level attributes of the item, each name
 * preceded by {@link #prefix}, instead of as one map attribute. Reading an item with none of those
 * attributes leaves the property null.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.RECORD_COMPONENT})
public @interface Flatten {
  /** Put before each flattened attribute name; none by default. */
  String prefix() default "";
}
