package io.dynamo4j.expr;

/** {@code list_append(first, second)} on the right of a SET action. */
record ListAppend(SetValue first, SetValue second) implements SetValue {

  @Override
  public String toString() {
    return "list_append(" + first + ", " + second + ")";
  }
}
