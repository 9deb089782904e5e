package io.dynamo4j.mapper;

import io.dynamo4j.mapper.annotation.AtomicCounter;
import io.dynamo4j.mapper.annotation.Attribute;
import io.dynamo4j.mapper.annotation.Convert;
import io.dynamo4j.mapper.annotation.CreatedAt;
import io.dynamo4j.mapper.annotation.Flatten;
import io.dynamo4j.mapper.annotation.Ignore;
import io.dynamo4j.mapper.annotation.IgnoreNulls;
import io.dynamo4j.mapper.annotation.IndexPartitionKey;
import io.dynamo4j.mapper.annotation.IndexSortKey;
import io.dynamo4j.mapper.annotation.PartitionKey;
import io.dynamo4j.mapper.annotation.SortKey;
import io.dynamo4j.mapper.annotation.TimeToLive;
import io.dynamo4j.mapper.annotation.UpdatedAt;
import io.dynamo4j.mapper.annotation.Version;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finds the properties of a class and how to make its instances: records by their components,
 * classes with a static {@code builder()} and no no-argument constructor by their builder, other
 * classes as JavaBeans (getters and setters, or non-private fields). Annotations are read from the
 * field, the getter or the record component. Stateless.
 */
final class Introspector {

  private Introspector() {}

  /** Whether {@code type} could be a mapped class (not a JDK type, array, enum, interface or primitive). */
  static boolean mappable(Class<?> type) {
    if (type.isPrimitive() || type.isArray() || type.isEnum() || type.isInterface()
        || Modifier.isAbstract(type.getModifiers()) || type.isAnnotation()) {
      return false;
    }
    String name = type.getName();
    return !(name.startsWith("java.") || name.startsWith("javax.") || name.startsWith("jdk.") || name.startsWith("sun."));
  }

  static <T> ObjectModel<T> introspect(Class<T> type) {
    String simple = type.getSimpleName();
    if (type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
      throw new MappingException(simple + " is " + (type.isInterface() ? "an interface" : "abstract")
          + " and cannot be instantiated; annotate it @Discriminator and list its subtypes (seal it or add @Subtypes)"
          + " to map a polymorphic hierarchy, or map a concrete class");
    }
    if (type.isMemberClass() && !Modifier.isStatic(type.getModifiers())) {
      throw new MappingException(simple + " is an inner class, which needs an enclosing instance to be created;"
          + " make it a static nested class");
    }
    if (type.isAnonymousClass() || type.isLocalClass()) {
      throw new MappingException(simple + " is " + (type.isAnonymousClass() ? "an anonymous" : "a local")
          + " class; declare it as a top-level or static nested class");
    }
    boolean ignoreNulls = Annotations.has(type, IgnoreNulls.class);
    if (type.isRecord()) {
      return record(type, ignoreNulls);
    }
    Constructor<T> noArgs = noArgConstructor(type);
    Method builder = noArgs == null ? builderFactory(type) : null;
    if (noArgs == null && builder == null) {
      throw new MappingException(simple + " has no accessible no-argument constructor and no static builder();"
          + " add a non-private no-argument constructor (a JavaBean), make it a record, or give it a static builder()"
          + " whose builder has a build() method");
    }
    Method build = null;
    if (builder != null) {
      build = buildMethod(type, builder.getReturnType());
    }
    List<PropertyModel> properties = properties(type, builder == null ? null : builder.getReturnType());
    return new ObjectModel<>(type, builder == null ? ObjectModel.Shape.BEAN : ObjectModel.Shape.BUILDER, properties,
        noArgs, builder, build, ignoreNulls);
  }

  // ---------------------------------------------------------------- records

  private static <T> ObjectModel<T> record(Class<T> type, boolean ignoreNulls) {
    RecordComponent[] components = type.getRecordComponents();
    Class<?>[] types = new Class<?>[components.length];
    for (int i = 0; i < components.length; i++) {
      types[i] = components[i].getType();
    }
    Constructor<T> canonical;
    try {
      canonical = type.getDeclaredConstructor(types);
    } catch (NoSuchMethodException e) {
      throw new MappingException(type.getSimpleName() + " has no canonical constructor", e);
    }
    if (Modifier.isPrivate(canonical.getModifiers())) {
      throw new MappingException(type.getSimpleName() + "'s canonical constructor is private (a private record's is);"
          + " make the record package-private or public");
    }
    List<PropertyModel> properties = new ArrayList<>();
    for (int i = 0; i < components.length; i++) {
      RecordComponent c = components[i];
      PropertyModel p = new PropertyModel(type, c.getName(), c.getGenericType(), c.getType());
      p.sources.add(c);
      Field f = declaredField(type, c.getName());
      if (f != null) {
        p.sources.add(f);
      }
      p.sources.add(c.getAccessor());
      p.getter = c.getAccessor();
      p.parameter = i;
      if (p.annotation(Ignore.class) != null) {
        throw new MappingException(p.qualified() + " is a record component annotated @Ignore, but the canonical"
            + " constructor needs every component; remove @Ignore, or map a class that leaves it out");
      }
      readAnnotations(p);
      properties.add(p);
    }
    return new ObjectModel<>(type, ObjectModel.Shape.RECORD, properties, canonical, null, null, ignoreNulls);
  }

