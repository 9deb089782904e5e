package io.dynamo4j.mapper.annotation;

import io.dynamo4j.mapper.convert.AttributeConverter;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Converts a property with the given converter instead of the one the provider chain finds. The
 * converter class needs a no-argument constructor (any access) and must be thread-safe.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.RECORD_COMPONENT})
public @interface Convert {
  /** The converter's class. */
  @SuppressWarnings("rawtypes")
  Class<? extends AttributeConverter> value();
}
