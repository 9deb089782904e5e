package io.dynamo4j.error;

/**
 * DynamoDB's {@code TableNotFoundException}: the source table of a restore does not exist.
 *
 * <p>Immutable; safe to share between threads.
 */
public class TableNotFoundException extends DynamoException {

  private static final long serialVersionUID = 1L;

  /** An error with DynamoDB's message text. */
  public TableNotFoundException(String message) {
    super(DYNAMODB + "TableNotFoundException", 400, message);
  }

}
