package io.dynamo4j.expr;

import io.dynamo4j.model.AttributeValue;

/** A value in a condition or on the right of a SET action; rendered as a value placeholder. */
record ValueOperand(AttributeValue value) implements Operand, SetValue {

  @Override
  public String toString() {
    return value.toString();
  }
}
