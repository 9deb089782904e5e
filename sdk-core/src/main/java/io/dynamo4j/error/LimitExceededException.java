package io.dynamo4j.error;

/**
 * DynamoDB's {@code LimitExceededException}: too many concurrent control-plane operations, or a resource limit is reached.
 *
 * <p>Immutable; safe to share between threads.
 */
public class LimitExceededException extends DynamoException {

  private static final long serialVersionUID = 1L;

  /** An error with DynamoDB's message text. */
  public LimitExceededException(String message) {
    super(DYNAMODB + "LimitExceededException", 400, message);
  }

}
