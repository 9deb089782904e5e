package io.dynamo4j.error;

/**
 * DynamoDB's {@code ProvisionedThroughputExceededException}: the request rate exceeds the provisioned or partition throughput.
 *
 * <p>Immutable; safe to share between threads.
 */
public class ProvisionedThroughputExceededException extends DynamoException {

  private static final long serialVersionUID = 1L;

  /** An error with DynamoDB's message text. */
  public ProvisionedThroughputExceededException(String message) {
    super(DYNAMODB + "ProvisionedThroughputExceededException", 400, message);
  }

  @Override
  public boolean isRetryable() {
    return true;
  }
}
