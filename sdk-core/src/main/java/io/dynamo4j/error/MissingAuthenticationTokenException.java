package io.dynamo4j.error;

/**
 * DynamoDB's {@code MissingAuthenticationTokenException}: the request carries no {@code Authorization} header.
 *
 * <p>Immutable; safe to share between threads.
 */
public class MissingAuthenticationTokenException extends DynamoException {

  private static final long serialVersionUID = 1L;

  /** An error with DynamoDB's message text. */
  public MissingAuthenticationTokenException(String message) {
    super(CORAL_SERVICE + "MissingAuthenticationTokenException", 400, message);
  }

}
