package io.dynamo4j.error;

/**
 * DynamoDB's {@code IncompleteSignatureException}: the request signature is malformed.
 *
 * <p>Immutable; safe to share between threads.
 */
public class IncompleteSignatureException extends DynamoException {

  private static final long serialVersionUID = 1L;

  /** An error with DynamoDB's message text. */
  public IncompleteSignatureException(String message) {
    super(CORAL_SERVICE + "IncompleteSignatureException", 400, message);
  }

}
