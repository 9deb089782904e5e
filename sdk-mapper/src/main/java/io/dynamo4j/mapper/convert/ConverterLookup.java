package io.dynamo4j.mapper.convert;

import java.lang.reflect.Type;

/** The mapper's whole provider chain, as a {@link ConverterProvider} sees it. Thread-safe. */
@FunctionalInterface
public interface ConverterLookup {

  /**
   * The converter the chain finds for {@code type}.
   *
   * @throws io.dynamo4j.mapper.MappingException if no provider has one
   */
  AttributeConverter<?> converterFor(Type type);
}
