package io.dynamo4j.error;

/**
 * DynamoDB's {@code ReplicaNotFoundException}: the replica does not exist.
 *
 * <p>Immutable; safe to share between threads.
 */
public class ReplicaNotFoundException extends DynamoException {

  private static final long serialVersionUID = 1L;

  /** An error with DynamoDB's message text. */
  public ReplicaNotFoundException(String message) {
    super(DYNAMODB + "ReplicaNotFoundException", 400, message);
  }

}
