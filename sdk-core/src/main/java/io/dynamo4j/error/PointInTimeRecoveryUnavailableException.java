package io.dynamo4j.error;

/**
 * DynamoDB's {@code PointInTimeRecoveryUnavailableException}: point-in-time recovery is not enabled for the table.
 *
 * <p>Immutable; safe to share between threads.
 */
public class PointInTimeRecoveryUnavailableException extends DynamoException {

  private static final long serialVersionUID = 1L;

  /** An error with DynamoDB's message text. */
  public PointInTimeRecoveryUnavailableException(String message) {
    super(DYNAMODB + "PointInTimeRecoveryUnavailableException", 400, message);
  }

}
