package io.dynamo4j.error;

/**
 * DynamoDB's {@code BackupNotFoundException}: the backup does not exist.
 *
 * <p>Immutable; safe to share between threads.
 */
public class BackupNotFoundException extends DynamoException {

  private static final long serialVersionUID = 1L;

  /** An error with DynamoDB's message text. */
  public BackupNotFoundException(String message) {
    super(DYNAMODB + "BackupNotFoundException", 400, message);
  }

}
