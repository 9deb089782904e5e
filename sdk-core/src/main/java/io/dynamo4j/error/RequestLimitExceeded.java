package io.dynamo4j.error;

/**
 * DynamoDB's {@code RequestLimitExceeded}: the throughput exceeds the account's current limit.
 *
 * <p>Immutable; safe to share between threads.
 */
public class RequestLimitExceeded extends DynamoException {

  private static final long serialVersionUID = 1L;

  /** An error with DynamoDB's message text. */
  public RequestLimitExceeded(String message) {
    super(DYNAMODB + "RequestLimitExceeded", 400, message);
  }

  @Override
  public boolean isRetryable() {
    return true;
  }
}
