package io.dynamo4j.error;

/**
 * DynamoDB's {@code TableInUseException}: the target table of a restore is being created, updated or deleted.
 *
 * <p>Immutable; safe to share between threads.
 */
public class TableInUseException extends DynamoException {

  private static final long serialVersionUID = 1L;

  /** An error with DynamoDB's message text. */
  public TableInUseException(String message) {
    super(DYNAMODB + "TableInUseException", 400, message);
  }

}
