package io.dynamo4j.error;

/**
 * DynamoDB's {@code PolicyNotFoundException}: the resource policy does not exist.
 *
 * <p>Immutable; safe to share between threads.
 */
public class PolicyNotFoundException extends DynamoException {

  private static final long serialVersionUID = 1L;

  /** An error with DynamoDB's message text. */
  public PolicyNotFoundException(String message) {
    super(DYNAMODB + "PolicyNotFoundException", 400, message);
  }

}
