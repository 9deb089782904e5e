package io.dynamo4j.error;

/**
 * DynamoDB's {@code AccessDeniedException}: the caller may not perform the action.
 *
 * <p>Immutable; safe to share between threads.
 */
public class AccessDeniedException extends DynamoException {

  private static final long serialVersionUID = 1L;

  /** An error with DynamoDB's message text. */
  public AccessDeniedException(String message) {
    super(CORAL_SERVICE + "AccessDeniedException", 400, message);
  }

}
