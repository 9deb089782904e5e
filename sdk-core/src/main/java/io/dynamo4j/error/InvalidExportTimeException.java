package io.dynamo4j.error;

/**
 * DynamoDB's {@code InvalidExportTimeException}: the export time is outside the table's recovery window.
 *
 * <p>Immutable; safe to share between threads.
 */
public class InvalidExportTimeException extends DynamoException {

  private static final long serialVersionUID = 1L;

  /** An error with DynamoDB's message text. */
  public InvalidExportTimeException(String message) {
    super(DYNAMODB + "InvalidExportTimeException", 400, message);
  }

}
