package io.dynamo4j.error;

/**
 * DynamoDB's {@code ResourceNotFoundException}: the table, index or stream does not exist or is not {@code ACTIVE}.
 *
 * <p>Immutable; safe to share between threads.
 */
public class ResourceNotFoundException extends DynamoException {

  private static final long serialVersionUID = 1L;

  /** An error with DynamoDB's message text. */
  public ResourceNotFoundException(String message) {
    super(DYNAMODB + "ResourceNotFoundException", 400, message);
  }

}
