package io.dynamo4j.mapper.convert;

import java.lang.reflect.Type;

/**
 * Finds converters for Java types; one link of the mapper's provider chain. A provider answers the
 * types it knows and returns null for the others, which the next provider then gets. Containers
 * resolve their elements through {@code lookup}, so a user's converter for {@code Money} also
 * serves {@code List<Money>} and {@code Map<String, Money>}.
 *
 * <p>Implementations must be thread-safe.
 */
@FunctionalInterface
public interface ConverterProvider {

  /**
   * A converter for {@code type} (a {@link Class} or a {@link java.lang.reflect.ParameterizedType}),
   * or null if this provider has none.
   *
   * @param lookup the whole chain, to find converters of element types
   */
  AttributeConverter<?> converterFor(Type type, ConverterLookup lookup);
}
