package io.dynamo4j.server.protocol;

import io.dynamo4j.error.IncompleteSignatureException;
import io.dynamo4j.error.MissingAuthenticationTokenException;

/**
 * Reads the access key id from a SigV4 {@code Authorization} header, with DynamoDB's errors for a
 * header that is missing or incomplete. Signatures are not verified (DynamoDB Local does not
 * either): any signed request is accepted, and its access key id names the account.
 *
 * <p>Stateless and thread-safe.
 */
final class Authorization {

  static final String MISSING_TOKEN = "Request is missing Authentication Token";

  private Authorization() {}

  /**
   * The access key id of {@code header}.
   *
   * @param header the {@code Authorization} header, or null
   * @param hasDate whether the request has an {@code X-Amz-Date} or {@code Date} header
   */
  static String accessKeyId(String header, boolean hasDate) {
    if (header == null || !header.trim().startsWith("AWS4-")) {
      throw new MissingAuthenticationTokenException(MISSING_TOKEN);
    }
    String trimmed = header.trim();
    int space = trimmed.indexOf(' ');
    String credential = null;
    boolean signature = false;
    boolean signedHeaders = false;
    if (space > 0) {
      for (String part : trimmed.substring(space + 1).split("[,\\s]+")) {
        int eq = part.indexOf('=');
        if (eq <= 0) {
          continue;
        }
        String key = part.substring(0, eq);
        String value = part.substring(eq + 1);
        switch (key) {
          case "Credential" -> credential = value.isEmpty() ? null : value;
          case "Signature" -> signature = !value.isEmpty();
          case "SignedHeaders" -> signedHeaders = true;
          default -> { }
        }
      }
    }
    StringBuilder missing = new StringBuilder();
    if (credential == null) {
      missing.append("Authorization header requires 'Credential' parameter. ");
    }
    if (!signature) {
      missing.append("Authorization header requires 'Signature' parameter. ");
    }
    if (!signedHeaders) {
      missing.append("Authorization header requires 'SignedHeaders' parameter. ");
    }
    if (!hasDate) {
      missing.append("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. ");
    }
    if (missing.length() > 0) {
      throw new IncompleteSignatureException(missing + "Authorization=" + header);
    }
    String scope = credential.endsWith("/") ? credential.substring(0, credential.length() - 1) : credential;
    String[] elements = scope.split("/", -1);
    if (elements.length != 5) {
      throw new IncompleteSignatureException("Credential must have exactly 5 slash-delimited elements, "
          + "e.g. keyid/date/region/service/term, got '" + scope + "'");
    }
    return elements[0];
  }
}
