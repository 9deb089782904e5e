package io.dynamo4j.server.protocol;

import io.dynamo4j.error.SerializationException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Content codings: gzip request bodies in, gzip or deflate response bodies out, chosen from {@code
 * Accept-Encoding} as DynamoDB chooses.
 *
 * <p>DynamoDB's choice: the highest quality value wins; among equals, an encoding named explicitly
 * beats one allowed by {@code *}, and the one named first wins ({@code *} alone means gzip). A
 * quality of zero (or below) refuses; one that is not a number counts as 1, one above 1 as 1.
 * {@code identity} is ignored, unknown names and malformed entries are skipped.
 *
 * <p>Stateless and thread-safe.
 */
final class Encodings {

  static final String GZIP = "gzip";
  static final String DEFLATE = "deflate";

  private Encodings() {}

  /**
   * The body a request with this {@code Content-Encoding} carries, inflated.
   *
   * @throws SerializationException for an unsupported coding or a body that is not what it claims
   * @throws io.dynamo4j.error.DynamoException 413 when the inflated body exceeds {@code limit}
   */
  static byte[] decodeRequest(String contentEncoding, byte[] body, int limit) {
    if (contentEncoding == null) {
      return body;
    }
    String coding = contentEncoding.trim().toLowerCase(Locale.ROOT);
    if (coding.isEmpty() || coding.equals("identity")) {
      return body;
    }
    if (!coding.equals(GZIP)) {
      throw new SerializationException("Unsupported Content-Encoding: " + contentEncoding);
    }
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
      ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(256, body.length * 4));
      byte[] buffer = new byte[8192];
      int n;
      while ((n = in.read(buffer)) > 0) {
        if (out.size() + n > limit) {
          throw ProtocolErrors.requestTooLarge(limit);
        }
        out.write(buffer, 0, n);
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new SerializationException("The request body is not valid gzip: " + e.getMessage());
    }
  }

  /** The coding to compress a response with for this {@code Accept-Encoding}, or null for none. */
  static String negotiate(String acceptEncoding) {
    if (acceptEncoding == null || acceptEncoding.isEmpty()) {
      return null;
    }
    double gzip = -1;
    double deflate = -1;
    int gzipAt = -1;
    int deflateAt = -1;
    double wildcard = -1;
    String[] entries = acceptEncoding.split(",");
    for (int i = 0; i < entries.length; i++) {
      String[] parts = entries[i].split(";");
      String name = parts[0].trim().toLowerCase(Locale.ROOT);
      double q = quality(parts);
      switch (name) {
        case GZIP -> {
          if (q > gzip) {
            gzip = q;
            gzipAt = i;
          }
        }
        case DEFLATE -> {
          if (q > deflate) {
            deflate = q;
            deflateAt = i;
          }
        }
        case "*" -> wildcard = Math.max(wildcard, q);
        default -> { }
      }
    }
    // An encoding not named takes the wildcard's quality, ranked after every named one.
    int last = entries.length;
    if (gzipAt < 0 && wildcard >= 0) {
      gzip = wildcard;
      gzipAt = last;
    }
    if (deflateAt < 0 && wildcard >= 0) {
      deflate = wildcard;
      deflateAt = last + 1;
    }
    if (gzip <= 0 && deflate <= 0) {
      return null;
    }
    if (gzip > deflate || (gzip == deflate && gzipAt < deflateAt)) {
      return GZIP;
    }
    return DEFLATE;
  }

  private static double quality(String[] parts) {
    for (int i = 1; i < parts.length; i++) {
      String p = parts[i].trim();
      int eq = p.indexOf('=');
      if (eq > 0 && p.substring(0, eq).trim().equalsIgnoreCase("q")) {
        try {
          double q = Double.parseDouble(p.substring(eq + 1).trim());
          return Double.isNaN(q) ? 1 : Math.min(q, 1);
        } catch (NumberFormatException e) {
          return 1;
        }
      }
    }
    return 1;
  }

  /** {@code body} compressed with {@code coding} ({@link #GZIP} or {@link #DEFLATE}). */
  static byte[] encode(String coding, byte[] body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 4 + 64);
    try (OutputStream z = coding.equals(GZIP) ? new GZIPOutputStream(out, 8192) : new DeflaterOutputStream(out)) {
      z.write(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
