package io.dynamo4j.error;

/**
 * DynamoDB's {@code TrimmedDataAccessException}: the requested stream records are past the stream's retention period.
 *
 * <p>Immutable; safe to share between threads.
 */
public class TrimmedDataAccessException extends DynamoException {

  private static final long serialVersionUID = 1L;

  /** An error with DynamoDB's message text. */
  public TrimmedDataAccessException(String message) {
    super(DYNAMODB + "TrimmedDataAccessException", 400, message);
  }

}
