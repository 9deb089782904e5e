package io.dynamo4j.error;

import io.dynamo4j.model.Item;

/**
 * DynamoDB's {@code ConditionalCheckFailedException}: a write's condition evaluated to false.
 * When the request asked for {@code ReturnValuesOnConditionCheckFailure=ALL_OLD}, {@link #item()}
 * is the item as it was (null if there was none).
 *
 * <p>Immutable; safe to share between threads.
 */
public class ConditionalCheckFailedException extends DynamoException {

  private static final long serialVersionUID = 1L;

  /** DynamoDB's message for a failed condition. */
  public static final String MESSAGE = "The conditional request failed";

  private final transient Item item;

  /** An error with DynamoDB's standard message and no item. */
  public ConditionalCheckFailedException() {
    this(MESSAGE, null);
  }

  /** An error with the given message and the item as it was, or null. */
  public ConditionalCheckFailedException(String message, Item item) {
    super(DYNAMODB + "ConditionalCheckFailedException", 400, message);
    this.item = item;
  }

  /** The item as it was when the condition failed, if the request asked for it; otherwise null. */
  public Item item() {
    return item;
  }
}
