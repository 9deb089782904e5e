package io.dynamo4j.mapper;

import io.dynamo4j.mapper.convert.AttributeConverter;
import io.dynamo4j.mapper.convert.ConversionException;
import io.dynamo4j.model.AttributeValue;

/**
 * What an {@link ItemAccessor} needs of its class's layout, by slot (property index): attribute
 * names, converters, absent values, flattened parts, the discriminator. Immutable after the
 * schema is built.
 */
final class Slots {

  final String typeName;
  final String[] properties;
  final String[] names;
  final AttributeConverter<Object>[] converters;
  final Object[] absent;
  final Flat[] flats;
  final String discriminatorName;
  final AttributeValue discriminatorValue;

  @SuppressWarnings("unchecked")
  Slots(ObjectModel<?> model) {
    int n = model.properties.size();
    typeName = model.type.getSimpleName();
    properties = new String[n];
    names = new String[n];
    converters = new AttributeConverter[n];
    absent = new Object[n];
    flats = new Flat[n];
    for (int i = 0; i < n; i++) {
      PropertyModel p = model.properties.get(i);
      properties[i] = p.name;
      names[i] = p.attribute;
      converters[i] = (AttributeConverter<Object>) p.converter;
      absent[i] = p.absent;
      flats[i] = p.flat;
    }
    discriminatorName = model.discriminatorName;
    discriminatorValue = model.discriminatorValue == null ? null : AttributeValue.s(model.discriminatorValue);
  }

  MappingException writeError(int slot, ConversionException e) {
    return new MappingException(
        "cannot write " + typeName + "." + properties[slot] + " (attribute \"" + names[slot] + "\"): " + e.getMessage(), e);
  }

  MappingException readError(int slot, ConversionException e) {
    return new MappingException(
        "cannot read attribute \"" + names[slot] + "\" into " + typeName + "." + properties[slot] + ": " + e.getMessage(), e);
  }
}
