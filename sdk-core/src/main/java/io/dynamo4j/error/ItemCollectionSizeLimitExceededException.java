package io.dynamo4j.error;

/**
 * DynamoDB's {@code ItemCollectionSizeLimitExceededException}: an item collection of a table with a local secondary index would exceed its size limit.
 *
 * <p>Immutable; safe to share between threads.
 */
public class ItemCollectionSizeLimitExceededException extends DynamoException {

  private static final long serialVersionUID = 1L;

  /** An error with DynamoDB's message text. */
  public ItemCollectionSizeLimitExceededException(String message) {
    super(DYNAMODB + "ItemCollectionSizeLimitExceededException", 400, message);
  }

}
