package io.dynamo4j.error;

/**
 * DynamoDB's {@code TransactionConflictException}: another transaction is in progress on an item of this request.
 *
 * <p>Immutable; safe to share between threads.
 */
public class TransactionConflictException extends DynamoException {

  private static final long serialVersionUID = 1L;

  /** An error with DynamoDB's message text. */
  public TransactionConflictException(String message) {
    super(DYNAMODB + "TransactionConflictException", 400, message);
  }

  @Override
  public boolean isRetryable() {
    return true;
  }
}
