package io.dynamo4j.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Items loaded into a table before a test: a class path resource holding DynamoDB JSON items,
 * either a JSON array of items or one item per line (JSON lines):
 *
 * <pre>{@code
 * {"id": {"S": "o-1"}, "total": {"N": "12.50"}}
 * {"id": {"S": "o-2"}, "total": {"N": "3"}, "tags": {"SS": ["gift"]}}
 * }</pre>
 *
 * <p>On the test class, the items are loaded wherever the class's tables are made (before each
 * test, or once per class with {@link Lifecycle#PER_CLASS}); on a test method, before that test.
 * The table must exist (declare it in {@link DynamoTest}). A resource that is missing or is not
 * DynamoDB JSON fails the test, saying which line.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Repeatable(Fixture.List.class)
public @interface Fixture {

  /** The table the items go to. */
  String table();

  /** The class path resource (e.g. {@code fixtures/orders.jsonl}), resolved by the class loader. */
  String value();

  /** Several fixtures on one element. */
  @Target({ElementType.TYPE, ElementType.METHOD})
  @Retention(RetentionPolicy.RUNTIME)
  @Documented
  @Inherited
  @interface List {
    /** The fixtures. */
    Fixture[] value();
  }
}
