package io.dynamo4j.error;

/**
 * DynamoDB's {@code DuplicateItemException}: a PartiQL INSERT would create an item that already exists.
 *
 * <p>Immutable; safe to share between threads.
 */
public class DuplicateItemException extends DynamoException {

  private static final long serialVersionUID = 1L;

  /** An error with DynamoDB's message text. */
  public DuplicateItemException(String message) {
    super(DYNAMODB + "DuplicateItemException", 400, message);
  }

}
