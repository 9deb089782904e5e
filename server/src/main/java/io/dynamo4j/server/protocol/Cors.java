package io.dynamo4j.server.protocol;

import java.util.List;
import java.util.Map;

/**
 * Cross-origin resource sharing for browser tools: the preflight answer and the headers of actual
 * responses. Origins are matched exactly; {@code "*"} allows any.
 *
 * <p>Immutable and thread-safe.
 */
final class Cors {

  private static final String EXPOSED = "x-amzn-RequestId, x-amz-crc32, x-amzn-ErrorType";
  private static final String DEFAULT_ALLOWED_HEADERS = "Authorization, Content-Type, Content-Encoding, X-Amz-Date, "
      + "X-Amz-Target, X-Amz-Security-Token, X-Amz-User-Agent, amz-sdk-invocation-id, amz-sdk-request";

  private final List<String> origins;
  private final boolean any;

  Cors(List<String> origins) {
    this.origins = List.copyOf(origins);
    this.any = origins.contains("*");
  }

  /** Adds the headers of a preflight answer if the request's origin is allowed. */
  void preflight(DynamoProtocol.Request request, Map<String, String> headers) {
    String origin = allowedOrigin(request);
    if (origin == null) {
      return;
    }
    headers.put("Access-Control-Allow-Origin", origin);
    headers.put("Access-Control-Allow-Methods", "GET, POST, OPTIONS");
    String requested = request.header("Access-Control-Request-Headers");
    headers.put("Access-Control-Allow-Headers", requested != null && !requested.isBlank() ? requested : DEFAULT_ALLOWED_HEADERS);
    headers.put("Access-Control-Max-Age", "172800");
    if (!any) {
      headers.put("Vary", "Origin");
    }
  }

  /** Adds the CORS headers of an actual response if the request's origin is allowed. */
  void simple(DynamoProtocol.Request request, Map<String, String> headers) {
    String origin = allowedOrigin(request);
    if (origin == null) {
      return;
    }
    headers.put("Access-Control-Allow-Origin", origin);
    headers.put("Access-Control-Expose-Headers", EXPOSED);
    if (!any) {
      headers.put("Vary", "Origin");
    }
  }

  private String allowedOrigin(DynamoProtocol.Request request) {
    if (origins.isEmpty()) {
      return null;
    }
    String origin = request.header("Origin");
    if (origin == null) {
      return null;
    }
    if (any) {
      return "*";
    }
    return origins.contains(origin) ? origin : null;
  }
}
