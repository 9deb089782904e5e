package io.dynamo4j.error;

/**
 * DynamoDB's {@code TableAlreadyExistsException}: the target table of a restore already exists.
 *
 * <p>Immutable; safe to share between threads.
 */
public class TableAlreadyExistsException extends DynamoException {

  private static final long serialVersionUID = 1L;

  /** An error with DynamoDB's message text. */
  public TableAlreadyExistsException(String message) {
    super(DYNAMODB + "TableAlreadyExistsException", 400, message);
  }

}
