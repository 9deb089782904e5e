package io.dynamo4j.error;

/**
 * DynamoDB's {@code ReplicaAlreadyExistsException}: the replica already exists.
 *
 * <p>Immutable; safe to share between threads.
 */
public class ReplicaAlreadyExistsException extends DynamoException {

  private static final long serialVersionUID = 1L;

  /** An error with DynamoDB's message text. */
  public ReplicaAlreadyExistsException(String message) {
    super(DYNAMODB + "ReplicaAlreadyExistsException", 400, message);
  }

}
