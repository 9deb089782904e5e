package io.dynamo4j.server.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dynamo4j.error.DynamoException;
import io.dynamo4j.error.SerializationException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EncodingsTest {

  /** DynamoDB's choices, as observed against the real service (none = not compressed). */
  @ParameterizedTest(name = "[{0}] -> {1}")
  @CsvSource(delimiter = '|', nullValues = "none", value = {
    "gzip|gzip",
    "deflate|deflate",
    "identity|none",
    "''|none",
    "br|none",
    "x-gzip|none",
    "gzip, deflate|gzip",
    "br, identity, deflate, gzip|deflate",
    "GZIP, identity|gzip",
    "dog, gzip ,, cat|gzip",
    "gzip;q=0.8, deflate;q=0.5|gzip",
    "br, gzip;q=0, deflate; q = 0.5 , identity;q=0|deflate",
    "*|gzip",
    "*, deflate;q=0.5|gzip",
    "*, deflate|deflate",
    "*, identity|gzip",
    "*, gzip;q=0.5|deflate",
    "gzip ;q=0|none",
    "identity;q=0|none",
    "*;q=0|none",
    "*;q=0.5,identity|gzip",
    "gzip;q=0.5,identity;q=0.8|gzip",
    "br;q=0.8,identity;q=0.5,*;q=0|none",
    "\"gzip\"|none",
    "gzip br|none",
    "gzip:q=1|none",
    "deflate;q=0.5, gzip;q=31|gzip",
    "gzip;q=31,deflate;q=51|gzip",
    "deflate;q=0.5, gzip;q=0.2|deflate",
    "deflate;q=0.5, gzip;q=1;q=0.2|gzip",
    "deflate;q=0.5,gzip;q=0.|deflate",
    "deflate;q=0.5,gzip;q=0.x|gzip",
    "deflate;q=-0.5,gzip;q=0.2|gzip",
    "gzip;nq=1;q=0 |none",
    "gzip;q=0, gzip;q=1, gzip;q=0|gzip",
    "br,identity;q=0.5,gzip;q=0.0001|gzip"
  })
  void negotiate_acceptEncoding_choosesAsDynamoDb(String acceptEncoding, String expected) {
    assertThat(Encodings.negotiate(acceptEncoding)).isEqualTo(expected);
  }

  @Test
  void decodeRequest_concatenatedGzipMembers_areOneBody() throws IOException {
    byte[] body = concat(gzip("{\"TableName\":"), gzip("\"T\"}"));
    assertThat(new String(Encodings.decodeRequest("gzip", body, 1000), StandardCharsets.UTF_8)).isEqualTo("{\"TableName\":\"T\"}");
  }

  @Test
  void decodeRequest_identityOrAbsent_isTheBodyItself() {
    byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
    assertThat(Encodings.decodeRequest(null, body, 10)).isSameAs(body);
    assertThat(Encodings.decodeRequest("identity", body, 10)).isSameAs(body);
  }

  @Test
  void decodeRequest_truncatedOrEmptyGzip_serializationException() throws IOException {
    byte[] whole = gzip("{\"TableName\":\"Tbl\"}");
    assertThatThrownBy(() -> Encodings.decodeRequest("gzip", Arrays.copyOf(whole, whole.length - 1), 1000))
        .isInstanceOf(SerializationException.class).hasMessageStartingWith("The request body is not valid gzip");
    assertThatThrownBy(() -> Encodings.decodeRequest("gzip", new byte[0], 1000)).isInstanceOf(SerializationException.class);
  }

  @Test
  void decodeRequest_inflatingPastTheLimit_413() throws IOException {
    byte[] bomb = gzip(" ".repeat(100_000));
    assertThatThrownBy(() -> Encodings.decodeRequest("gzip", bomb, 50_000))
        .isInstanceOfSatisfying(DynamoException.class, e -> {
          assertThat(e.statusCode()).isEqualTo(413);
          assertThat(e.errorCode()).isEqualTo("RequestEntityTooLargeException");
        });
  }

  static byte[] gzip(String s) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream z = new GZIPOutputStream(out)) {
      z.write(s.getBytes(StandardCharsets.UTF_8));
    }
    return out.toByteArray();
  }

  static byte[] concat(byte[] a, byte[] b) {
    byte[] c = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, c, a.length, b.length);
    return c;
  }
}
