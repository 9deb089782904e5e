package io.dynamo4j.mapper.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Optimistic locking: a number ({@code long}, {@code int} or their boxes) the mapper increments on
 * every write and checks in a condition. Writing an object whose version is null (or 0 for a
 * primitive) requires that the item does not exist yet; otherwise the stored version must equal
 * the object's. A failed check throws {@code OptimisticLockException}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.RECORD_COMPONENT})
public @interface Version {}
