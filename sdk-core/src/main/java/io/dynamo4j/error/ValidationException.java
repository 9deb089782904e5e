package io.dynamo4j.error;

/**
 * DynamoDB's {@code ValidationException}: the request is not valid (a missing or malformed parameter, a limit exceeded, an expression that does not parse).
 *
 * <p>Immutable; safe to share between threads.
 */
public class ValidationException extends DynamoException {

  private static final long serialVersionUID = 1L;

  /** An error with DynamoDB's message text. */
  public ValidationException(String message) {
    super(CORAL_VALIDATE + "ValidationException", 400, message);
  }

}
