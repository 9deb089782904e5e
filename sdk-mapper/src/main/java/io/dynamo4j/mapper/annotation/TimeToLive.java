package io.dynamo4j.mapper.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The table's time-to-live attribute: an {@code Instant} or a {@code long}/{@code Long} of epoch
 * seconds, stored as a number of epoch seconds as DynamoDB requires. {@code createTable} enables
 * TTL on it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.RECORD_COMPONENT})
public @interface TimeToLive {}
