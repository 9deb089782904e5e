package io.dynamo4j.error;

/**
 * DynamoDB's {@code IdempotentParameterMismatchException}: a client request token was reused with a different request.
 *
 * <p>Immutable; safe to share between threads.
 */
public class IdempotentParameterMismatchException extends DynamoException {

  private static final long serialVersionUID = 1L;

  /** An error with DynamoDB's message text. */
  public IdempotentParameterMismatchException(String message) {
    super(DYNAMODB + "IdempotentParameterMismatchException", 400, message);
  }

}
