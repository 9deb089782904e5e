package io.dynamo4j.expr;

/** {@code if_not_exists(path, fallback)} on the right of a SET action. */
record IfNotExists(AttributePath path, SetValue fallback) implements SetValue {

  @Override
  public String toString() {
    return "if_not_exists(" + path + ", " + fallback + ")";
  }
}
