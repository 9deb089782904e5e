package io.dynamo4j.error;

/**
 * DynamoDB's {@code UnrecognizedClientException}: the access key or security token is not valid.
 *
 * <p>Immutable; safe to share between threads.
 */
public class UnrecognizedClientException extends DynamoException {

  private static final long serialVersionUID = 1L;

  /** An error with DynamoDB's message text. */
  public UnrecognizedClientException(String message) {
    super(CORAL_SERVICE + "UnrecognizedClientException", 400, message);
  }

}
