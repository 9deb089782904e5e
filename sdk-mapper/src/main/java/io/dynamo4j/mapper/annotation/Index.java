package io.dynamo4j.mapper.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The projection of a secondary index, on the mapped class; an index without this annotation
 * projects {@link Projection#ALL}. The index's keys come from {@link IndexPartitionKey} and
 * {@link IndexSortKey}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Repeatable(Index.List.class)
public @interface Index {
  /** The index's name. */
  String name();

  /** What the index holds besides its keys and the table's. */
  Projection projection() default Projection.ALL;

  /** The non-key attributes an {@link Projection#INCLUDE} index holds. */
  String[] include() default {};

  /** DynamoDB's projection types. */
  enum Projection {
    ALL, KEYS_ONLY, INCLUDE
  }

  /** Holds repeated {@link Index} annotations. */
  @Documented
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.TYPE)
  @interface List {
    Index[] value();
  }
}
