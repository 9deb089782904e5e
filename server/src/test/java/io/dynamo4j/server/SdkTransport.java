package io.dynamo4j.server;

import io.dynamo4j.api.Operation;
import io.dynamo4j.server.awssdk.InProcessAsyncHttpClient;
import io.dynamo4j.server.awssdk.InProcessHttpClient;
import io.dynamo4j.server.protocol.DynamoProtocol;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsAsyncClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * The four ways the AWS SDK for Java v2 reaches a dynamo4j engine in these tests: the sync and
 * async clients over real HTTP to a {@link DynamoServer} on 127.0.0.1, and the same two clients
 * through the in-process HTTP clients.
 */
enum SdkTransport {
  HTTP_SYNC,
  HTTP_ASYNC,
  IN_PROCESS_SYNC,
  IN_PROCESS_ASYNC;

  static final StaticCredentialsProvider CREDENTIALS =
      StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "secret"));
  private static final URI NOWHERE = URI.create("http://dynamo4j.invalid");

  boolean async() {
    return this == HTTP_ASYNC || this == IN_PROCESS_ASYNC;
  }

  /** The clients of this transport, against {@code server} (over HTTP) or its protocol (in process). */
  Clients open(DynamoServer server) {
    return open(server, CREDENTIALS);
  }

  Clients open(DynamoServer server, StaticCredentialsProvider credentials) {
    ClientOverrideConfiguration once = ClientOverrideConfiguration.builder()
        .retryStrategy(b -> b.maxAttempts(1)).build();
    DynamoProtocol protocol = server.protocol();
    return switch (this) {
      case HTTP_SYNC -> {
        var http = ApacheHttpClient.builder().build();
        yield new Clients(
            DynamoDbClient.builder().httpClient(http).endpointOverride(server.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(credentials).overrideConfiguration(once).build(),
            DynamoDbStreamsClient.builder().httpClient(http).endpointOverride(server.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(credentials).overrideConfiguration(once).build(),
            http);
      }
      case HTTP_ASYNC -> {
        var http = NettyNioAsyncHttpClient.builder().build();
        yield new Clients(
            DynamoDbAsyncClient.builder().httpClient(http).endpointOverride(server.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(credentials).overrideConfiguration(once).build(),
            DynamoDbStreamsAsyncClient.builder().httpClient(http).endpointOverride(server.endpoint())
                .region(Region.US_EAST_1).credentialsProvider(credentials).overrideConfiguration(once).build(),
            http);
      }
      case IN_PROCESS_SYNC -> {
        var http = InProcessHttpClient.create(protocol);
        yield new Clients(
            DynamoDbClient.builder().httpClient(http).endpointOverride(NOWHERE).region(Region.US_EAST_1)
                .credentialsProvider(credentials).overrideConfiguration(once).build(),
            DynamoDbStreamsClient.builder().httpClient(http).endpointOverride(NOWHERE).region(Region.US_EAST_1)
                .credentialsProvider(credentials).overrideConfiguration(once).build(),
            http);
      }
      case IN_PROCESS_ASYNC -> {
        var http = InProcessAsyncHttpClient.create(protocol);
        yield new Clients(
            DynamoDbAsyncClient.builder().httpClient(http).endpointOverride(NOWHERE).region(Region.US_EAST_1)
                .credentialsProvider(credentials).overrideConfiguration(once).build(),
            DynamoDbStreamsAsyncClient.builder().httpClient(http).endpointOverride(NOWHERE).region(Region.US_EAST_1)
                .credentialsProvider(credentials).overrideConfiguration(once).build(),
            http);
      }
    };
  }

  /** One transport's DynamoDB client, DynamoDB Streams client and HTTP client. */
  record Clients(AutoCloseable dynamo, AutoCloseable streams, AutoCloseable http) implements AutoCloseable {

    /** The sync client, for typed calls ({@code HTTP_SYNC} and {@code IN_PROCESS_SYNC} only). */
    DynamoDbClient sync() {
      return (DynamoDbClient) dynamo;
    }

    /** The async client ({@code HTTP_ASYNC} and {@code IN_PROCESS_ASYNC} only). */
    DynamoDbAsyncClient async() {
      return (DynamoDbAsyncClient) dynamo;
    }

    /**
     * Calls {@code op} with an SDK request and returns the SDK response, waiting for async clients;
     * throws what the SDK throws (unwrapped from the future).
     */
    Object call(Operation op, Object sdkRequest) {
      Object client = op.service() == Operation.Service.STREAMS ? streams : dynamo;
      String name = Character.toLowerCase(op.wireName().charAt(0)) + op.wireName().substring(1);
      try {
        Method m = api(client).getMethod(name, sdkRequest.getClass());
        Object result = m.invoke(client, sdkRequest);
        if (result instanceof CompletableFuture<?> f) {
          try {
            return f.join();
          } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
          }
        }
        return result;
      } catch (InvocationTargetException e) {
        throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("the AWS SDK has no " + name + "(" + sdkRequest.getClass().getSimpleName() + ")", e);
      }
    }

    private static Class<?> api(Object client) {
      for (Class<?> c : new Class<?>[] {DynamoDbClient.class, DynamoDbAsyncClient.class, DynamoDbStreamsClient.class,
          DynamoDbStreamsAsyncClient.class}) {
        if (c.isInstance(client)) {
          return c;
        }
      }
      throw new IllegalArgumentException(client.getClass().getName());
    }

    @Override
    public void close() throws Exception {
      dynamo.close();
      streams.close();
      http.close();
    }
  }
}
