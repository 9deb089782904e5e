package io.dynamo4j.error;

/**
 * DynamoDB's {@code GlobalTableAlreadyExistsException}: the global table already exists.
 *
 * <p>Immutable; safe to share between threads.
 */
public class GlobalTableAlreadyExistsException extends DynamoException {

  private static final long serialVersionUID = 1L;

  /** An error with DynamoDB's message text. */
  public GlobalTableAlreadyExistsException(String message) {
    super(DYNAMODB + "GlobalTableAlreadyExistsException", 400, message);
  }

}
