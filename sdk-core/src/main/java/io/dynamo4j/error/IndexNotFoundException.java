package io.dynamo4j.error;

/**
 * DynamoDB's {@code IndexNotFoundException}: the index does not exist.
 *
 * <p>Immutable; safe to share between threads.
 */
public class IndexNotFoundException extends DynamoException {

  private static final long serialVersionUID = 1L;

  /** An error with DynamoDB's message text. */
  public IndexNotFoundException(String message) {
    super(DYNAMODB + "IndexNotFoundException", 400, message);
  }

}
