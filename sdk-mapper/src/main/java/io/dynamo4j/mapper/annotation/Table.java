package io.dynamo4j.mapper.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class (or the root of a polymorphic hierarchy) as stored in a DynamoDB table, and names
 * the table. A table name given to {@code Mapper.table(client, name, type)} takes precedence.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Table {
  /** The table's name. */
  String value();
}
