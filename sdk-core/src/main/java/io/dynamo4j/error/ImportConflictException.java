package io.dynamo4j.error;

/**
 * DynamoDB's {@code ImportConflictException}: an import with the same client token is in progress.
 *
 * <p>Immutable; safe to share between threads.
 */
public class ImportConflictException extends DynamoException {

  private static final long serialVersionUID = 1L;

  /** An error with DynamoDB's message text. */
  public ImportConflictException(String message) {
    super(DYNAMODB + "ImportConflictException", 400, message);
  }

}
