package io.dynamo4j.junit;

import io.dynamo4j.server.awssdk.InProcessHttpClient;
import io.dynamo4j.spi.Engine;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The AWS SDK for Java v2 clients of one test, answered in process by the server module's HTTP
 * client. Only this class names SDK types: the extension loads it only when a test asks for one
 * of them, so the SDK and the server module stay optional. Thread-safe.
 */
final class AwsSdkClients implements AutoCloseable {

  static final String CLIENT = "software.amazon.awssdk.services.dynamodb.DynamoDbClient";
  static final String ENHANCED_CLIENT = "software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient";
  private static final String IN_PROCESS = "io.dynamo4j.server.awssdk.InProcessHttpClient";

  private final DynamoDbClient client;
  private volatile DynamoDbEnhancedClient enhanced;

  AwsSdkClients(Engine engine, String region) {
    this.client = DynamoDbClient.builder()
        .httpClient(InProcessHttpClient.create(engine))
        .endpointOverride(URI.create("http://dynamo4j.local")) // never contacted
        .region(Region.of(region))
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("dynamo4j", "dynamo4j")))
        .build();
  }

  /** Whether {@code typeName} is an SDK client this class makes. */
  static boolean isClientType(String typeName) {
    return typeName.equals(CLIENT) || typeName.equals(ENHANCED_CLIENT);
  }

  /**
   * Why SDK clients cannot be made here, or null if they can: the server module and the SDK (with
   * the enhanced client, for that one) must be on the class path.
   */
  static String unavailable(String typeName, ClassLoader loader) {
    for (String needed : new String[] {IN_PROCESS, typeName}) {
      try {
        Class.forName(needed, false, loader);
      } catch (ClassNotFoundException | LinkageError e) {
        return "a " + typeName.substring(typeName.lastIndexOf('.') + 1) + " needs " + needed + " on the test class path: "
            + "add io.dynamo4j:server and software.amazon.awssdk:" + (typeName.equals(ENHANCED_CLIENT)
            ? "dynamodb-enhanced" : "dynamodb") + " as test dependencies";
      }
    }
    return null;
  }

  Object get(String typeName) {
    if (typeName.equals(CLIENT)) {
      return client;
    }
    DynamoDbEnhancedClient e = enhanced;
    if (e == null) {
      synchronized (this) {
        e = enhanced;
        if (e == null) {
          e = DynamoDbEnhancedClient.builder().dynamoDbClient(client).build();
          enhanced = e;
        }
      }
    }
    return e;
  }

  @Override
  public void close() {
    client.close();
  }
}
