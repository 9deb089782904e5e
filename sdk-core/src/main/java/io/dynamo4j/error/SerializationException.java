package io.dynamo4j.error;

/**
 * DynamoDB's {@code SerializationException}: the request body is not valid JSON or a member has the wrong JSON type.
 *
 * <p>Immutable; safe to share between threads.
 */
public class SerializationException extends DynamoException {

  private static final long serialVersionUID = 1L;

  /** An error with DynamoDB's message text. */
  public SerializationException(String message) {
    super(CORAL_SERVICE + "SerializationException", 400, message);
  }

}
