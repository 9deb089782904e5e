package io.dynamo4j.error;

/**
 * DynamoDB's {@code ExpiredIteratorException}: the shard iterator has expired.
 *
 * <p>Immutable; safe to share between threads.
 */
public class ExpiredIteratorException extends DynamoException {

  private static final long serialVersionUID = 1L;

  /** An error with DynamoDB's message text. */
  public ExpiredIteratorException(String message) {
    super(DYNAMODB + "ExpiredIteratorException", 400, message);
  }

}
