package io.dynamo4j.error;

/**
 * DynamoDB's {@code ExportConflictException}: an export with the same client token is in progress.
 *
 * <p>Immutable; safe to share between threads.
 */
public class ExportConflictException extends DynamoException {

  private static final long serialVersionUID = 1L;

  /** An error with DynamoDB's message text. */
  public ExportConflictException(String message) {
    super(DYNAMODB + "ExportConflictException", 400, message);
  }

}
