package io.dynamo4j.mapper;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The mapper's annotations of a class and its members, read from the class file when it can be
 * found, through reflection otherwise.
 *
 * <p>Why not reflection always: the first {@code getAnnotation} of a JVM parses annotations into
 * {@link java.lang.reflect.Proxy} instances, which spins proxy classes and brings up the lambda
 * machinery, tens of milliseconds that a fresh JVM's first schema would otherwise spend there.
 * Reading the {@code RuntimeVisibleAnnotations} attributes of a class file costs a fraction of
 * that. Both paths give the same {@link Ann}s, and only annotations of
 * {@code io.dynamo4j.mapper.annotation} are kept. Thread-safe.
 */
final class Annotations {

  private static final String PACKAGE = "io.dynamo4j.mapper.annotation.";

  /** One annotation: its type's binary name and the elements it sets (defaults are the caller's). */
  static final class Ann {
    final String type;
    final Map<String, Object> values;

    Ann(String type, Map<String, Object> values) {
      this.type = type;
      this.values = values;
    }

    String string(String element, String otherwise) {
      Object v = values.get(element);
      return v == null ? otherwise : (String) v;
    }

    long number(String element, long otherwise) {
      Object v = values.get(element);
      return v == null ? otherwise : ((Number) v).longValue();
    }

    @SuppressWarnings("unchecked")
    List<Object> list(String element) {
      Object v = values.get(element);
      return v == null ? List.of() : v instanceof List<?> l ? (List<Object>) l : List.of(v);
    }
  }

  /** A class file's annotations, by member. */
  private static final class Parsed {
    final List<Ann> type = new ArrayList<>();
    final Map<String, List<Ann>> fields = new HashMap<>();
    final Map<String, List<Ann>> methods = new HashMap<>();
    final Map<String, List<Ann>> components = new HashMap<>();
  }

  private static final Parsed NONE = new Parsed();

  private static final ClassValue<Parsed> PARSED = new ClassValue<>() {
    @Override
    protected Parsed computeValue(Class<?> type) {
      return parse(type);
    }
  };

  private Annotations() {}

  /** The mapper's annotations on {@code element} (a class, field, method or record component). */
  static List<Ann> of(AnnotatedElement element) {
    Parsed p = null;
    if (element instanceof Class<?> c) {
      p = PARSED.get(c);
      if (p != NONE) {
        return p.type;
      }
    } else if (element instanceof Field f) {
      p = PARSED.get(f.getDeclaringClass());
      if (p != NONE) {
        return p.fields.getOrDefault(f.getName(), List.of());
      }
    } else if (element instanceof Method m) {
      p = PARSED.get(m.getDeclaringClass());
      if (p != NONE) {
        return p.methods.getOrDefault(m.getName() + descriptor(m), List.of());
      }
    } else if (element instanceof RecordComponent r) {
      p = PARSED.get(r.getDeclaringRecord());
      if (p != NONE) {
        return p.components.getOrDefault(r.getName(), List.of());
      }
    }
    return reflect(element);
  }

  /** The annotation of {@code type} on {@code element}, or null. */
  static Ann get(AnnotatedElement element, Class<? extends Annotation> type) {
    for (Ann a : of(element)) {
      if (a.type.equals(type.getName())) {
        return a;
      }
    }
    return null;
  }

  static boolean has(AnnotatedElement element, Class<? extends Annotation> type) {
    return get(element, type) != null;
  }

  /** The annotations of a repeatable {@code type} on {@code element}, directly or in its {@code container}. */
  static List<Ann> all(AnnotatedElement element, Class<? extends Annotation> type, Class<? extends Annotation> container) {
    List<Ann> out = new ArrayList<>();
    for (Ann a : of(element)) {
      if (a.type.equals(type.getName())) {
        out.add(a);
      } else if (a.type.equals(container.getName())) {
        for (Object o : a.list("value")) {
          out.add((Ann) o);
        }
      }
    }
    return out;
  }

