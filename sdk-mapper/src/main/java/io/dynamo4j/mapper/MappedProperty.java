package io.dynamo4j.mapper;

import io.dynamo4j.expr.AttributePath;
import io.dynamo4j.expr.ConditionExpression;
import io.dynamo4j.expr.Operand;
import io.dynamo4j.expr.SetValue;
import io.dynamo4j.expr.UpdateExpression;
import io.dynamo4j.mapper.convert.AttributeConverter;
import io.dynamo4j.mapper.convert.ConversionException;
import io.dynamo4j.model.AttributeValue;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * A mapped property, for typed conditions, filters and updates: values are given as the
 * property's Java type and converted as the mapper stores them; names are the stored attribute
 * names, resolved through renames, nesting and flattening.
 *
 * <pre>{@code
 * MappedProperty<Status> status = orders.schema().property("status", Status.class);
 * MappedProperty<Integer> views = orders.schema().property("views", Integer.class);
 * MappedProperty<Set<String>> tags = orders.schema().property("tags");
 * orders.put(order, status.eq(Status.OPEN));                         // ConditionExpression
 * orders.update(key, views.increment(1).combine(tags.addToSet(List.of("gift"))));
 * orders.query("c-7").filter(status.in(Status.OPEN, Status.HELD)).list();
 * }</pre>
 *
 * <p>The results are sdk-core's {@link ConditionExpression} and {@link UpdateExpression}, so they
 * combine with {@code and(...)}, {@code or(...)} and {@link UpdateExpression#combine}. Immutable and
 * thread-safe.
 *
 * @param <V> the property's Java type
 */
public final class MappedProperty<V> {

  private final Mapper mapper;
  private final String name;
  private final AttributePath path;
  private final Class<?> javaType;
  private final Type genericType;
  private final AttributeConverter<Object> converter;

  @SuppressWarnings("unchecked")
  private MappedProperty(Mapper mapper, String name, AttributePath path, PropertyModel p) {
    this.mapper = mapper;
    this.name = name;
    this.path = path;
    this.javaType = p.raw;
    this.genericType = p.type;
    this.converter = (AttributeConverter<Object>) p.converter;
  }

  static MappedProperty<?> resolve(Mapper mapper, Mapping<?> root, String dotted) {
    if (dotted == null || dotted.isEmpty()) {
      throw new IllegalArgumentException("a property name must not be empty");
    }
    String[] segments = dotted.split("\\.", -1);
    List<ObjectModel<?>> models = new ArrayList<>(root.models());
    AttributePath path = null;
    String prefix = "";
    String owner = root.type.getSimpleName();
    for (int i = 0; i < segments.length; i++) {
      String segment = segments[i];
      PropertyModel found = null;
      for (ObjectModel<?> m : models) {
        found = m.property(segment);
        if (found != null) {
          break;
        }
      }
      if (found == null) {
        throw new IllegalArgumentException(owner + " has no mapped property \"" + segment + "\"" + (i == 0 ? "" : " (in \"" + dotted + "\")")
            + "; use the Java property name, not the attribute name");
      }
      boolean last = i == segments.length - 1;
      if (found.kind == PropertyModel.Kind.FLAT) {
        if (last) {
          throw new IllegalArgumentException(owner + "." + segment + " is flattened into several attributes; name one of"
              + " its properties (\"" + dotted + ".<property>\")");
        }
        prefix = prefix + found.flat.prefix;
        models = List.of(found.flat.model);
        owner = found.flat.model.type.getSimpleName();
        continue;
      }
      String attribute = prefix + found.attribute;
      prefix = "";
      path = path == null ? AttributePath.of(attribute) : path.field(attribute);
      if (last) {
        return new MappedProperty<>(mapper, dotted, path, found);
      }
      if (!(found.converter instanceof NestedConverter)) {
        throw new IllegalArgumentException(owner + "." + segment + " is not a nested mapped type, so \"" + dotted
            + "\" goes nowhere");
      }
      Mapping<?> nested = mapper.mapping(found.raw);
      models = new ArrayList<>(nested.models());
      owner = found.raw.getSimpleName();
    }
    throw new IllegalArgumentException("\"" + dotted + "\" names no property");
  }

  /** The Java property path this was resolved from, such as {@code "address.city"}. */
  public String name() {
    return name;
  }

  /** The stored attribute's document path. */
  public AttributePath path() {
    return path;
  }

  /** The property's Java class. */
  public Class<?> javaType() {
    return javaType;
  }

  /**
   * The attribute value of {@code value} as the mapper stores it ({@code NULL} for null).
   *
   * @throws IllegalArgumentException if the value cannot be converted
   */
  public AttributeValue value(V value) {
    return convert(converter, value, "value");
  }

  private AttributeValue convert(AttributeConverter<Object> c, Object value, String what) {
    if (value == null) {
      return AttributeValue.nul();
    }
    AttributeValue v;
    try {
      v = c.toAttributeValue(value);
    } catch (ConversionException | ClassCastException e) {
      throw new IllegalArgumentException(name + ": cannot convert the " + what + " " + value + ": " + e.getMessage(), e);
    }
    if (v == null) {
      throw new IllegalArgumentException(name + ": the " + what + " " + value + " converts to nothing (an empty set?)");
    }
    return v;
  }

  // ---------------------------------------------------------------- conditions

  /** {@code attribute = value}. */
  public ConditionExpression eq(V value) {
    return ConditionExpression.eq(path, value(value));
  }

  /** {@code attribute <> value}. */
  public ConditionExpression ne(V value) {
    return ConditionExpression.ne(path, value(value));
  }

  /** {@code attribute < value}. */
  public ConditionExpression lt(V value) {
    return ConditionExpression.lt(path, value(value));
  }

  /** {@code attribute <= value}. */
  public ConditionExpression le(V value) {
    return ConditionExpression.le(path, value(value));
  }

  /** {@code attribute > value}. */
  public ConditionExpression gt(V value) {
    return ConditionExpression.gt(path, value(value));
  }

  /** {@code attribute >= value}. */
  public ConditionExpression ge(V value) {
    return ConditionExpression.ge(path, value(value));
  }

  /** {@code attribute BETWEEN low AND high}. */
  public ConditionExpression between(V low, V high) {
    return ConditionExpression.between(path, value(low), value(high));
  }

  /** {@code attribute IN (values...)}. */
  @SafeVarargs
  public final ConditionExpression in(V... values) {
    return in(Arrays.asList(values));
  }

  /** {@code attribute IN (values...)}. */
  public ConditionExpression in(Collection<? extends V> values) {
    List<AttributeValue> converted = new ArrayList<>(values.size());
    for (V v : values) {
      converted.add(value(v));
    }
    return ConditionExpression.in(path, converted);
  }

  /** {@code begins_with(attribute, prefix)}, for strings and binary. */
  public ConditionExpression beginsWith(V prefix) {
    return ConditionExpression.beginsWith(path, value(prefix));
  }

  /** {@code attribute_exists(attribute)}. */
  public ConditionExpression exists() {
    return ConditionExpression.attributeExists(path);
  }

  /** {@code attribute_not_exists(attribute)}. */
  public ConditionExpression notExists() {
    return ConditionExpression.attributeNotExists(path);
  }

  /**
   * {@code contains(attribute, element)}: a list or set property holds {@code element} (converted
   * as an element), or a string property contains the substring.
   */
  public ConditionExpression contains(Object element) {
    return ConditionExpression.contains(path, elementValue(element));
  }

  /** {@code size(attribute) = size}. */
  public ConditionExpression sizeEq(int size) {
    return ConditionExpression.eq(Operand.size(path), AttributeValue.n(size));
  }

  // ---------------------------------------------------------------- updates

  /** {@code SET attribute = value}; {@code REMOVE attribute} when {@code value} is null. */
  public UpdateExpression set(V value) {
    if (value == null) {
      return remove();
    }
    return UpdateExpression.empty().set(path, value(value));
  }

  /** {@code SET attribute = if_not_exists(attribute, value)}: sets it only where it is absent. */
  public UpdateExpression setIfAbsent(V value) {
    return UpdateExpression.empty().set(path, SetValue.ifNotExists(path, value(value)));
  }

  /** {@code REMOVE attribute}. */
  public UpdateExpression remove() {
    return UpdateExpression.empty().remove(path);
  }

  /** {@code ADD attribute delta}: adds to a number, starting from 0 where it is absent. */
  public UpdateExpression increment(Number delta) {
    return UpdateExpression.empty().add(path, number(delta));
  }

  /** {@code ADD attribute -delta}. */
  public UpdateExpression decrement(Number delta) {
    return UpdateExpression.empty().add(path, AttributeValue.n(number(delta).value().negate()));
  }

  /** {@code SET attribute = list_append(if_not_exists(attribute, []), elements)}: appends to a list property. */
  public UpdateExpression append(Collection<?> elements) {
    return UpdateExpression.empty().set(path, SetValue.listAppend(SetValue.ifNotExists(path, AttributeValue.l()), list(elements)));
  }

  /** {@code SET attribute = list_append(elements, if_not_exists(attribute, []))}: prepends to a list property. */
  public UpdateExpression prepend(Collection<?> elements) {
    return UpdateExpression.empty().set(path, SetValue.listAppend(list(elements), SetValue.ifNotExists(path, AttributeValue.l())));
  }

  /** {@code ADD attribute {elements}}: adds elements to a set property, creating it where absent. */
  public UpdateExpression addToSet(Collection<?> elements) {
    return UpdateExpression.empty().add(path, set(elements));
  }

  /** {@code DELETE attribute {elements}}: removes elements from a set property. */
  public UpdateExpression deleteFromSet(Collection<?> elements) {
    return UpdateExpression.empty().delete(path, set(elements));
  }

  private static AttributeValue.N number(Number n) {
    if (n == null) {
      throw new IllegalArgumentException("the delta must not be null");
    }
    if (n instanceof BigDecimal d) {
      return AttributeValue.n(d);
    }
    if (n instanceof BigInteger i) {
      return AttributeValue.n(i);
    }
    if (n instanceof Double || n instanceof Float) {
      return AttributeValue.n(n.doubleValue());
    }
    return AttributeValue.n(n.longValue());
  }

  private AttributeValue list(Collection<?> elements) {
    List<AttributeValue> out = new ArrayList<>(elements.size());
    AttributeConverter<Object> c = elementConverter();
    for (Object e : elements) {
      out.add(convert(c, e, "element"));
    }
    return AttributeValue.l(out);
  }

  private AttributeValue set(Collection<?> elements) {
    if (elements.isEmpty()) {
      throw new IllegalArgumentException(name + ": a set update needs at least one element (DynamoDB has no empty sets)");
    }
    AttributeValue v = convert(converter, new LinkedHashSet<>(elements), "elements");
    switch (v.type()) {
      case SS, NS, BS -> {
        return v;
      }
      default -> throw new IllegalArgumentException(name + " is not a set property (it is stored as " + v.type() + ")");
    }
  }

  private AttributeValue elementValue(Object element) {
    if (element == null) {
      return AttributeValue.nul();
    }
    if (javaType == String.class) {
      return AttributeValue.s(String.valueOf(element));
    }
    return convert(elementConverter(), element, "element");
  }

  @SuppressWarnings("unchecked")
  private AttributeConverter<Object> elementConverter() {
    if (genericType instanceof ParameterizedType p && p.getActualTypeArguments().length == 1) {
      Type e = p.getActualTypeArguments()[0];
      if (e instanceof java.lang.reflect.WildcardType w) {
        e = w.getUpperBounds()[0];
      }
      return (AttributeConverter<Object>) mapper.converterFor(e);
    }
    throw new IllegalArgumentException(name + " has type " + genericType.getTypeName() + ", which has no element type");
  }

  @Override
  public String toString() {
    return name + " -> " + path;
  }
}
