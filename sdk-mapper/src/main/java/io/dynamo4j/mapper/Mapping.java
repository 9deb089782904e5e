package io.dynamo4j.mapper;

import io.dynamo4j.model.AttributeValue;
import io.dynamo4j.model.Item;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a Java type maps to items: one concrete class, or a polymorphic hierarchy told apart by a
 * discriminator attribute. Immutable once its mapper has built it.
 */
abstract class Mapping<T> {

  final Class<T> type;

  Mapping(Class<T> type) {
    this.type = type;
  }

  /** The item of {@code value}; {@code nulls} writes null properties as {@code NULL} (nested maps). */
  abstract Item write(T value, boolean nulls);

  /** The instance of {@code item}. */
  abstract T read(Item item);

  /** The concrete classes, each with its layout. */
  abstract List<ObjectModel<? extends T>> models();

  /** The layout of {@code value}'s class. */
  abstract ObjectModel<? extends T> modelOf(Object value);

  /** The discriminator attribute, or null for a class outside any hierarchy. */
  abstract String discriminatorName();

  /** One concrete class (possibly a member of a hierarchy, which then writes its discriminator). */
  static final class Concrete<T> extends Mapping<T> {
    final ObjectModel<T> model;

    Concrete(ObjectModel<T> model) {
      super(model.type);
      this.model = model;
    }

    @Override
    Item write(T value, boolean nulls) {
      return (nulls ? model.nestedAccessor : model.accessor).write(value);
    }

    @Override
    T read(Item item) {
      if (model.discriminatorName != null) {
        AttributeValue d = item.get(model.discriminatorName);
        if (d instanceof AttributeValue.S s && !s.value().equals(model.discriminatorValue)) {
          throw new MappingException("the item is a \"" + s.value() + "\" (attribute \"" + model.discriminatorName
              + "\"), not a " + model.type.getSimpleName() + " (\"" + model.discriminatorValue
              + "\"); read it through the hierarchy's root type");
        }
      }
      return model.accessor.read(item);
    }

    @Override
    List<ObjectModel<? extends T>> models() {
      return List.of(model);
    }

    @Override
    ObjectModel<? extends T> modelOf(Object value) {
      return model;
    }

    @Override
    String discriminatorName() {
      return model.discriminatorName;
    }
  }

  /** A hierarchy: the discriminator attribute picks the subtype. */
  static final class Polymorphic<T> extends Mapping<T> {
    final String discriminator;
    final Map<String, ObjectModel<? extends T>> byValue = new LinkedHashMap<>();
    final Map<Class<?>, ObjectModel<? extends T>> byClass = new LinkedHashMap<>();

    Polymorphic(Class<T> root, String discriminator, List<ObjectModel<? extends T>> models) {
      super(root);
      this.discriminator = discriminator;
      for (ObjectModel<? extends T> m : models) {
        ObjectModel<? extends T> clash = byValue.put(m.discriminatorValue, m);
        if (clash != null) {
          throw new MappingException(root.getSimpleName() + "'s subtypes " + clash.type.getSimpleName() + " and "
              + m.type.getSimpleName() + " have the same discriminator value \"" + m.discriminatorValue
              + "\"; give one of them another @DiscriminatorValue");
        }
        byClass.put(m.type, m);
      }
    }

    @Override
    @SuppressWarnings("unchecked")
    Item write(T value, boolean nulls) {
      ObjectModel<T> m = (ObjectModel<T>) modelOf(value);
      return (nulls ? m.nestedAccessor : m.accessor).write(value);
    }

    @Override
    T read(Item item) {
      AttributeValue d = item.get(discriminator);
      if (!(d instanceof AttributeValue.S s)) {
        throw new MappingException("cannot read a " + type.getSimpleName() + ": the item has "
            + (d == null ? "no discriminator attribute \"" + discriminator + "\"" : "a discriminator \"" + discriminator
                + "\" that is not a string: " + d)
            + " to tell which of " + byValue.keySet() + " it is");
      }
      ObjectModel<? extends T> m = byValue.get(s.value());
      if (m == null) {
        throw new MappingException("cannot read a " + type.getSimpleName() + ": discriminator \"" + discriminator
            + "\" is \"" + s.value() + "\", which is none of " + byValue.keySet()
            + "; add the subtype to the hierarchy (permits or @Subtypes)");
      }
      return m.accessor.read(item);
    }

    @Override
    List<ObjectModel<? extends T>> models() {
      return List.copyOf(byValue.values());
    }

    @Override
    ObjectModel<? extends T> modelOf(Object value) {
      ObjectModel<? extends T> m = byClass.get(value.getClass());
      if (m == null) {
        throw new MappingException(value.getClass().getName() + " is not a mapped subtype of " + type.getSimpleName()
            + " (its subtypes are " + byValue.keySet() + "); add it to the hierarchy (permits or @Subtypes)");
      }
      return m;
    }

    @Override
    String discriminatorName() {
      return discriminator;
    }
  }
}
