package io.dynamo4j.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** A hand-driven HTTP/1.1 connection, for sending what no well-behaved client sends. */
final class RawHttp implements AutoCloseable {

  static final String AUTH = "AWS4-HMAC-SHA256 Credential=AKIDRAW/20260101/us-east-1/dynamodb/aws4_request, "
      + "SignedHeaders=host;x-amz-date;x-amz-target, Signature=00";

  /** A parsed response; {@code body} is as sent. */
  record Response(int status, Map<String, String> headers, byte[] body) {
    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;

  RawHttp(InetSocketAddress address) throws IOException {
    socket = new Socket();
    socket.connect(address, 5000);
    socket.setSoTimeout(15_000);
    in = socket.getInputStream();
    out = socket.getOutputStream();
  }

  /** The head of a signed DynamoDB request for {@code operation} (null: no target), ending before the blank line. */
  static String head(String operation, long contentLength) {
    return "POST / HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-amz-json-1.0\r\n"
        + (operation == null ? "" : "X-Amz-Target: DynamoDB_20120810." + operation + "\r\n")
        + "X-Amz-Date: 20260101T000000Z\r\nAuthorization: " + AUTH + "\r\n"
        + (contentLength >= 0 ? "Content-Length: " + contentLength + "\r\n" : "");
  }

  /** A whole signed request for {@code operation} with {@code json}. */
  static byte[] request(String operation, String json) {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    return concat((head(operation, body.length) + "\r\n").getBytes(StandardCharsets.US_ASCII), body);
  }

  RawHttp send(byte[] bytes) throws IOException {
    out.write(bytes);
    out.flush();
    return this;
  }

  RawHttp send(String ascii) throws IOException {
    return send(ascii.getBytes(StandardCharsets.UTF_8));
  }

  void shutdownOutput() throws IOException {
    socket.shutdownOutput();
  }

  /** Reads one response (Content-Length framed). */
  Response read() throws IOException {
    String statusLine = line();
    if (statusLine == null) {
      throw new IOException("connection closed before a response");
    }
    int status = Integer.parseInt(statusLine.split(" ")[1]);
    Map<String, String> headers = new LinkedHashMap<>();
    for (String l = line(); l != null && !l.isEmpty(); l = line()) {
      int colon = l.indexOf(':');
      headers.put(l.substring(0, colon).trim().toLowerCase(Locale.ROOT), l.substring(colon + 1).trim());
    }
    int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
    byte[] body = in.readNBytes(length);
    if (status == 100) {
      return read();
    }
    return new Response(status, headers, body);
  }

  /** Reads a 100 Continue (or whatever comes first) without skipping it. */
  int readStatusOnly() throws IOException {
    String statusLine = line();
    for (String l = line(); l != null && !l.isEmpty(); l = line()) {
      // headers of an interim response
    }
    return Integer.parseInt(statusLine.split(" ")[1]);
  }

  /** Whether the server closed the connection (reads until end of stream). */
  boolean closedByServer() throws IOException {
    try {
      return in.read() < 0;
    } catch (java.net.SocketException e) {
      return true;
    }
  }

  private String line() throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    int c;
    while ((c = in.read()) >= 0) {
      if (c == '\n') {
        break;
      }
      if (c != '\r') {
        b.write(c);
      }
    }
    if (c < 0 && b.size() == 0) {
      return null;
    }
    return b.toString(StandardCharsets.ISO_8859_1);
  }

  static byte[] concat(byte[] a, byte[] b) {
    byte[] c = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, c, a.length, b.length);
    return c;
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
