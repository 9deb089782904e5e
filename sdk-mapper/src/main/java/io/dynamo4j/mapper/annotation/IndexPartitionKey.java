package io.dynamo4j.mapper.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A partition key attribute of a global secondary index. A multi-attribute key (up to four
 * attributes) is several properties with the same {@link #index} and their {@link #order}: 0, 1,
 * 2, 3. Repeat the annotation for a property that keys several indexes.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.RECORD_COMPONENT})
@Repeatable(IndexPartitionKey.List.class)
public @interface IndexPartitionKey {
  /** The index's name. */
  String index();

  /** The attribute's position in a multi-attribute key, from 0. */
  int order() default 0;

  /** Holds repeated {@link IndexPartitionKey} annotations. */
  @Documented
  @Retention(RetentionPolicy.RUNTIME)
  @Target({ElementType.FIELD, ElementType.METHOD, ElementType.RECORD_COMPONENT})
  @interface List {
    IndexPartitionKey[] value();
  }
}
