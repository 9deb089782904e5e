package io.dynamo4j.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dynamo4j.engine.LocalEngine;
import io.dynamo4j.engine.memory.MemoryEngine;
import io.dynamo4j.server.protocol.DynamoProtocol;
import io.dynamo4j.spi.Engine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.InternalServerErrorException;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** Starting, stopping, accounts and engine failures, seen from real clients. */
class ServerLifecycleIT {

  @Test
  void close_requestInProgress_isAnsweredBeforeTheServerStops() throws Exception {
    CountDownLatch inEngine = new CountDownLatch(1);
    try (LocalEngine memory = MemoryEngine.create()) {
      Engine slow = (Engine) Proxy.newProxyInstance(Engine.class.getClassLoader(), new Class<?>[] {Engine.class},
          (proxy, method, args) -> {
            if (method.getName().equals("describeTable")) {
              inEngine.countDown();
              Thread.sleep(500);
            }
            try {
              return method.invoke(memory, args);
            } catch (InvocationTargetException e) {
              throw e.getCause();
            }
          });
      DynamoServer server = DynamoServer.builder().engine(slow).port(0).start();
      CompletableFuture<RawHttp.Response> answer = CompletableFuture.supplyAsync(() -> {
        try (RawHttp c = new RawHttp(server.address())) {
          return c.send(RawHttp.request("DescribeTable", "{\"TableName\":\"tbl\"}")).read();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
      assertThat(inEngine.await(10, TimeUnit.SECONDS)).isTrue();

      server.close();

      RawHttp.Response r = answer.get(10, TimeUnit.SECONDS);
      assertThat(r.status()).isEqualTo(400);
      assertThat(r.text()).contains("ResourceNotFoundException");
      assertThat(r.header("Connection")).isEqualTo("close");
      assertThatThrownBy(() -> new RawHttp(server.address())).isInstanceOf(ConnectException.class);
    }
  }

  @Test
  void start_portTaken_saysWhich() {
    try (LocalEngine engine = MemoryEngine.create(); DynamoServer first = DynamoServer.start(engine)) {
      assertThatThrownBy(() -> DynamoServer.builder().engine(engine).port(first.port()).start())
          .isInstanceOf(UncheckedIOException.class)
          .hasMessageStartingWith("DynamoServer cannot listen on 127.0.0.1:" + first.port());
    }
  }

  @Test
  void get_anyPath_answersTheHealthCheck() throws Exception {
    try (LocalEngine engine = MemoryEngine.create(); DynamoServer server = DynamoServer.start(engine)) {
      HttpResponse<String> r = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(server.endpoint().resolve("/")).GET().build(), HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.body()).isEqualTo("healthy: dynamodb.us-east-1.amazonaws.com ");
      assertThat(r.headers().firstValue("x-amzn-RequestId")).isPresent();
    }
  }

  @Test
  void separateAccounts_twoAccessKeys_seeSeparateTables() {
    DynamoProtocol protocol = DynamoProtocol.builder().accountEngines(key -> MemoryEngine.create()).build();
    try (DynamoServer server = DynamoServer.builder().protocol(protocol).port(0).start();
        DynamoDbClient alice = client(server.endpoint(), "alice");
        DynamoDbClient bob = client(server.endpoint(), "bob")) {
      alice.createTable(c -> c.tableName("mine").keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
          .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
          .billingMode("PAY_PER_REQUEST"));

      assertThat(alice.describeTable(d -> d.tableName("mine")).table().tableName()).isEqualTo("mine");
      assertThatThrownBy(() -> bob.describeTable(d -> d.tableName("mine"))).isInstanceOf(ResourceNotFoundException.class);
    } finally {
      protocol.close();
    }
  }

  @Test
  void engineFailures_notImplementedIsA400NotRetried_bugIsA500RetriedAsDynamoDbs() {
    Engine failing = (Engine) Proxy.newProxyInstance(Engine.class.getClassLoader(), new Class<?>[] {Engine.class},
        (proxy, method, args) -> {
          switch (method.getName()) {
            case "listTables" -> throw new UnsupportedOperationException("ListTables is not implemented yet");
            case "scan" -> throw new IllegalStateException("a bug");
            default -> {
              return null;
            }
          }
        });
    try (DynamoServer server = DynamoServer.start(failing); DynamoDbClient ddb = client(server.endpoint(), "k")) {
      assertThatThrownBy(ddb::listTables).isInstanceOfSatisfying(DynamoDbException.class, e -> {
        assertThat(e.statusCode()).isEqualTo(400);
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("UnknownOperationException");
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("ListTables is not implemented yet");
        assertThat(e.numAttempts()).isEqualTo(1);
      });
      assertThatThrownBy(() -> ddb.scan(s -> s.tableName("tbl"))).isInstanceOfSatisfying(InternalServerErrorException.class, e -> {
        assertThat(e.statusCode()).isEqualTo(500);
        assertThat(e.numAttempts()).isGreaterThan(1);
      });
    }
  }

  private static DynamoDbClient client(URI endpoint, String accessKey) {
    return DynamoDbClient.builder().httpClient(ApacheHttpClient.builder().build()).endpointOverride(endpoint)
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, "secret")))
        .build();
  }
}
