package io.dynamo4j.mapper;

import io.dynamo4j.error.ConditionalCheckFailedException;
import io.dynamo4j.model.Item;

/**
 * A write of a {@code @Version}ed object failed because the stored item's version is not the
 * object's (someone else wrote it since it was read), or an object that was never stored found an
 * item already there. It is a {@link ConditionalCheckFailedException}, since that is how DynamoDB
 * reported it. Read the item again, reapply the change, and write again. Immutable.
 */
public class OptimisticLockException extends ConditionalCheckFailedException {

  private static final long serialVersionUID = 1L;

  private final transient Object expected;

  OptimisticLockException(String message, Item current, Object expected) {
    super(message, current);
    this.expected = expected;
  }

  /** The version the write expected (null: it expected no item). */
  public Object expectedVersion() {
    return expected;
  }
}
