package io.dynamo4j.mapper;

import io.dynamo4j.model.AttributeValue;
import io.dynamo4j.model.Item;
import java.lang.reflect.AccessibleObject;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The reflective {@link ItemAccessor}: the fallback when a class cannot be generated, and the
 * oracle the generated classes are tested against. It reads and writes properties through
 * {@code java.lang.reflect} and finds the slot of each attribute in a hash map. Immutable and
 * thread-safe once bound.
 */
final class ReflectiveAccessor<T> extends ItemAccessor<T> {

  private final ObjectModel<T> model;
  private final PropertyModel[] properties;
  private final Map<String, Integer> slotByName = new HashMap<>();

  ReflectiveAccessor(ObjectModel<T> model) {
    this.model = model;
    List<PropertyModel> list = model.properties;
    this.properties = list.toArray(new PropertyModel[0]);
    for (int i = 0; i < properties.length; i++) {
      PropertyModel p = properties[i];
      if (p.kind != PropertyModel.Kind.FLAT) {
        slotByName.put(p.attribute, i);
      }
      open(p.getter);
      open(p.readField);
      open(p.setter);
      open(p.writeField);
      open(p.builderMethod);
    }
    open(model.constructor);
    open(model.builderFactory);
    open(model.buildMethod);
  }

  private static void open(AccessibleObject o) {
    if (o != null) {
      try {
        o.setAccessible(true);
      } catch (RuntimeException e) {
        // public members of public classes need no opening; others fail at use with a clear message
      }
    }
  }

  @Override
  public Item write(T object) {
    Item.Builder b = begin();
    for (int i = 0; i < properties.length; i++) {
      PropertyModel p = properties[i];
      Object v = get(p, object);
      switch (p.kind) {
        case STRING -> putString(b, i, (String) v);
        case INT, SHORT, BYTE -> putInt(b, i, ((Number) v).intValue());
        case LONG -> putLong(b, i, (Long) v);
        case BOOLEAN -> putBoolean(b, i, (Boolean) v);
        case DOUBLE -> putDouble(b, i, (Double) v);
        case FLAT -> putFlat(b, i, v);
        default -> putObject(b, i, v);
      }
    }
    return end(b);
  }

  @Override
  public T read(Item item) {
    Object[] values = new Object[properties.length];
    boolean[] present = new boolean[properties.length];
    for (int a = 0; a < item.size(); a++) {
      Integer slot = slotByName.get(item.nameAt(a));
      if (slot == null) {
        continue;
      }
      int i = slot;
      AttributeValue v = item.valueAt(a);
      values[i] = switch (properties[i].kind) {
        case STRING -> readString(v, i);
        case INT -> readInt(v, i);
        case SHORT -> readShort(v, i);
        case BYTE -> readByte(v, i);
        case LONG -> readLong(v, i);
        case BOOLEAN -> readBoolean(v, i);
        case DOUBLE -> readDouble(v, i);
        default -> readObject(v, i);
      };
      present[i] = true;
    }
    for (int i = 0; i < properties.length; i++) {
      if (properties[i].kind == PropertyModel.Kind.FLAT) {
        values[i] = readFlat(item, i);
        present[i] = values[i] != null;
      }
    }
    try {
      switch (model.shape) {
        case RECORD -> {
          Object[] args = new Object[properties.length];
          for (int i = 0; i < properties.length; i++) {
            args[properties[i].parameter] = present[i] ? values[i] : absent(i);
          }
          return model.constructor.newInstance(args);
        }
        case BUILDER -> {
          Object builder = model.builderFactory.invoke(null);
          for (int i = 0; i < properties.length; i++) {
            if (present[i]) {
              properties[i].builderMethod.invoke(builder, values[i]);
            }
          }
          return model.type.cast(model.buildMethod.invoke(builder));
        }
        default -> {
          T t = model.constructor.newInstance();
          for (int i = 0; i < properties.length; i++) {
            if (present[i]) {
              set(properties[i], t, values[i]);
            }
          }
          return t;
        }
      }
    } catch (InvocationTargetException e) {
      throw rethrow(e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new MappingException("cannot create a " + model.type.getSimpleName() + ": " + e, e);
    }
  }

  private Object get(PropertyModel p, Object object) {
    try {
      return p.getter != null ? p.getter.invoke(object) : p.readField.get(object);
    } catch (InvocationTargetException e) {
      throw rethrow(e.getCause());
    } catch (IllegalAccessException e) {
      throw new MappingException("cannot read " + p.qualified() + ": " + e.getMessage(), e);
    }
  }

  private static void set(PropertyModel p, Object target, Object value) throws ReflectiveOperationException {
    if (p.setter != null) {
      p.setter.invoke(target, value);
    } else {
      Field f = p.writeField;
      f.set(target, value);
    }
  }

  private static RuntimeException rethrow(Throwable t) {
    if (t instanceof RuntimeException r) {
      return r;
    }
    if (t instanceof Error e) {
      throw e;
    }
    return new MappingException(t.toString(), t);
  }
}
