package io.dynamo4j.error;

/**
 * DynamoDB's {@code InvalidEndpointException}: the request was sent to the wrong endpoint.
 *
 * <p>Immutable; safe to share between threads.
 */
public class InvalidEndpointException extends DynamoException {

  private static final long serialVersionUID = 1L;

  /** An error with DynamoDB's message text. */
  public InvalidEndpointException(String message) {
    super(DYNAMODB + "InvalidEndpointException", 421, message);
  }

}
