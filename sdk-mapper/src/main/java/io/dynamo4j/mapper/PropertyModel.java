package io.dynamo4j.mapper;

import io.dynamo4j.mapper.convert.AttributeConverter;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;

/** One mapped property of a class: how to read and write it, its annotations and its converter. */
final class PropertyModel {

  /** How generated code moves a property's value: directly for common types, else through its converter. */
  enum Kind {
    STRING, INT, SHORT, BYTE, LONG, BOOLEAN, DOUBLE, OBJECT, FLAT
  }

  /** The property's place in one index's key. */
  record IndexKey(String index, boolean partition, int order) {}

  final Class<?> owner;
  final String name;
  final Type type;
  final Class<?> raw;
  final List<AnnotatedElement> sources = new ArrayList<>(3);

  String attribute;
  Method getter;
  Field readField;
  Method setter;
  Field writeField;
  int parameter = -1;
  Method builderMethod;

  boolean partitionKey;
  boolean sortKey;
  boolean version;
  boolean createdAt;
  boolean updatedAt;
  boolean ttl;
  boolean ignoreNulls;
  /** Whether this is an {@code @AtomicCounter}, and its start and delta. */
  boolean counter;
  long counterStart;
  long counterDelta = 1;
  /** The {@code @Flatten} prefix, or null when not flattened. */
  String flatten;
  /** The {@code @Convert} class, or null. */
  Class<?> convert;
  final List<IndexKey> indexKeys = new ArrayList<>();

  AttributeConverter<?> converter;
  Kind kind;
  Flat flat;
  Object absent;

  PropertyModel(Class<?> owner, String name, Type type, Class<?> raw) {
    this.owner = owner;
    this.name = name;
    this.type = type;
    this.raw = raw;
  }

  /** The annotation of {@code type} on the first source that has it, or null. */
  Annotations.Ann annotation(Class<? extends Annotation> type) {
    for (AnnotatedElement e : sources) {
      Annotations.Ann a = Annotations.get(e, type);
      if (a != null) {
        return a;
      }
    }
    return null;
  }

  /** {@code Order.total}, for messages. */
  String qualified() {
    return owner.getSimpleName() + "." + name;
  }

  @Override
  public String toString() {
    return qualified() + " -> " + attribute;
  }
}
