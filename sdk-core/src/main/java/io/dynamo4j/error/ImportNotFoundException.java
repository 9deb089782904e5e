package io.dynamo4j.error;

/**
 * DynamoDB's {@code ImportNotFoundException}: the import does not exist.
 *
 * <p>Immutable; safe to share between threads.
 */
public class ImportNotFoundException extends DynamoException {

  private static final long serialVersionUID = 1L;

  /** An error with DynamoDB's message text. */
  public ImportNotFoundException(String message) {
    super(DYNAMODB + "ImportNotFoundException", 400, message);
  }

}
