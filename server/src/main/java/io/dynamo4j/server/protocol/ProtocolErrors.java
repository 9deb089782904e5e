package io.dynamo4j.server.protocol;

import io.dynamo4j.error.DynamoException;
import io.dynamo4j.error.ServiceUnavailableException;

/**
 * The errors of the HTTP layer that DynamoDB's API does not list (oversized, slow and malformed
 * requests), in DynamoDB's error shape with the service framework's namespace.
 *
 * <p>Stateless and thread-safe.
 */
final class ProtocolErrors {

  private ProtocolErrors() {}

  /** A body over the limit, compressed or not. */
  static DynamoException requestTooLarge(int limit) {
    return new HttpError("RequestEntityTooLargeException", 413,
        "Request body exceeds the maximum of " + limit + " bytes");
  }

  /** A client that did not send its whole request within the server's request timeout. */
  static DynamoException requestTimeout() {
    return new HttpError("RequestTimeoutException", 408,
        "The request was not received completely within the server's request timeout");
  }

  /** Bytes that are not an HTTP/1.1 request. */
  static DynamoException malformedHttp() {
    return new HttpError("SerializationException", 400, "Malformed HTTP request");
  }

  /** A request that arrives while the server shuts down. */
  static DynamoException shuttingDown() {
    return new ServiceUnavailableException("The server is shutting down");
  }

  /** An error of the {@code com.amazon.coral.service} namespace with its own HTTP status. */
  private static final class HttpError extends DynamoException {
    private static final long serialVersionUID = 1L;

    HttpError(String name, int status, String message) {
      super(CORAL_SERVICE + name, status, message);
    }
  }
}
