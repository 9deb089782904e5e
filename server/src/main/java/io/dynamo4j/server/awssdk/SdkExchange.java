package io.dynamo4j.server.awssdk;

import io.dynamo4j.server.protocol.DynamoProtocol;
import java.util.Map;
import software.amazon.awssdk.http.SdkHttpFullResponse;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * Translates between the AWS SDK's HTTP requests and responses and {@link DynamoProtocol}'s.
 *
 * <p>Stateless and thread-safe.
 */
final class SdkExchange {

  private SdkExchange() {}

  static DynamoProtocol.Request toProtocol(SdkHttpRequest request, byte[] body) {
    return DynamoProtocol.Request.of(request.method().name(), request.encodedPath(),
        name -> request.firstMatchingHeader(name).orElse(null), body);
  }

  static SdkHttpFullResponse toSdk(DynamoProtocol.Response response) {
    SdkHttpResponse.Builder b = SdkHttpResponse.builder().statusCode(response.status());
    for (Map.Entry<String, String> h : response.headers().entrySet()) {
      b.putHeader(h.getKey(), h.getValue());
    }
    b.putHeader("Content-Length", Integer.toString(response.body().length));
    return (SdkHttpFullResponse) b.build();
  }
}