  /** A class named by a class element value, loaded by {@code owner}'s loader. */
  static Class<?> classOf(Object value, Class<?> owner) {
    if (value instanceof Class<?> c) {
      return c;
    }
    String descriptor = (String) value;
    String name = descriptor.substring(1, descriptor.length() - 1).replace('/', '.');
    try {
      return Class.forName(name, false, owner.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new MappingException(owner.getSimpleName() + " names class " + name + " in an annotation, which cannot be loaded", e);
    }
  }

  // ---------------------------------------------------------------- reflection

  /** The mapper's annotations on {@code element} through reflection (the fallback; tests compare the two). */
  static List<Ann> reflect(AnnotatedElement element) {
    List<Ann> out = new ArrayList<>();
    for (Annotation a : element.getDeclaredAnnotations()) {
      if (a.annotationType().getName().startsWith(PACKAGE)) {
        out.add(reflect(a));
      }
    }
    return out;
  }

  private static Ann reflect(Annotation a) {
    Map<String, Object> values = new HashMap<>();
    for (Method m : a.annotationType().getDeclaredMethods()) {
      try {
        Object v = m.invoke(a);
        if (v instanceof Annotation[] nested) {
          List<Object> list = new ArrayList<>();
          for (Annotation n : nested) {
            list.add(reflect(n));
          }
          v = list;
        } else if (v instanceof Object[] array) {
          List<Object> list = new ArrayList<>();
          for (Object o : array) {
            list.add(o instanceof Enum<?> e ? e.name() : o);
          }
          v = list;
        } else if (v instanceof Enum<?> e) {
          v = e.name();
        }
        values.put(m.getName(), v);
      } catch (ReflectiveOperationException e) {
        throw new MappingException("cannot read @" + a.annotationType().getSimpleName() + "." + m.getName() + ": " + e, e);
      }
    }
    return new Ann(a.annotationType().getName(), values);
  }

  // ---------------------------------------------------------------- class files

  private static Parsed parse(Class<?> type) {
    ClassLoader loader = type.getClassLoader();
    if (loader == null || type.isHidden()) {
      return NONE;
    }
    String entry = type.getName().replace('.', '/') + ".class";
    try {
      byte[] bytes = fromCodeSource(type, entry);
      if (bytes == null) {
        try (InputStream in = loader.getResourceAsStream(entry)) {
          if (in == null) {
            return NONE;
          }
          bytes = in.readAllBytes();
        }
      }
      return new Reader(new DataInputStream(new java.io.ByteArrayInputStream(bytes))).read();
    } catch (IOException | RuntimeException e) {
      return NONE; // an unusual class file: reflection reads it
    }
  }

  /**
   * The class file from the directory or jar the class was loaded from, or null. Cheaper than
   * {@code ClassLoader.getResourceAsStream}, which first searches every module of the boot layer
   * and opens jars through URL connections.
   */
  private static byte[] fromCodeSource(Class<?> type, String entry) throws IOException {
    java.security.CodeSource source = type.getProtectionDomain().getCodeSource();
    if (source == null || source.getLocation() == null || !"file".equals(source.getLocation().getProtocol())) {
      return null;
    }
    java.nio.file.Path location;
    try {
      location = java.nio.file.Path.of(source.getLocation().toURI());
    } catch (java.net.URISyntaxException | IllegalArgumentException e) {
      return null;
    }
    if (java.nio.file.Files.isDirectory(location)) {
      java.nio.file.Path file = location.resolve(entry);
      return java.nio.file.Files.isRegularFile(file) ? java.nio.file.Files.readAllBytes(file) : null;
    }
    // the class loader holds this jar open, so its central directory is shared, not read again
    try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(location.toFile())) {
      java.util.zip.ZipEntry e = zip.getEntry(entry);
      if (e == null) {
        return null;
      }
      try (InputStream in = zip.getInputStream(e)) {
        return in.readAllBytes();
      }
    }
  }

  /** Reads the annotation attributes of one class file (JVMS 4.1, 4.5, 4.6, 4.7.16, 4.7.30). */
  private static final class Reader {
    private final DataInputStream in;
    private Object[] pool;

    Reader(DataInputStream in) {
      this.in = in;
    }

