package io.dynamo4j.mapper;

/**
 * A class the mapper cannot map, or an item it cannot read into one. The message names the class,
 * the property, the problem and the fix, for example: {@code Order.total has type java.awt.Point,
 * which no converter handles; give it @Convert(...), register a ConverterProvider with
 * Mapper.builder().converters(...), or make Point a bean, record or builder class}.
 *
 * <p>Immutable.
 */
public class MappingException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** An error with the given message. */
  public MappingException(String message) {
    super(message);
  }

  /** An error with the given message and cause. */
  public MappingException(String message, Throwable cause) {
    super(message, cause);
  }
}
