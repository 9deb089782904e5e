package io.dynamo4j.mapper.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A timestamp ({@code Instant}, or any type with a converter from {@code Instant}'s forms) set to
 * the mapper's clock when the item is created: on a put of an object whose value is null, and on
 * an update through {@code if_not_exists}, so an existing creation time is kept.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.RECORD_COMPONENT})
public @interface CreatedAt {}
