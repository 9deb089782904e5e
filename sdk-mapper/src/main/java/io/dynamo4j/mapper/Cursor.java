package io.dynamo4j.mapper;

import io.dynamo4j.json.DynamoJson;
import io.dynamo4j.model.Item;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

/**
 * Where the next page of a query or scan starts: an opaque token, safe to hand to a web client
 * ({@link #toString()}, URL-safe base64) and to read back with {@link #parse}, or to keep as a
 * {@link Serializable}. It holds the last key read (DynamoDB's {@code LastEvaluatedKey}), so a
 * cursor is only meaningful for the query or scan that made it.
 *
 * <p>Immutable and thread-safe.
 */
public final class Cursor implements Serializable {

  private static final long serialVersionUID = 1L;

  private final String token;
  private transient Item key;

  private Cursor(String token, Item key) {
    this.token = token;
    this.key = key;
  }

  static Cursor of(Item key) {
    String json = DynamoJson.writeItem(key);
    return new Cursor(Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8)), key);
  }

  /**
   * The cursor of a token made by {@link #toString()}.
   *
   * @throws IllegalArgumentException if the token is not one
   */
  public static Cursor parse(String token) {
    Objects.requireNonNull(token, "token");
    try {
      Item key = DynamoJson.readItem(new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8));
      return new Cursor(token, key);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("not a dynamo4j cursor: \"" + (token.length() > 40 ? token.substring(0, 40) + "..." : token) + "\"", e);
    }
  }

  /** The key to start after ({@code ExclusiveStartKey}). */
  Item key() {
    if (key == null) {
      key = parse(token).key;
    }
    return key;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Cursor c && c.token.equals(token);
  }

  @Override
  public int hashCode() {
    return token.hashCode();
  }

  /** The token. */
  @Override
  public String toString() {
    return token;
  }
}
