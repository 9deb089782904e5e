package io.dynamo4j.mapper.convert;

/**
 * An attribute value that a converter cannot read (a string where a number belongs, a number too
 * large for an {@code int}), or a Java value it cannot write. The mapper adds the class, property
 * and attribute to the message. Immutable.
 */
public class ConversionException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** An error with the given message. */
  public ConversionException(String message) {
    super(message);
  }

  /** An error with the given message and cause. */
  public ConversionException(String message, Throwable cause) {
    super(message, cause);
  }
}
