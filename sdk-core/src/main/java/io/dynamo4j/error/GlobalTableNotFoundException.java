package io.dynamo4j.error;

/**
 * DynamoDB's {@code GlobalTableNotFoundException}: the global table does not exist.
 *
 * <p>Immutable; safe to share between threads.
 */
public class GlobalTableNotFoundException extends DynamoException {

  private static final long serialVersionUID = 1L;

  /** An error with DynamoDB's message text. */
  public GlobalTableNotFoundException(String message) {
    super(DYNAMODB + "GlobalTableNotFoundException", 400, message);
  }

}