  // ---------------------------------------------------------------- beans and builders

  private static final class Candidate {
    final String name;
    Field field;
    Method getter;
    final List<Method> setters = new ArrayList<>();
    final List<Method> builderMethods = new ArrayList<>();
    Method plainAccessor;

    Candidate(String name) {
      this.name = name;
    }
  }

  /** Methods by name, so that properties come in a stable order (no lambda: it would cost a fresh JVM a class spin). */
  private static final java.util.Comparator<Method> BY_NAME = new java.util.Comparator<>() {
    @Override
    public int compare(Method a, Method b) {
      return a.getName().compareTo(b.getName());
    }
  };

  private static Candidate candidate(Map<String, Candidate> candidates, String name) {
    Candidate c = candidates.get(name);
    if (c == null) {
      c = new Candidate(name);
      candidates.put(name, c);
    }
    return c;
  }

  private static List<PropertyModel> properties(Class<?> type, Class<?> builderType) {
    Map<String, Candidate> candidates = new LinkedHashMap<>();
    Deque<Class<?>> chain = new ArrayDeque<>();
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      chain.push(c);
    }
    for (Class<?> c : chain) {
      for (Field f : c.getDeclaredFields()) {
        if (Modifier.isStatic(f.getModifiers()) || f.isSynthetic()
            || (Modifier.isTransient(f.getModifiers()) && !annotated(f))) {
          continue;
        }
        candidate(candidates, f.getName()).field = f;
      }
    }
    for (Class<?> c : chain) {
      Method[] methods = c.getDeclaredMethods();
      java.util.Arrays.sort(methods, BY_NAME);
      for (Method m : methods) {
        if (Modifier.isStatic(m.getModifiers()) || m.isSynthetic() || m.isBridge()) {
          continue;
        }
        String getterName = getterProperty(m);
        if (getterName != null) {
          candidate(candidates, getterName).getter = m;
        } else if (m.getParameterCount() == 1 && m.getName().length() > 3 && m.getName().startsWith("set")
            && Character.isUpperCase(m.getName().charAt(3))) {
          candidate(candidates, decapitalize(m.getName().substring(3))).setters.add(m);
        }
      }
    }
    if (builderType != null) {
      for (Method m : builderType.getMethods()) {
        if (Modifier.isStatic(m.getModifiers()) || m.getParameterCount() != 1 || m.getDeclaringClass() == Object.class) {
          continue;
        }
        String n = m.getName();
        String property = n;
        if ((n.startsWith("set") || n.startsWith("with")) && n.length() > (n.startsWith("set") ? 3 : 4)
            && Character.isUpperCase(n.charAt(n.startsWith("set") ? 3 : 4))) {
          property = decapitalize(n.substring(n.startsWith("set") ? 3 : 4));
        }
        Candidate c = candidates.get(property);
        if (c == null && candidates.containsKey(n)) {
          c = candidates.get(n);
        }
        if (c == null) {
          // an immutable class with record-style accessors: name() rather than getName()
          Method plain = findMethod(type, property);
          if (plain == null) {
            continue;
          }
          c = candidate(candidates, property);
        }
        c.builderMethods.add(m);
      }
      for (Candidate c : candidates.values()) {
        if (c.getter == null) {
          Method plain = findMethod(type, c.name);
          if (plain != null && plain.getParameterCount() == 0 && plain.getReturnType() != void.class) {
            c.plainAccessor = plain;
          }
        }
      }
    }
    List<PropertyModel> out = new ArrayList<>();
    for (Candidate c : candidates.values()) {
      PropertyModel p = property(type, c, builderType);
      if (p != null) {
        out.add(p);
      }
    }
    return out;
  }

  private static PropertyModel property(Class<?> type, Candidate c, Class<?> builderType) {
    Method getter = c.getter != null ? c.getter : c.plainAccessor;
    Type generic = getter != null ? getter.getGenericReturnType() : c.field.getGenericType();
    Class<?> raw = getter != null ? getter.getReturnType() : c.field.getType();
    PropertyModel p = new PropertyModel(type, c.name, generic, raw);
    if (c.field != null) {
      p.sources.add(c.field);
    }
    if (getter != null) {
      p.sources.add(getter);
    }
    boolean annotated = false;
    for (java.lang.reflect.AnnotatedElement e : p.sources) {
      annotated |= annotated(e);
    }
    if (p.annotation(Ignore.class) != null) {
      return null;
    }
    String where = p.qualified();
    // reading
    if (getter != null && accessible(type, getter.getModifiers(), getter.getDeclaringClass())) {
      p.getter = getter;
    } else if (c.field != null && accessible(type, c.field.getModifiers(), c.field.getDeclaringClass())) {
      p.readField = c.field;
    } else {
      if (annotated) {
        throw new MappingException(where + " is annotated but has no accessible getter or field; add a non-private getter,"
            + " make the field non-private, or mark it @Ignore");
      }
      return null;
    }
    // writing
    if (builderType != null) {
      Method m = pick(c.builderMethods, raw);
      if (m == null) {
        if (annotated) {
          throw new MappingException(where + " is annotated but " + builderType.getSimpleName() + " has no method "
              + c.name + "(" + raw.getSimpleName() + ") to set it; add one, or mark the property @Ignore");
        }
        return null;
      }
      p.builderMethod = m;
    } else {
      Method setter = pick(c.setters, raw);
      if (setter != null && accessible(type, setter.getModifiers(), setter.getDeclaringClass())) {
        p.setter = setter;
      } else if (c.field != null && !Modifier.isFinal(c.field.getModifiers())
          && accessible(type, c.field.getModifiers(), c.field.getDeclaringClass())) {
        p.writeField = c.field;
      } else {
        if (annotated || (setter != null)) {
          throw new MappingException(where + (setter != null ? "'s setter " + setter.getName() + " is not accessible"
              : " is annotated but has no setter") + "; add a non-private setter set"
              + Character.toUpperCase(c.name.charAt(0)) + c.name.substring(1) + "(" + raw.getSimpleName()
              + "), make the field non-private and non-final, or mark the property @Ignore");
        }
        return null;
      }
    }
    readAnnotations(p);
    return p;
  }

  private static Method pick(List<Method> methods, Class<?> raw) {
    Method any = null;
    for (Method m : methods) {
      if (m.getParameterTypes()[0] == raw) {
        return m;
      }
      if (m.getParameterTypes()[0].isAssignableFrom(raw)) {
        any = m;
      }
    }
    return any;
  }

  private static void readAnnotations(PropertyModel p) {
    Annotations.Ann rename = p.annotation(Attribute.class);
    p.attribute = rename != null ? rename.string("value", p.name) : p.name;
    if (p.attribute.isEmpty()) {
      throw new MappingException(p.qualified() + " has @Attribute(\"\"); give a non-empty attribute name");
    }
    p.partitionKey = p.annotation(PartitionKey.class) != null;
    p.sortKey = p.annotation(SortKey.class) != null;
    p.version = p.annotation(Version.class) != null;
    p.createdAt = p.annotation(CreatedAt.class) != null;
    p.updatedAt = p.annotation(UpdatedAt.class) != null;
    p.ttl = p.annotation(TimeToLive.class) != null;
    p.ignoreNulls = p.annotation(IgnoreNulls.class) != null;
    Annotations.Ann counter = p.annotation(AtomicCounter.class);
    if (counter != null) {
      p.counter = true;
      p.counterStart = counter.number("start", 0);
      p.counterDelta = counter.number("delta", 1);
    }
    Annotations.Ann flatten = p.annotation(Flatten.class);
    p.flatten = flatten == null ? null : flatten.string("prefix", "");
    Annotations.Ann convert = p.annotation(Convert.class);
    p.convert = convert == null ? null : Annotations.classOf(convert.values.get("value"), p.owner);
    for (java.lang.reflect.AnnotatedElement e : p.sources) {
      List<Annotations.Ann> partitions = Annotations.all(e, IndexPartitionKey.class, IndexPartitionKey.List.class);
      List<Annotations.Ann> sorts = Annotations.all(e, IndexSortKey.class, IndexSortKey.List.class);
      if (partitions.isEmpty() && sorts.isEmpty()) {
        continue;
      }
      for (Annotations.Ann k : partitions) {
        p.indexKeys.add(new PropertyModel.IndexKey(k.string("index", ""), true, (int) k.number("order", 0)));
      }
      for (Annotations.Ann k : sorts) {
        p.indexKeys.add(new PropertyModel.IndexKey(k.string("index", ""), false, (int) k.number("order", 0)));
      }
      break;
    }
  }

  /** Whether {@code e} has a mapper annotation other than {@code @Ignore}. */
  private static boolean annotated(java.lang.reflect.AnnotatedElement e) {
    for (Annotations.Ann a : Annotations.of(e)) {
      if (!a.type.equals(Ignore.class.getName())) {
        return true;
      }
    }
    return false;
  }

  /** Whether code in {@code type}'s package can use a member with these modifiers declared in {@code owner}. */
  static boolean accessible(Class<?> type, int modifiers, Class<?> owner) {
    if (Modifier.isPrivate(modifiers)) {
      return false;
    }
    if (Modifier.isPublic(modifiers)) {
      return true;
    }
    return owner.getPackageName().equals(type.getPackageName());
  }

  private static String getterProperty(Method m) {
    if (m.getParameterCount() != 0 || m.getReturnType() == void.class) {
      return null;
    }
    String n = m.getName();
    if (n.equals("getClass")) {
      return null;
    }
    if (n.length() > 3 && n.startsWith("get") && Character.isUpperCase(n.charAt(3))) {
      return decapitalize(n.substring(3));
    }
    if (n.length() > 2 && n.startsWith("is") && Character.isUpperCase(n.charAt(2))
        && (m.getReturnType() == boolean.class || m.getReturnType() == Boolean.class)) {
      return decapitalize(n.substring(2));
    }
    return null;
  }

  /** JavaBeans' rule: {@code Name} to {@code name}, but {@code URL} stays {@code URL}. */
  static String decapitalize(String s) {
    if (s.length() > 1 && Character.isUpperCase(s.charAt(1)) && Character.isUpperCase(s.charAt(0))) {
      return s;
    }
    return s.substring(0, 1).toLowerCase(Locale.ROOT) + s.substring(1);
  }

  private static Field declaredField(Class<?> type, String name) {
    try {
      return type.getDeclaredField(name);
    } catch (NoSuchFieldException e) {
      return null;
    }
  }

  private static Method findMethod(Class<?> type, String name) {
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      try {
        Method m = c.getDeclaredMethod(name);
        if (!Modifier.isStatic(m.getModifiers()) && m.getReturnType() != void.class
            && accessible(type, m.getModifiers(), m.getDeclaringClass())) {
          return m;
        }
      } catch (NoSuchMethodException e) {
        // look further up
      }
    }
    return null;
  }

  private static <T> Constructor<T> noArgConstructor(Class<T> type) {
    try {
      Constructor<T> c = type.getDeclaredConstructor();
      return Modifier.isPrivate(c.getModifiers()) ? null : c;
    } catch (NoSuchMethodException e) {
      return null;
    }
  }

  private static Method builderFactory(Class<?> type) {
    try {
      Method m = type.getDeclaredMethod("builder");
      if (Modifier.isStatic(m.getModifiers()) && !Modifier.isPrivate(m.getModifiers()) && m.getReturnType() != void.class) {
        return m;
      }
    } catch (NoSuchMethodException e) {
      // none
    }
    return null;
  }

  private static Method buildMethod(Class<?> type, Class<?> builderType) {
    try {
      Method build = builderType.getMethod("build");
      if (!type.isAssignableFrom(build.getReturnType())) {
        throw new MappingException(type.getSimpleName() + ".builder() returns " + builderType.getSimpleName()
            + ", whose build() returns " + build.getReturnType().getSimpleName() + " rather than " + type.getSimpleName());
      }
      if (!accessible(type, builderType.getModifiers(), builderType)) {
        throw new MappingException(type.getSimpleName() + "'s builder class " + builderType.getSimpleName()
            + " is private; make it package-private or public");
      }
      return build;
    } catch (NoSuchMethodException e) {
      throw new MappingException(type.getSimpleName() + ".builder() returns " + builderType.getSimpleName()
          + ", which has no public build() method; add one or give " + type.getSimpleName()
          + " a non-private no-argument constructor", e);
    }
  }

  /** The class of a type: its raw class for a parameterized type. */
  static Class<?> rawClass(Type type) {
    if (type instanceof Class<?> c) {
      return c;
    }
    if (type instanceof ParameterizedType p) {
      return (Class<?>) p.getRawType();
    }
    return Object.class;
  }
}
