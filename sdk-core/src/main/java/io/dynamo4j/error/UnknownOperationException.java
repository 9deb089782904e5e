package io.dynamo4j.error;

/**
 * DynamoDB's {@code UnknownOperationException}: the {@code X-Amz-Target} names no operation.
 *
 * <p>Immutable; safe to share between threads.
 */
public class UnknownOperationException extends DynamoException {

  private static final long serialVersionUID = 1L;

  /** An error with DynamoDB's message text. */
  public UnknownOperationException(String message) {
    super(CORAL_SERVICE + "UnknownOperationException", 400, message);
  }

}
