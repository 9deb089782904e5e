package io.dynamo4j.error;

/**
 * DynamoDB's {@code InvalidRestoreTimeException}: the restore time is outside the table's recovery window.
 *
 * <p>Immutable; safe to share between threads.
 */
public class InvalidRestoreTimeException extends DynamoException {

  private static final long serialVersionUID = 1L;

  /** An error with DynamoDB's message text. */
  public InvalidRestoreTimeException(String message) {
    super(DYNAMODB + "InvalidRestoreTimeException", 400, message);
  }

}
