package io.dynamo4j.mapper.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A sort key attribute of a secondary index. An index with sort key attributes but no
 * {@link IndexPartitionKey} is a local secondary index (its partition key is the table's). A
 * multi-attribute sort key of a global index (up to four attributes) is several properties with
 * the same {@link #index} and their {@link #order}. Repeat the annotation for several indexes.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.RECORD_COMPONENT})
@Repeatable(IndexSortKey.List.class)
public @interface IndexSortKey {
  /** The index's name. */
  String index();

  /** The attribute's position in a multi-attribute key, from 0. */
  int order() default 0;

  /** Holds repeated {@link IndexSortKey} annotations. */
  @Documented
  @Retention(RetentionPolicy.RUNTIME)
  @Target({ElementType.FIELD, ElementType.METHOD, ElementType.RECORD_COMPONENT})
  @interface List {
    IndexSortKey[] value();
  }
}
