package io.dynamo4j.error;

/**
 * DynamoDB's {@code ServiceUnavailableException}: the service is temporarily unable to handle the request.
 *
 * <p>Immutable; safe to share between threads.
 */
public class ServiceUnavailableException extends DynamoException {

  private static final long serialVersionUID = 1L;

  /** An error with DynamoDB's message text. */
  public ServiceUnavailableException(String message) {
    super(CORAL_SERVICE + "ServiceUnavailableException", 503, message);
  }

  @Override
  public boolean isRetryable() {
    return true;
  }
}
