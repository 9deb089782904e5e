package io.dynamo4j.error;

/**
 * DynamoDB's {@code ThrottlingException}: the request rate exceeds a control-plane or account limit.
 *
 * <p>Immutable; safe to share between threads.
 */
public class ThrottlingException extends DynamoException {

  private static final long serialVersionUID = 1L;

  /** An error with DynamoDB's message text. */
  public ThrottlingException(String message) {
    super(CORAL_AVAILABILITY + "ThrottlingException", 400, message);
  }

  @Override
  public boolean isRetryable() {
    return true;
  }
}
