package io.dynamo4j.expr;

/** {@code size(path)} in a condition. */
record SizeOperand(AttributePath path) implements Operand {

  @Override
  public String toString() {
    return "size(" + path + ")";
  }
}
