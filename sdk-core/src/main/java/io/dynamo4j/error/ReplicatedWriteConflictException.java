package io.dynamo4j.error;

/**
 * DynamoDB's {@code ReplicatedWriteConflictException}: a write conflicts with a write replicated from another region.
 *
 * <p>Immutable; safe to share between threads.
 */
public class ReplicatedWriteConflictException extends DynamoException {

  private static final long serialVersionUID = 1L;

  /** An error with DynamoDB's message text. */
  public ReplicatedWriteConflictException(String message) {
    super(DYNAMODB + "ReplicatedWriteConflictException", 400, message);
  }

  @Override
  public boolean isRetryable() {
    return true;
  }
}
