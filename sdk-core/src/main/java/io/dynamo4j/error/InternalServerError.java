package io.dynamo4j.error;

/**
 * DynamoDB's {@code InternalServerError}: an error occurred on the server side.
 *
 * <p>Immutable; safe to share between threads.
 */
public class InternalServerError extends DynamoException {

  private static final long serialVersionUID = 1L;

  /** An error with DynamoDB's message text. */
  public InternalServerError(String message) {
    super(DYNAMODB + "InternalServerError", 500, message);
  }

  @Override
  public boolean isRetryable() {
    return true;
  }
}
