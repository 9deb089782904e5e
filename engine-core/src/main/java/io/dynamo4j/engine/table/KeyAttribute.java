package io.dynamo4j.engine.table;

import io.dynamo4j.api.ScalarAttributeType;
import io.dynamo4j.model.AttributeValue;

/**
 * One key attribute of a table or index: its name and scalar type.
 *
 * <p>Immutable and thread-safe.
 *
 * @param name the attribute name
 * @param type S, N or B
 */
public record KeyAttribute(String name, ScalarAttributeType type) {

  /** Whether {@code value} has this attribute's type. */
  public boolean accepts(AttributeValue value) {
    switch (type) {
      case S:
        return value.type() == AttributeValue.Type.S;
      case N:
        return value.type() == AttributeValue.Type.N;
      case B:
        return value.type() == AttributeValue.Type.B;
      default:
        return false;
    }
  }
}
