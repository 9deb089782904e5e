/**
 * Converters between Java values and DynamoDB attribute values.
 *
 * <p>{@link io.dynamo4j.mapper.convert.AttributeConverter} converts one Java type;
 * {@link io.dynamo4j.mapper.convert.ConverterProvider}s find converters for types, and the mapper
 * asks a chain of them: a property's {@code @Convert}, then the providers given to
 * {@code Mapper.builder().converters(...)} in order, then {@link io.dynamo4j.mapper.convert.Converters#standard()},
 * then nested mapped types. {@link io.dynamo4j.mapper.convert.Converters} documents the standard
 * mappings.
 */
package io.dynamo4j.mapper.convert;
