package io.dynamo4j.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.dynamo4j.engine.LocalEngine;
import io.dynamo4j.engine.memory.MemoryEngine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Input no well-behaved client sends, over real sockets: each gets a DynamoDB-shaped 4xx (or, for
 * unknown members, the answer DynamoDB gives: they are ignored), and after each the server still
 * answers ({@link #serverStillServes()} runs after every test).
 */
class HostileInputIT {

  private static final String TABLE = "{\"TableName\":\"hostile\",\"KeySchema\":[{\"AttributeName\":\"id\",\"KeyType\":\"HASH\"}],"
      + "\"AttributeDefinitions\":[{\"AttributeName\":\"id\",\"AttributeType\":\"S\"}],\"BillingMode\":\"PAY_PER_REQUEST\"}";
  private static final String GET = "{\"TableName\":\"hostile\",\"Key\":{\"id\":{\"S\":\"1\"}}}";
  private static final int LIMIT = 16 * 1024 * 1024;

  private static LocalEngine engine;
  private static DynamoServer server;

  @BeforeAll
  static void start() throws IOException {
    engine = MemoryEngine.create();
    server = DynamoServer.builder().engine(engine).port(0).requestTimeout(Duration.ofMillis(700)).start();
    try (RawHttp c = connect()) {
      assertThat(c.send(RawHttp.request("CreateTable", TABLE)).read().status()).isEqualTo(200);
      assertThat(c.send(RawHttp.request("PutItem", "{\"TableName\":\"hostile\",\"Item\":{\"id\":{\"S\":\"1\"}}}")).read().status())
          .isEqualTo(200);
    }
  }

  @AfterAll
  static void stop() {
    server.close();
    engine.close();
  }

  @AfterEach
  void serverStillServes() throws IOException {
    try (RawHttp c = connect()) {
      RawHttp.Response r = c.send(RawHttp.request("GetItem", GET)).read();
      assertThat(r.status()).isEqualTo(200);
      assertThat(r.text()).isEqualTo("{\"Item\":{\"id\":{\"S\":\"1\"}}}");
    }
  }

  private static RawHttp connect() throws IOException {
    return new RawHttp(server.address());
  }

  private static void assertDynamoError(RawHttp.Response r, int status, String type) {
    assertThat(r.status()).as(r.text()).isEqualTo(status);
    assertThat(r.header("Content-Type")).isEqualTo("application/x-amz-json-1.0");
    assertThat(r.header("x-amzn-RequestId")).hasSize(52);
    assertThat(r.header("x-amz-crc32")).isNotBlank();
    assertThat(r.text()).startsWith("{\"__type\":\"" + type + "\"");
  }

  @ParameterizedTest
  @ValueSource(strings = {"{", "}{", "habababa", "7", "[1,2]", "{\"TableName\" \"x\"}", "{,}", "{{}}", "\"a\": \"b\""})
  void badJson_serializationException_andTheConnectionStaysUsable(String body) throws IOException {
    try (RawHttp c = connect()) {
      assertDynamoError(c.send(RawHttp.request("GetItem", body)).read(), 400, "com.amazon.coral.service#SerializationException");
      assertThat(c.send(RawHttp.request("GetItem", GET)).read().status()).isEqualTo(200);
    }
  }

  @Test
  void deeplyNestedJson_serializationException() throws IOException {
    String deep = "{\"TableName\":\"hostile\",\"Item\":{\"id\":{\"S\":\"2\"},\"x\":" + "{\"L\":[".repeat(5000) + "]}".repeat(5000) + "}}";
    try (RawHttp c = connect()) {
      RawHttp.Response r = c.send(RawHttp.request("PutItem", deep)).read();
      assertThat(r.status()).isEqualTo(400);
      assertThat(r.text()).startsWith("{\"__type\":\"com.amazon.");
    }
  }

  @Test
  void truncatedJson_everyPrefixOfAValidRequest_is4xx() throws IOException {
    try (RawHttp c = connect()) {
      for (int i = 1; i < GET.length(); i++) {
        RawHttp.Response r = c.send(RawHttp.request("GetItem", GET.substring(0, i))).read();
        assertThat(r.status()).as("prefix %d: %s", i, r.text()).isBetween(400, 499);
        assertThat(r.text()).startsWith("{\"__type\":\"com.amazon.");
      }
    }
  }

  @Test
  void truncatedBody_clientClosesBeforeContentLength_serverDropsItAndKeepsServing() throws IOException {
    try (RawHttp c = connect()) {
      c.send(RawHttp.head("GetItem", 500) + "\r\n" + GET);
      c.shutdownOutput();
      assertThat(c.closedByServer()).isTrue();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"TableName\":7}", "{\"TableName\":\"hostile\",\"Key\":[\"id\"]}",
      "{\"TableName\":\"hostile\",\"Key\":{\"id\":{\"S\":\"1\"}},\"ConsistentRead\":\"true\"}"})
  void wrongMemberTypes_serializationException(String body) throws IOException {
    try (RawHttp c = connect()) {
      assertDynamoError(c.send(RawHttp.request("GetItem", body)).read(), 400, "com.amazon.coral.service#SerializationException");
    }
  }

  @Test
  void wrongValue_validationException() throws IOException {
    try (RawHttp c = connect()) {
      assertDynamoError(c.send(RawHttp.request("GetItem", "{\"TableName\":\"hostile\",\"Key\":{\"id\":{\"N\":\"one\"}}}")).read(),
          400, "com.amazon.coral.validate#ValidationException");
    }
  }

  @Test
  void unknownMembers_areIgnoredAsDynamoDbIgnoresThem() throws IOException {
    try (RawHttp c = connect()) {
      RawHttp.Response r = c.send(RawHttp.request("GetItem",
          "{\"TableName\":\"hostile\",\"Key\":{\"id\":{\"S\":\"1\"}},\"Nonsense\":{\"a\":[1,2,{\"b\":null}]},\"More\":true}")).read();
      assertThat(r.status()).isEqualTo(200);
      assertThat(r.text()).isEqualTo("{\"Item\":{\"id\":{\"S\":\"1\"}}}");
    }
  }

  @Test
  void missingTarget_unknownOperationException() throws IOException {
    try (RawHttp c = connect()) {
      assertDynamoError(c.send(RawHttp.request(null, GET)).read(), 400, "com.amazon.coral.service#UnknownOperationException");
    }
  }

  @Test
  void unknownOperation_unknownOperationException() throws IOException {
    try (RawHttp c = connect()) {
      assertDynamoError(c.send(RawHttp.request("DropEverything", "{}")).read(), 400,
          "com.amazon.coral.service#UnknownOperationException");
    }
  }

  @Test
  void missingAuthorization_missingAuthenticationToken() throws IOException {
    try (RawHttp c = connect()) {
      String req = "POST / HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-amz-json-1.0\r\n"
          + "X-Amz-Target: DynamoDB_20120810.GetItem\r\nContent-Length: " + GET.length() + "\r\n\r\n" + GET;
      assertDynamoError(c.send(req).read(), 400, "com.amazon.coral.service#MissingAuthenticationTokenException");
    }
  }

  @Test
  void oversizedBody_declaredLength_413AndClose() throws IOException {
    byte[] body = new byte[LIMIT + 1];
    java.util.Arrays.fill(body, (byte) ' ');
    try (RawHttp c = connect()) {
      c.send((RawHttp.head("PutItem", body.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
      c.send(body);
      RawHttp.Response r = c.read();
      assertDynamoError(r, 413, "com.amazon.coral.service#RequestEntityTooLargeException");
      assertThat(r.header("Connection")).isEqualTo("close");
      assertThat(c.closedByServer()).isTrue();
    }
  }

  @Test
  void oversizedBody_chunked_413() throws IOException {
    byte[] chunk = new byte[1024 * 1024];
    java.util.Arrays.fill(chunk, (byte) ' ');
    byte[] framed = RawHttp.concat((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII),
        RawHttp.concat(chunk, "\r\n".getBytes(StandardCharsets.US_ASCII)));
    try (RawHttp c = connect()) {
      c.send(RawHttp.head("PutItem", -1) + "Transfer-Encoding: chunked\r\n\r\n");
      try {
        for (int i = 0; i < 17; i++) {
          c.send(framed);
        }
        c.send("0\r\n\r\n");
      } catch (IOException e) {
        // the server may have closed once it answered; the answer is what matters
      }
      assertDynamoError(c.read(), 413, "com.amazon.coral.service#RequestEntityTooLargeException");
    }
  }

  @Test
  void oversizedBody_expectContinue_413BeforeTheBodyIsSent() throws IOException {
    try (RawHttp c = connect()) {
      c.send(RawHttp.head("PutItem", LIMIT + 1L) + "Expect: 100-continue\r\n\r\n");
      assertDynamoError(c.read(), 413, "com.amazon.coral.service#RequestEntityTooLargeException");
      assertThat(c.closedByServer()).isTrue();
    }
  }

  @Test
  void expectContinue_smallBody_continueThenAnswer() throws IOException {
    try (RawHttp c = connect()) {
      c.send(RawHttp.head("GetItem", GET.length()) + "Expect: 100-continue\r\n\r\n");
      assertThat(c.readStatusOnly()).isEqualTo(100);
      assertThat(c.send(GET).read().status()).isEqualTo(200);
    }
  }

  @Test
  void slowClient_neverFinishesItsBody_408AfterTheRequestTimeout() throws IOException {
    try (RawHttp c = connect()) {
      c.send(RawHttp.head("GetItem", GET.length()) + "\r\n" + GET.substring(0, 10));
      RawHttp.Response r = c.read();
      assertDynamoError(r, 408, "com.amazon.coral.service#RequestTimeoutException");
      assertThat(c.closedByServer()).isTrue();
    }
  }

  @Test
  void slowClient_trickledHeaders_408() throws IOException, InterruptedException {
    try (RawHttp c = connect()) {
      String head = RawHttp.head("GetItem", GET.length());
      try {
        for (int i = 0; i < head.length(); i++) {
          c.send(head.substring(i, i + 1));
          Thread.sleep(20);
        }
      } catch (IOException e) {
        // the server cut the connection off: what it answered first is checked below
      }
      assertDynamoError(c.read(), 408, "com.amazon.coral.service#RequestTimeoutException");
    }
  }

  @Test
  void malformedHttp_400AndClose() throws IOException {
    try (RawHttp c = connect()) {
      c.send("HELLO THERE\r\n\u0001\u0002 nonsense\r\n\r\n");
      RawHttp.Response r = c.read();
      assertThat(r.status()).isEqualTo(400);
      assertThat(r.text()).startsWith("{\"__type\":\"com.amazon.coral.service#");
    }
  }

  @Test
  void keepAlive_manyRequestsOnOneConnection() throws IOException {
    try (RawHttp c = connect()) {
      for (int i = 0; i < 50; i++) {
        assertThat(c.send(RawHttp.request("GetItem", GET)).read().status()).isEqualTo(200);
      }
    }
  }

  @Test
  void pipelinedRequests_answeredInOrder() throws IOException {
    try (RawHttp c = connect()) {
      c.send(RawHttp.concat(RawHttp.request("GetItem", GET), RawHttp.request("DescribeTable", "{\"TableName\":\"nope\"}")));
      assertThat(c.read().status()).isEqualTo(200);
      assertThat(c.read().text()).contains("ResourceNotFoundException");
    }
  }

  @Test
  void connectionClose_isHonoured() throws IOException {
    try (RawHttp c = connect()) {
      byte[] req = RawHttp.request("GetItem", GET);
      String s = new String(req, StandardCharsets.UTF_8).replace("Host: localhost\r\n", "Host: localhost\r\nConnection: close\r\n");
      RawHttp.Response r = c.send(s).read();
      assertThat(r.status()).isEqualTo(200);
      assertThat(r.header("Connection")).isEqualTo("close");
      assertThat(c.closedByServer()).isTrue();
    }
  }

  @Test
  void thousandConcurrentConnections_everyOneAnswered() throws IOException {
    List<RawHttp> open = new ArrayList<>();
    try {
      for (int i = 0; i < 1000; i++) {
        open.add(connect());
      }
      byte[] request = RawHttp.request("GetItem", GET);
      for (RawHttp c : open) {
        c.send(request);
      }
      for (RawHttp c : open) {
        assertThat(c.read().status()).isEqualTo(200);
      }
    } finally {
      for (RawHttp c : open) {
        c.close();
      }
    }
  }
}
