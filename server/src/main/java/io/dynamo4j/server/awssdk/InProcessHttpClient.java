package io.dynamo4j.server.awssdk;

import io.dynamo4j.server.protocol.DynamoProtocol;
import io.dynamo4j.spi.Engine;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;

/**
 * An AWS SDK for Java v2 HTTP client that answers DynamoDB requests in process, without a socket:
 * code written for the AWS SDK runs against an embedded engine unchanged.
 *
 * <pre>{@code
 * DynamoDbClient ddb = DynamoDbClient.builder()
 *     .httpClient(InProcessHttpClient.create(engine))
 *     .endpointOverride(URI.create("http://dynamo4j.local"))   // never contacted
 *     .region(Region.US_EAST_1)
 *     .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("key", "secret")))
 *     .build();
 * DynamoDbEnhancedClient enhanced = DynamoDbEnhancedClient.builder().dynamoDbClient(ddb).build();
 * }</pre>
 *
 * <p>Requests go through the same {@link DynamoProtocol} as the server's, so answers and errors
 * are the ones the server would send. Give the SDK static credentials: its default chain may look
 * for credentials over the network.
 *
 * <p>Thread-safe. {@link #close()} (which the SDK client's {@code close()} calls) never closes the
 * engine; it closes the protocol only if this client created it.
 */
public final class InProcessHttpClient implements SdkHttpClient {

  private static final byte[] EMPTY = new byte[0];

  private final DynamoProtocol protocol;
  private final boolean ownsProtocol;

  private InProcessHttpClient(DynamoProtocol protocol, boolean ownsProtocol) {
    this.protocol = protocol;
    this.ownsProtocol = ownsProtocol;
  }

  /** A client answering from {@code engine}, shared by every access key. */
  public static InProcessHttpClient create(Engine engine) {
    return new InProcessHttpClient(DynamoProtocol.of(Objects.requireNonNull(engine, "engine")), true);
  }

  /** A client answering through {@code protocol} (accounts, limits). */
  public static InProcessHttpClient create(DynamoProtocol protocol) {
    return new InProcessHttpClient(Objects.requireNonNull(protocol, "protocol"), false);
  }

  @Override
  public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
    return new ExecutableHttpRequest() {
      @Override
      public HttpExecuteResponse call() throws IOException {
        byte[] body = EMPTY;
        if (request.contentStreamProvider().isPresent()) {
          ContentStreamProvider provider = request.contentStreamProvider().get();
          try (InputStream in = provider.newStream()) {
            body = in.readAllBytes();
          }
        }
        DynamoProtocol.Response response = protocol.handle(SdkExchange.toProtocol(request.httpRequest(), body));
        return HttpExecuteResponse.builder()
            .response(SdkExchange.toSdk(response))
            .responseBody(AbortableInputStream.create(new ByteArrayInputStream(response.body())))
            .build();
      }

      @Override
      public void abort() {
        // The answer is computed synchronously in call(); there is nothing in flight to abort.
      }
    };
  }

  @Override
  public String clientName() {
    return "dynamo4j-in-process";
  }

  @Override
  public void close() {
    if (ownsProtocol) {
      protocol.close();
    }
  }
}
