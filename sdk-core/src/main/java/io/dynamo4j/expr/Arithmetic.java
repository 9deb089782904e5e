package io.dynamo4j.expr;

/** {@code left + right} or {@code left - right} on the right of a SET action. */
record Arithmetic(SetValue left, char operator, SetValue right) implements SetValue {

  @Override
  public String toString() {
    return left + " " + operator + " " + right;
  }
}