    Parsed read() throws IOException {
      if (in.readInt() != 0xCAFEBABE) {
        throw new IOException("not a class file");
      }
      in.readUnsignedShort();
      in.readUnsignedShort();
      int count = in.readUnsignedShort();
      pool = new Object[count];
      for (int i = 1; i < count; i++) {
        int tag = in.readUnsignedByte();
        switch (tag) {
          case 1 -> pool[i] = in.readUTF();
          case 3 -> pool[i] = in.readInt();
          case 4 -> pool[i] = in.readFloat();
          case 5 -> pool[i++] = in.readLong();
          case 6 -> pool[i++] = in.readDouble();
          case 7, 8, 16, 19, 20 -> in.readUnsignedShort();
          case 9, 10, 11, 12, 17, 18 -> in.readInt();
          case 15 -> {
            in.readUnsignedByte();
            in.readUnsignedShort();
          }
          default -> throw new IOException("constant pool tag " + tag);
        }
      }
      Parsed p = new Parsed();
      in.readUnsignedShort();
      in.readUnsignedShort();
      in.readUnsignedShort();
      int interfaces = in.readUnsignedShort();
      for (int i = 0; i < interfaces; i++) {
        in.readUnsignedShort();
      }
      members(p.fields, false);
      members(p.methods, true);
      int attributes = in.readUnsignedShort();
      for (int i = 0; i < attributes; i++) {
        String name = (String) pool[in.readUnsignedShort()];
        int length = in.readInt();
        if (name.equals("RuntimeVisibleAnnotations")) {
          annotations(p.type);
        } else if (name.equals("Record")) {
          int components = in.readUnsignedShort();
          for (int c = 0; c < components; c++) {
            String component = (String) pool[in.readUnsignedShort()];
            in.readUnsignedShort();
            List<Ann> list = new ArrayList<>();
            attributes(list);
            p.components.put(component, list);
          }
        } else {
          in.skipNBytes(length);
        }
      }
      return p;
    }

    private void members(Map<String, List<Ann>> out, boolean methods) throws IOException {
      int count = in.readUnsignedShort();
      for (int i = 0; i < count; i++) {
        in.readUnsignedShort();
        String name = (String) pool[in.readUnsignedShort()];
        String descriptor = (String) pool[in.readUnsignedShort()];
        List<Ann> list = new ArrayList<>();
        attributes(list);
        if (!list.isEmpty()) {
          out.put(methods ? name + descriptor : name, list);
        }
      }
    }

    private void attributes(List<Ann> out) throws IOException {
      int count = in.readUnsignedShort();
      for (int i = 0; i < count; i++) {
        String name = (String) pool[in.readUnsignedShort()];
        int length = in.readInt();
        if (name.equals("RuntimeVisibleAnnotations")) {
          annotations(out);
        } else {
          in.skipNBytes(length);
        }
      }
    }

    private void annotations(List<Ann> out) throws IOException {
      int count = in.readUnsignedShort();
      for (int i = 0; i < count; i++) {
        Ann a = annotation();
        if (a.type.startsWith(PACKAGE)) {
          out.add(a);
        }
      }
    }

    private Ann annotation() throws IOException {
      String descriptor = (String) pool[in.readUnsignedShort()];
      String type = descriptor.substring(1, descriptor.length() - 1).replace('/', '.');
      int pairs = in.readUnsignedShort();
      Map<String, Object> values = new HashMap<>();
      for (int i = 0; i < pairs; i++) {
        String name = (String) pool[in.readUnsignedShort()];
        values.put(name, value());
      }
      return new Ann(type, values);
    }

    private Object value() throws IOException {
      int tag = in.readUnsignedByte();
      switch (tag) {
        case 'B', 'C', 'D', 'F', 'I', 'J', 'S', 'Z', 's' -> {
          Object constant = pool[in.readUnsignedShort()];
          if (tag == 'Z') {
            return ((Integer) constant) != 0;
          }
          return constant;
        }
        case 'e' -> {
          in.readUnsignedShort();
          return pool[in.readUnsignedShort()];
        }
        case 'c' -> {
          return pool[in.readUnsignedShort()];
        }
        case '@' -> {
          return annotation();
        }
        case '[' -> {
          int n = in.readUnsignedShort();
          List<Object> list = new ArrayList<>(n);
          for (int i = 0; i < n; i++) {
            list.add(value());
          }
          return list;
        }
        default -> throw new IOException("element value tag " + (char) tag);
      }
    }
  }

  /** A method's descriptor, {@code (Ljava/lang/String;I)V}. */
  private static String descriptor(Method m) {
    StringBuilder sb = new StringBuilder("(");
    for (Class<?> p : m.getParameterTypes()) {
      descriptor(sb, p);
    }
    sb.append(')');
    descriptor(sb, m.getReturnType());
    return sb.toString();
  }

  private static void descriptor(StringBuilder sb, Class<?> c) {
    while (c.isArray()) {
      sb.append('[');
      c = c.getComponentType();
    }
    if (c.isPrimitive()) {
      sb.append(c == int.class ? 'I' : c == long.class ? 'J' : c == boolean.class ? 'Z' : c == byte.class ? 'B'
          : c == char.class ? 'C' : c == short.class ? 'S' : c == float.class ? 'F' : c == double.class ? 'D' : 'V');
    } else {
      sb.append('L').append(c.getName().replace('.', '/')).append(';');
    }
  }
}
