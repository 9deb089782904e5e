package io.dynamo4j.error;

/**
 * DynamoDB's {@code ExportNotFoundException}: the export does not exist.
 *
 * <p>Immutable; safe to share between threads.
 */
public class ExportNotFoundException extends DynamoException {

  private static final long serialVersionUID = 1L;

  /** An error with DynamoDB's message text. */
  public ExportNotFoundException(String message) {
    super(DYNAMODB + "ExportNotFoundException", 400, message);
  }

}
