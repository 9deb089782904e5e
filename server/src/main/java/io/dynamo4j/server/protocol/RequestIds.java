package io.dynamo4j.server.protocol;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Request ids shaped like DynamoDB's: 52 characters of upper-case letters and digits.
 *
 * <p>Stateless and thread-safe.
 */
final class RequestIds {

  private static final char[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".toCharArray();
  static final int LENGTH = 52;

  private RequestIds() {}

  static String next() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    char[] id = new char[LENGTH];
    for (int i = 0; i < LENGTH; i++) {
      id[i] = ALPHABET[random.nextInt(ALPHABET.length)];
    }
    return new String(id);
  }
}
