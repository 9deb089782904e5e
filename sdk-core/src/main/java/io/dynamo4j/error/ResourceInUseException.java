package io.dynamo4j.error;

/**
 * DynamoDB's {@code ResourceInUseException}: the resource is being created, updated or deleted, or already exists.
 *
 * <p>Immutable; safe to share between threads.
 */
public class ResourceInUseException extends DynamoException {

  private static final long serialVersionUID = 1L;

  /** An error with DynamoDB's message text. */
  public ResourceInUseException(String message) {
    super(DYNAMODB + "ResourceInUseException", 400, message);
  }

}
