package io.dynamo4j.error;

/**
 * DynamoDB's {@code ContinuousBackupsUnavailableException}: continuous backups are not available for the table.
 *
 * <p>Immutable; safe to share between threads.
 */
public class ContinuousBackupsUnavailableException extends DynamoException {

  private static final long serialVersionUID = 1L;

  /** An error with DynamoDB's message text. */
  public ContinuousBackupsUnavailableException(String message) {
    super(DYNAMODB + "ContinuousBackupsUnavailableException", 400, message);
  }

}
