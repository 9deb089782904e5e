package io.dynamo4j.mapper;

import io.dynamo4j.mapper.convert.AttributeConverter;
import io.dynamo4j.mapper.convert.Converters;
import io.dynamo4j.model.AttributeValue;

/** A nested mapped type stored as a map ({@code M}). Immutable and thread-safe. */
final class NestedConverter implements AttributeConverter<Object> {

  private final Mapping<Object> mapping;
  private final boolean nulls;

  @SuppressWarnings("unchecked")
  NestedConverter(Mapping<?> mapping, boolean ignoreNulls) {
    this.mapping = (Mapping<Object>) mapping;
    this.nulls = !ignoreNulls;
  }

  @Override
  public AttributeValue toAttributeValue(Object value) {
    return new AttributeValue.M(mapping.write(value, nulls));
  }

  @Override
  public Object fromAttributeValue(AttributeValue value) {
    if (value instanceof AttributeValue.M m) {
      return mapping.read(m.value());
    }
    throw Converters.mismatch("M", value);
  }

  @Override
  public AttributeValue.Type attributeType() {
    return AttributeValue.Type.M;
  }
}
