package io.dynamo4j.expr;

/**
 * Argument checks for the builders. A builder given a null says which argument was null with an
 * {@link IllegalArgumentException}, never a {@link NullPointerException} from deep inside.
 */
final class Require {

  private Require() {}

  static <T> T nonNull(T value, String what) {
    if (value == null) {
      throw new IllegalArgumentException(what + " must not be null");
    }
    return value;
  }
}
