package io.dynamo4j.mapper;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.util.List;

/** The mapped layout of one concrete class: how instances are made and which properties they have. */
final class ObjectModel<T> {

  /** How instances are made. */
  enum Shape {
    /** A no-argument constructor, then setters or fields. */
    BEAN,
    /** The canonical constructor, with every component. */
    RECORD,
    /** A static {@code builder()}, its property methods, then {@code build()}. */
    BUILDER
  }

  final Class<T> type;
  final Shape shape;
  final List<PropertyModel> properties;
  final Constructor<T> constructor;
  final Method builderFactory;
  final Method buildMethod;
  final boolean ignoreNulls;
  String discriminatorName;
  String discriminatorValue;

  /** Top-level accessor (nulls left out) and nested one (nulls as NULL); set once converters are resolved. */
  ItemAccessor<T> accessor;
  ItemAccessor<T> nestedAccessor;
  AccessorKind accessorKind;

  ObjectModel(Class<T> type, Shape shape, List<PropertyModel> properties, Constructor<T> constructor,
      Method builderFactory, Method buildMethod, boolean ignoreNulls) {
    this.type = type;
    this.shape = shape;
    this.properties = properties;
    this.constructor = constructor;
    this.builderFactory = builderFactory;
    this.buildMethod = buildMethod;
    this.ignoreNulls = ignoreNulls;
  }

  PropertyModel property(String name) {
    for (PropertyModel p : properties) {
      if (p.name.equals(name)) {
        return p;
      }
    }
    return null;
  }

  PropertyModel byAttribute(String attribute) {
    for (PropertyModel p : properties) {
      if (p.attribute.equals(attribute)) {
        return p;
      }
    }
    return null;
  }

  /**
   * A fingerprint of the layout an accessor is compiled against: a build-time accessor whose
   * fingerprint differs (the class changed since) is not used.
   */
  String fingerprint() {
    StringBuilder sb = new StringBuilder(type.getName()).append('|').append(shape);
    for (PropertyModel p : properties) {
      sb.append('|').append(p.name).append(':').append(p.attribute).append(':').append(p.kind).append(':')
          .append(p.raw.getName()).append(':')
          .append(p.getter != null ? "g" + p.getter.getName() : p.readField != null ? "f" : "-")
          .append(p.setter != null ? "s" + p.setter.getName() : p.writeField != null ? "F"
              : p.builderMethod != null ? "b" + p.builderMethod.getName() : p.parameter >= 0 ? "p" + p.parameter : "-");
    }
    return sb.toString();
  }
}
