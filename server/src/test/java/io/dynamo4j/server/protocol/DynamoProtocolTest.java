package io.dynamo4j.server.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.dynamo4j.api.TagResourceResponse;
import io.dynamo4j.engine.LocalEngine;
import io.dynamo4j.engine.memory.MemoryEngine;
import io.dynamo4j.spi.Engine;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.InflaterInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DynamoProtocolTest {

  static final String AUTH = "AWS4-HMAC-SHA256 Credential=AKIDONE/20260101/us-east-1/dynamodb/aws4_request, "
      + "SignedHeaders=host;x-amz-date;x-amz-target, Signature=0123abcd";
  static final String TABLE = "{\"TableName\":\"Tbl\",\"KeySchema\":[{\"AttributeName\":\"id\",\"KeyType\":\"HASH\"}],"
      + "\"AttributeDefinitions\":[{\"AttributeName\":\"id\",\"AttributeType\":\"S\"}],\"BillingMode\":\"PAY_PER_REQUEST\"}";

  private LocalEngine engine;
  private DynamoProtocol protocol;

  @BeforeEach
  void setUp() {
    engine = MemoryEngine.create();
    protocol = DynamoProtocol.of(engine);
  }

  @AfterEach
  void tearDown() {
    protocol.close();
    engine.close();
  }

  static Map<String, String> headers(String operation) {
    Map<String, String> h = new HashMap<>();
    h.put("Content-Type", "application/x-amz-json-1.0");
    h.put("X-Amz-Target", "DynamoDB_20120810." + operation);
    h.put("Authorization", AUTH);
    h.put("X-Amz-Date", "20260101T000000Z");
    return h;
  }

  DynamoProtocol.Response post(String operation, String body) {
    return protocol.handle(DynamoProtocol.Request.of("POST", "/", headers(operation), utf8(body)));
  }

  DynamoProtocol.Response post(Map<String, String> headers, byte[] body) {
    return protocol.handle(DynamoProtocol.Request.of("POST", "/", headers, body));
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static String text(DynamoProtocol.Response r) {
    return new String(r.body(), StandardCharsets.UTF_8);
  }

  @Test
  void handle_createTablePutGet_answersWithDynamoDbsJsonAndHeaders() {
    assertThat(post("CreateTable", TABLE).status()).isEqualTo(200);
    assertThat(post("PutItem", "{\"TableName\":\"Tbl\",\"Item\":{\"id\":{\"S\":\"1\"},\"n\":{\"N\":\"2.50\"}}}").status())
        .isEqualTo(200);

    DynamoProtocol.Response got = post("GetItem", "{\"TableName\":\"Tbl\",\"Key\":{\"id\":{\"S\":\"1\"}}}");

    assertThat(got.status()).isEqualTo(200);
    assertThat(text(got)).isEqualTo("{\"Item\":{\"id\":{\"S\":\"1\"},\"n\":{\"N\":\"2.5\"}}}");
    assertThat(got.header("Content-Type")).isEqualTo("application/x-amz-json-1.0");
    assertThat(got.header("x-amzn-RequestId")).matches("[A-Z0-9]{52}");
    CRC32 crc = new CRC32();
    crc.update(got.body());
    assertThat(got.header("x-amz-crc32")).isEqualTo(Long.toString(crc.getValue()));
  }

  @Test
  void handle_applicationJson_isAcceptedAndEchoed() {
    Map<String, String> h = headers("CreateTable");
    h.put("Content-Type", "application/json; charset=utf-8");
    DynamoProtocol.Response r = post(h, utf8(TABLE));
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.header("Content-Type")).isEqualTo("application/json");
  }

  @Test
  void handle_requestIds_areUnique() {
    assertThat(post("DescribeTable", "{\"TableName\":\"xyz\"}").header("x-amzn-RequestId"))
        .isNotEqualTo(post("DescribeTable", "{\"TableName\":\"xyz\"}").header("x-amzn-RequestId"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "DynamoDB_20120810.Foo",
    "DynamoDB_20111205.ListTables",
    "ListTables",
    "DynamoDBStreams_20120810.PutItem",
    "''"
  })
  void handle_unknownTarget_unknownOperationException(String target) {
    Map<String, String> h = headers("x");
    h.put("X-Amz-Target", target);
    DynamoProtocol.Response r = post(h, utf8("{}"));
    assertThat(r.status()).isEqualTo(400);
    assertThat(text(r)).isEqualTo("{\"__type\":\"com.amazon.coral.service#UnknownOperationException\"}");
  }

  @Test
  void handle_missingTarget_unknownOperationException() {
    Map<String, String> h = headers("x");
    h.remove("X-Amz-Target");
    DynamoProtocol.Response r = post(h, utf8("{}"));
    assertThat(r.status()).isEqualTo(400);
    assertThat(text(r)).contains("#UnknownOperationException");
  }

  @Test
  void handle_noAuthorization_missingAuthenticationToken() {
    Map<String, String> h = headers("ListTables");
    h.remove("Authorization");
    DynamoProtocol.Response r = post(h, utf8("{}"));
    assertThat(r.status()).isEqualTo(400);
    assertThat(text(r)).isEqualTo("{\"__type\":\"com.amazon.coral.service#MissingAuthenticationTokenException\","
        + "\"message\":\"Request is missing Authentication Token\"}");
  }

  @Test
  void handle_incompleteAuthorization_incompleteSignatureNamingWhatIsMissing() {
    Map<String, String> h = headers("ListTables");
    h.put("Authorization", "AWS4-HMAC-SHA256 Credential=AKID/20260101/us-east-1/dynamodb/aws4_request");
    h.remove("X-Amz-Date");
    DynamoProtocol.Response r = post(h, utf8("{}"));
    assertThat(r.status()).isEqualTo(400);
    assertThat(text(r)).isEqualTo("{\"__type\":\"com.amazon.coral.service#IncompleteSignatureException\",\"message\":"
        + "\"Authorization header requires 'Signature' parameter. Authorization header requires 'SignedHeaders' parameter. "
        + "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. "
        + "Authorization=AWS4-HMAC-SHA256 Credential=AKID/20260101/us-east-1/dynamodb/aws4_request\"}");
  }

  @Test
  void handle_emptyBody_serializationException() {
    DynamoProtocol.Response r = post("ListTables", "");
    assertThat(r.status()).isEqualTo(400);
    assertThat(text(r)).isEqualTo("{\"__type\":\"com.amazon.coral.service#SerializationException\"}");
  }

  @ParameterizedTest
  @ValueSource(strings = {"{", "{\"TableName\":", "not json", "[]", "{\"TableName\":\"Tbl\"}}", "\"x\"", "{\"Key\":{\"id\":{\"S\":"})
  void handle_malformedOrTruncatedJson_serializationException400(String body) {
    DynamoProtocol.Response r = post("GetItem", body);
    assertThat(r.status()).isEqualTo(400);
    assertThat(text(r)).startsWith("{\"__type\":\"com.amazon.coral.service#SerializationException\"");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "{\"TableName\":1}|class com.amazon.coral.value.json.numbers.TruncatingBigNumber can not be converted to an String",
    "{\"TableName\":\"Tbl\",\"Key\":[]}|Start of list found where not expected",
    "{\"TableName\":\"Tbl\",\"ConsistentRead\":\"yes\"}|class java.lang.String can not be converted to an Boolean"
  })
  void handle_wrongMemberTypes_serializationExceptionWithDynamoDbsText(String body, String message) {
    DynamoProtocol.Response r = post("GetItem", body);
    assertThat(r.status()).isEqualTo(400);
    assertThat(text(r)).isEqualTo("{\"__type\":\"com.amazon.coral.service#SerializationException\",\"message\":\"" + message + "\"}");
  }

  @Test
  void handle_invalidValue_validationException() {
    DynamoProtocol.Response r = post("PutItem", "{\"TableName\":\"Tbl\",\"Item\":{\"id\":{\"N\":\"x\"}}}");
    assertThat(r.status()).isEqualTo(400);
    assertThat(text(r)).startsWith("{\"__type\":\"com.amazon.coral.validate#ValidationException\"");
  }

  @Test
  void handle_unknownMembers_areIgnoredAsDynamoDbDoes() {
    post("CreateTable", TABLE);
    DynamoProtocol.Response r = post("DescribeTable", "{\"TableName\":\"Tbl\",\"Bogus\":{\"deep\":[1,{\"x\":null}]},\"Other\":3}");
    assertThat(r.status()).isEqualTo(200);
    assertThat(text(r)).contains("\"TableName\":\"Tbl\"");
  }

  @Test
  void handle_engineErrors_keepDynamoDbsTypeStatusAndMessage() {
    DynamoProtocol.Response r = post("DescribeTable", "{\"TableName\":\"nope\"}");
    assertThat(r.status()).isEqualTo(400);
    assertThat(text(r)).isEqualTo("{\"__type\":\"com.amazonaws.dynamodb.v20120810#ResourceNotFoundException\","
        + "\"message\":\"Requested resource not found: Table: nope not found\"}");
  }

  @Test
  void handle_engineWithoutTheOperation_unknownOperationExceptionWithItsMessage() {
    DynamoProtocol p = DynamoProtocol.of(engineThrowing(new UnsupportedOperationException("UpdateTable is not implemented yet")));
    DynamoProtocol.Response r = p.handle(DynamoProtocol.Request.of("POST", "/", headers("UpdateTable"), utf8("{\"TableName\":\"Tbl\"}")));
    assertThat(r.status()).isEqualTo(400);
    assertThat(text(r)).isEqualTo("{\"__type\":\"com.amazon.coral.service#UnknownOperationException\","
        + "\"message\":\"UpdateTable is not implemented yet\"}");
  }

  @ParameterizedTest
  @ValueSource(strings = {"npe", "illegal-state", "assertion", "stack-overflow"})
  void handle_engineBug_internalServerError500(String kind) {
    Throwable bug = switch (kind) {
      case "npe" -> new NullPointerException();
      case "illegal-state" -> new IllegalStateException("broken invariant");
      case "assertion" -> new AssertionError("unreachable");
      default -> new StackOverflowError();
    };
    DynamoProtocol p = DynamoProtocol.of(engineThrowing(bug));
    DynamoProtocol.Response r = p.handle(DynamoProtocol.Request.of("POST", "/", headers("Scan"), utf8("{\"TableName\":\"Tbl\"}")));
    assertThat(r.status()).isEqualTo(500);
    assertThat(text(r)).isEqualTo("{\"__type\":\"com.amazonaws.dynamodb.v20120810#InternalServerError\","
        + "\"message\":\"The server encountered an internal error trying to fulfill the request.\"}");
  }

  @Test
  void handle_responseTheCodecCannotWrite_internalServerErrorNotADroppedConnection() {
    Engine broken = (Engine) Proxy.newProxyInstance(Engine.class.getClassLoader(), new Class<?>[] {Engine.class},
        (proxy, method, args) -> null);
    DynamoProtocol.Response r = DynamoProtocol.of(broken)
        .handle(DynamoProtocol.Request.of("POST", "/", headers("DescribeTable"), utf8("{\"TableName\":\"Tbl\"}")));
    assertThat(r.status()).isEqualTo(500);
    assertThat(text(r)).contains("#InternalServerError");
  }

  @Test
  void handle_tagResource_answersWithAnEmptyBodyAsDynamoDb() {
    Engine tagging = (Engine) Proxy.newProxyInstance(Engine.class.getClassLoader(), new Class<?>[] {Engine.class},
        (proxy, method, args) -> method.getName().equals("tagResource") ? TagResourceResponse.builder().build() : null);
    DynamoProtocol p = DynamoProtocol.of(tagging);
    DynamoProtocol.Response r = p.handle(DynamoProtocol.Request.of("POST", "/", headers("TagResource"),
        utf8("{\"ResourceArn\":\"arn:aws:dynamodb:us-east-1:000000000000:table/T\",\"Tags\":[{\"Key\":\"k\",\"Value\":\"v\"}]}")));
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body()).isEmpty();
    assertThat(r.header("x-amz-crc32")).isEqualTo("0");
  }

  @Test
  void handle_streamsTarget_dispatchesToTheStreamsOperation() {
    List<String> called = new ArrayList<>();
    Engine recording = (Engine) Proxy.newProxyInstance(Engine.class.getClassLoader(), new Class<?>[] {Engine.class},
        (proxy, method, args) -> {
          called.add(method.getName());
          throw new UnsupportedOperationException("no streams");
        });
    Map<String, String> h = headers("x");
    h.put("X-Amz-Target", "DynamoDBStreams_20120810.ListStreams");
    DynamoProtocol.of(recording).handle(DynamoProtocol.Request.of("POST", "/", h, utf8("{}")));
    assertThat(called).containsExactly("listStreams");
  }

  @Test
  void handle_gzipRequestBody_isInflated() throws IOException {
    Map<String, String> h = headers("CreateTable");
    h.put("Content-Encoding", "gzip");
    assertThat(post(h, gzip(utf8(TABLE))).status()).isEqualTo(200);
    assertThat(post("DescribeTable", "{\"TableName\":\"Tbl\"}").status()).isEqualTo(200);
  }

  @Test
  void handle_brokenGzipOrUnknownEncoding_serializationException400() {
    Map<String, String> h = headers("CreateTable");
    h.put("Content-Encoding", "gzip");
    assertThat(post(h, utf8(TABLE)).status()).isEqualTo(400);
    h.put("Content-Encoding", "br");
    DynamoProtocol.Response r = post(h, utf8(TABLE));
    assertThat(r.status()).isEqualTo(400);
    assertThat(text(r)).isEqualTo("{\"__type\":\"com.amazon.coral.service#SerializationException\",\"message\":\"Unsupported Content-Encoding: br\"}");
  }

  @Test
  void handle_gzipBodyInflatingPastTheLimit_413() throws IOException {
    DynamoProtocol small = DynamoProtocol.builder().engine(engine).maxRequestBytes(10_000).build();
    Map<String, String> h = headers("CreateTable");
    h.put("Content-Encoding", "gzip");
    byte[] padded = utf8(TABLE.replace("}", " ".repeat(20_000) + "}"));
    DynamoProtocol.Response r = small.handle(DynamoProtocol.Request.of("POST", "/", h, gzip(padded)));
    assertThat(r.status()).isEqualTo(413);
    assertThat(text(r)).contains("#RequestEntityTooLargeException");
  }

  @Test
  void handle_largeResponseAndAcceptEncoding_compressesAndCrcCoversCompressedBytes() throws IOException {
    post("CreateTable", TABLE);
    String big = "y".repeat(10_000);
    post("PutItem", "{\"TableName\":\"Tbl\",\"Item\":{\"id\":{\"S\":\"1\"},\"t\":{\"S\":\"" + big + "\"}}}");
    for (String coding : List.of("gzip", "deflate")) {
      Map<String, String> h = headers("GetItem");
      h.put("Accept-Encoding", coding);
      DynamoProtocol.Response r = post(h, utf8("{\"TableName\":\"Tbl\",\"Key\":{\"id\":{\"S\":\"1\"}}}"));
      assertThat(r.header("Content-Encoding")).isEqualTo(coding);
      CRC32 crc = new CRC32();
      crc.update(r.body());
      assertThat(r.header("x-amz-crc32")).isEqualTo(Long.toString(crc.getValue()));
      byte[] plain = (coding.equals("gzip") ? new GZIPInputStream(new ByteArrayInputStream(r.body()))
          : new InflaterInputStream(new ByteArrayInputStream(r.body()))).readAllBytes();
      assertThat(new String(plain, StandardCharsets.UTF_8)).contains(big);
    }
  }

  @Test
  void handle_smallResponse_isNotCompressedEvenWhenAccepted() {
    Map<String, String> h = headers("DescribeTable");
    h.put("Accept-Encoding", "gzip");
    DynamoProtocol.Response r = post(h, utf8("{\"TableName\":\"nope\"}"));
    assertThat(r.header("Content-Encoding")).isNull();
  }

  @Test
  void handle_get_answersDynamoDbsHealthCheck() {
    DynamoProtocol.Response r = protocol.handle(DynamoProtocol.Request.of("GET", "/", Map.of(), null));
    assertThat(r.status()).isEqualTo(200);
    assertThat(text(r)).isEqualTo("healthy: dynamodb.us-east-1.amazonaws.com ");
  }

  @ParameterizedTest
  @ValueSource(strings = {"PUT", "DELETE", "PATCH"})
  void handle_otherMethods_404UnknownOperation(String method) {
    DynamoProtocol.Response r = protocol.handle(DynamoProtocol.Request.of(method, "/", headers("ListTables"), utf8("{}")));
    assertThat(r.status()).isEqualTo(404);
    assertThat(text(r)).isEqualTo("<UnknownOperationException/>\n");
  }

  @Test
  void handle_bodyOfAnotherContentType_404AsDynamoDb() {
    Map<String, String> h = headers("ListTables");
    h.put("Content-Type", "text/plain");
    assertThat(post(h, utf8("{}")).status()).isEqualTo(404);
  }

  @Test
  void handle_corsPreflight_allowsAnyOriginByDefault() {
    DynamoProtocol.Response r = protocol.handle(DynamoProtocol.Request.of("OPTIONS", "/", Map.of(
        "Origin", "http://localhost:3000", "Access-Control-Request-Method", "POST",
        "Access-Control-Request-Headers", "content-type,x-amz-target,authorization"), null));
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.header("Access-Control-Allow-Origin")).isEqualTo("*");
    assertThat(r.header("Access-Control-Allow-Methods")).contains("POST");
    assertThat(r.header("Access-Control-Allow-Headers")).isEqualTo("content-type,x-amz-target,authorization");
    Map<String, String> h = headers("DescribeTable");
    h.put("Origin", "http://localhost:3000");
    DynamoProtocol.Response actual = post(h, utf8("{\"TableName\":\"xyz\"}"));
    assertThat(actual.header("Access-Control-Allow-Origin")).isEqualTo("*");
    assertThat(actual.header("Access-Control-Expose-Headers")).contains("x-amzn-RequestId");
  }

  @Test
  void handle_corsWithListedOrigins_echoesOnlyThose() {
    DynamoProtocol p = DynamoProtocol.builder().engine(engine).corsOrigins("http://admin.local").build();
    Map<String, String> h = headers("DescribeTable");
    h.put("Origin", "http://admin.local");
    assertThat(p.handle(DynamoProtocol.Request.of("POST", "/", h, utf8("{\"TableName\":\"xyz\"}"))).header("Access-Control-Allow-Origin"))
        .isEqualTo("http://admin.local");
    h.put("Origin", "http://evil.example");
    assertThat(p.handle(DynamoProtocol.Request.of("POST", "/", h, utf8("{\"TableName\":\"xyz\"}"))).header("Access-Control-Allow-Origin"))
        .isNull();
  }

  @Test
  void handle_corsOff_sendsNoCorsHeaders() {
    DynamoProtocol p = DynamoProtocol.builder().engine(engine).corsOrigins().build();
    DynamoProtocol.Response r = p.handle(DynamoProtocol.Request.of("OPTIONS", "/", Map.of("Origin", "http://x"), null));
    assertThat(r.headers()).doesNotContainKey("Access-Control-Allow-Origin");
  }

  @Test
  void handle_separateAccounts_keysSeeTheirOwnTablesAndCloseClosesThem() {
    List<LocalEngine> created = new ArrayList<>();
    DynamoProtocol p = DynamoProtocol.builder().accountEngines(key -> {
      LocalEngine e = MemoryEngine.create();
      created.add(e);
      return e;
    }).build();
    Map<String, String> alice = headers("CreateTable");
    Map<String, String> bob = headers("DescribeTable");
    bob.put("Authorization", AUTH.replace("AKIDONE", "AKIDTWO"));
    assertThat(p.handle(DynamoProtocol.Request.of("POST", "/", alice, utf8(TABLE))).status()).isEqualTo(200);

    assertThat(p.handle(DynamoProtocol.Request.of("POST", "/", bob, utf8("{\"TableName\":\"Tbl\"}"))).status()).isEqualTo(400);
    Map<String, String> aliceDescribes = headers("DescribeTable");
    assertThat(p.handle(DynamoProtocol.Request.of("POST", "/", aliceDescribes, utf8("{\"TableName\":\"Tbl\"}"))).status())
        .isEqualTo(200);
    assertThat(created).hasSize(2);

    p.close();
    assertThat(p.handle(DynamoProtocol.Request.of("POST", "/", aliceDescribes, utf8("{\"TableName\":\"Tbl\"}"))).status())
        .isEqualTo(503);
  }

  @Test
  void transportFailure_hasDynamoDbsShapeAndStatus() {
    assertThat(protocol.transportFailure(DynamoProtocol.TransportFailure.REQUEST_TOO_LARGE).status()).isEqualTo(413);
    assertThat(protocol.transportFailure(DynamoProtocol.TransportFailure.REQUEST_TIMEOUT).status()).isEqualTo(408);
    DynamoProtocol.Response r = protocol.transportFailure(DynamoProtocol.TransportFailure.MALFORMED_HTTP);
    assertThat(r.status()).isEqualTo(400);
    assertThat(text(r)).startsWith("{\"__type\":\"com.amazon.coral.service#");
    assertThat(r.header("x-amzn-RequestId")).hasSize(52);
  }

  static Engine engineThrowing(Throwable t) {
    return (Engine) Proxy.newProxyInstance(Engine.class.getClassLoader(), new Class<?>[] {Engine.class},
        (proxy, method, args) -> {
          if (method.getName().equals("close")) {
            return null;
          }
          throw t;
        });
  }

  static byte[] gzip(byte[] data) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream z = new GZIPOutputStream(out)) {
      z.write(data);
    }
    return out.toByteArray();
  }
}
