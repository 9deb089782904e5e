package io.dynamo4j.error;

/**
 * DynamoDB's {@code TransactionInProgressException}: a transaction with the same client request token is still in progress.
 *
 * <p>Immutable; safe to share between threads.
 */
public class TransactionInProgressException extends DynamoException {

  private static final long serialVersionUID = 1L;

  /** An error with DynamoDB's message text. */
  public TransactionInProgressException(String message) {
    super(DYNAMODB + "TransactionInProgressException", 400, message);
  }

}
