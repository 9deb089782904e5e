package io.dynamo4j.json;

/**
 * Input that is not valid DynamoDB JSON. The message says where (line and column) and what is
 * wrong; the cause, when there is one, is the DynamoDB error the same input would get from
 * DynamoDB ({@code SerializationException} or {@code ValidationException}).
 *
 * <p>Immutable; safe to share between threads.
 */
public final class DynamoJsonException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  DynamoJsonException(String message, Throwable cause) {
    super(message, cause);
  }
}
