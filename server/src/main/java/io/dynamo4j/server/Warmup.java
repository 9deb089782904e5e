package io.dynamo4j.server;

import io.dynamo4j.engine.LocalEngine;
import io.dynamo4j.engine.memory.MemoryEngine;
import io.dynamo4j.server.protocol.DynamoProtocol;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Loads and runs the request path once, on a throwaway engine and a channel with no socket, while
 * the launcher binds its port: the first real request then finds the HTTP codec, the wire codec
 * and the engine's classes loaded. It touches no state of the real server and opens no connection.
 *
 * <p>Thread-safe: each run uses only its own objects.
 */
final class Warmup {

  private static final String TABLE = "{\"TableName\":\"warmup\",\"KeySchema\":[{\"AttributeName\":\"id\",\"KeyType\":\"HASH\"}],"
      + "\"AttributeDefinitions\":[{\"AttributeName\":\"id\",\"AttributeType\":\"S\"}],\"BillingMode\":\"PAY_PER_REQUEST\"}";

  private Warmup() {}

  /** Runs the warm-up on a low-priority daemon thread. */
  static void inBackground() {
    Thread t = new Thread(Warmup::run, "dynamo4j-warmup");
    t.setDaemon(true);
    t.setPriority(Thread.MIN_PRIORITY);
    t.start();
  }

  static void run() {
    try (LocalEngine engine = MemoryEngine.create(); DynamoProtocol protocol = DynamoProtocol.of(engine)) {
      EmbeddedChannel channel = new EmbeddedChannel(new HttpServerCodec(),
          new ConnectionHandler(protocol, Duration.ofSeconds(10), new ServerState()));
      send(channel, "CreateTable", TABLE);
      send(channel, "PutItem", "{\"TableName\":\"warmup\",\"Item\":{\"id\":{\"S\":\"1\"},\"n\":{\"N\":\"1\"}}}");
      send(channel, "GetItem", "{\"TableName\":\"warmup\",\"Key\":{\"id\":{\"S\":\"1\"}}}");
      send(channel, "DescribeTable", "{\"TableName\":\"missing\"}");
      send(channel, "ListTables", "{}");
      channel.finishAndReleaseAll();
    } catch (RuntimeException | LinkageError e) {
      // Best effort: the real requests load whatever this did not.
    }
  }

  private static void send(EmbeddedChannel channel, String operation, String json) {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    String head = "POST / HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-amz-json-1.0\r\n"
        + "X-Amz-Target: DynamoDB_20120810." + operation + "\r\nX-Amz-Date: 20260101T000000Z\r\n"
        + "Authorization: AWS4-HMAC-SHA256 Credential=warmup/20260101/us-east-1/dynamodb/aws4_request, "
        + "SignedHeaders=host, Signature=0\r\nContent-Length: " + body.length + "\r\n\r\n";
    channel.writeInbound(Unpooled.wrappedBuffer(head.getBytes(StandardCharsets.US_ASCII), body));
    for (Object out = channel.readOutbound(); out != null; out = channel.readOutbound()) {
      ReferenceCountUtil.release(out);
    }
  }
}
