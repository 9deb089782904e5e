package io.dynamo4j.error;

/**
 * DynamoDB's {@code BackupInUseException}: another backup operation on the table is in progress.
 *
 * <p>Immutable; safe to share between threads.
 */
public class BackupInUseException extends DynamoException {

  private static final long serialVersionUID = 1L;

  /** An error with DynamoDB's message text. */
  public BackupInUseException(String message) {
    super(DYNAMODB + "BackupInUseException", 400, message);
  }

}
