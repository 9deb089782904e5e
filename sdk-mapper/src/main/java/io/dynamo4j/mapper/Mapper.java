package io.dynamo4j.mapper;

import io.dynamo4j.DynamoClient;
import io.dynamo4j.mapper.annotation.Discriminator;
import io.dynamo4j.mapper.annotation.DiscriminatorValue;
import io.dynamo4j.mapper.annotation.IgnoreNulls;
import io.dynamo4j.mapper.annotation.Subtypes;
import io.dynamo4j.mapper.annotation.Table;
import io.dynamo4j.mapper.convert.AttributeConverter;
import io.dynamo4j.mapper.convert.ConversionException;
import io.dynamo4j.mapper.convert.ConverterLookup;
import io.dynamo4j.mapper.convert.ConverterProvider;
import io.dynamo4j.mapper.convert.Converters;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The object mapper: builds a {@link TableSchema} per annotated class and opens
 * {@link MappedTable}s over a {@link DynamoClient}.
 *
 * <pre>{@code
 * Mapper mapper = Mapper.create();
 * MappedTable<Order> orders = mapper.table(client, Order.class);
 * orders.createTable();
 * orders.put(new Order("o-1", "c-7", 3));
 * Order o = orders.get("o-1");
 * }</pre>
 *
 * <h2>Accessors</h2>
 *
 * For each mapped class the mapper uses one accessor class that writes instances to items and
 * reads them back (see {@link ItemAccessor}). In the default mode, {@link AccessorKind#GENERATED},
 * it first looks for a class generated at build time ({@code <Type>$$Dynamo4jAccessor}, see
 * {@code io.dynamo4j.mapper.build}); when there is none it generates one and defines it in the
 * type's package through a {@link MethodHandles.Lookup}: the mapper's own, which reaches every
 * class on the class path, or the one given to {@link Builder#lookup} (needed for classes in named
 * modules that do not open their package to {@code io.dynamo4j.mapper}). When generation is
 * impossible the mapper logs why (logger {@code io.dynamo4j.mapper}, level WARNING) and falls back
 * to reflection. {@link AccessorKind#BUILD_TIME} never defines a class; {@link AccessorKind#REFLECTIVE}
 * always uses reflection. The system property {@code dynamo4j.mapper.dump=<dir>} (or
 * {@link Builder#dumpGeneratedClasses}) writes every generated class file there, for {@code javap}.
 *
 * <p>Schemas are built once per class and cached; building is serialised. Thread-safe.
 */
public final class Mapper {

  /** The logger, looked up when first needed: the lookup loads the platform's logging, tens of milliseconds in a fresh JVM. */
  private static final class Log {
    static final System.Logger LOG = System.getLogger("io.dynamo4j.mapper");
  }
  /** Accessor classes this JVM's mappers defined, by name, so that a second mapper reuses them. */
  private static final Map<String, Class<?>> DEFINED = new ConcurrentHashMap<>();

  private final List<ConverterProvider> providers;
  private final MethodHandles.Lookup lookup;
  private final AccessorKind mode;
  private final Path dump;
  private final Clock clock;
  private final ConverterLookup chain = new ConverterLookup() {
    @Override
    public AttributeConverter<?> converterFor(Type type) {
      return Mapper.this.converterFor(type);
    }
  };

  private final Map<Class<?>, Mapping<?>> mappings = new ConcurrentHashMap<>();
  private final Map<Class<?>, Mapping<?>> building = new HashMap<>();
  private final Map<Class<?>, ObjectModel<?>> models = new HashMap<>();
  private final Map<Class<?>, TableSchema<?>> schemas = new ConcurrentHashMap<>();

  private Mapper(Builder b) {
    this.providers = List.copyOf(b.providers);
    this.lookup = b.lookup;
    this.mode = b.mode;
    String property = System.getProperty("dynamo4j.mapper.dump");
    this.dump = b.dump != null ? b.dump : property != null && !property.isEmpty() ? Path.of(property) : null;
    this.clock = b.clock;
  }

  /** A mapper with the defaults: generated accessors, standard converters, the UTC system clock. */
  public static Mapper create() {
    return builder().build();
  }

  /** A builder for a mapper. */
  public static Builder builder() {
    return new Builder();
  }

  /** The clock that timestamps {@code @CreatedAt} and {@code @UpdatedAt}. */
  public Clock clock() {
    return clock;
  }

  /**
   * The schema of {@code type}: a class, a record, a builder-made class or the root of a
   * polymorphic hierarchy.
   *
   * @throws MappingException if the class cannot be mapped; the message says why and how to fix it
   */
  @SuppressWarnings("unchecked")
  public <T> TableSchema<T> schema(Class<T> type) {
    Objects.requireNonNull(type, "type");
    TableSchema<?> s = schemas.get(type);
    if (s == null) {
      synchronized (this) {
        s = schemas.get(type);
        if (s == null) {
          s = new TableSchema<>(this, mapping(type));
          schemas.put(type, s);
        }
      }
    }
    return (TableSchema<T>) s;
  }

  /**
   * The table of {@code type}'s {@code @Table} annotation, through {@code client}.
   *
   * @throws MappingException if the class has no {@code @Table} (use {@link #table(DynamoClient, String, Class)})
   */
  public <T> MappedTable<T> table(DynamoClient client, Class<T> type) {
    TableSchema<T> schema = schema(type);
    String name = schema.tableName();
    if (name == null) {
      throw new MappingException(type.getSimpleName() + " has no @Table annotation to name its table; annotate it"
          + " @Table(\"...\") or call table(client, tableName, " + type.getSimpleName() + ".class)");
    }
    return new MappedTable<>(this, Objects.requireNonNull(client, "client"), name, schema);
  }

  /** The table {@code tableName} of {@code type}'s items, through {@code client}. */
  public <T> MappedTable<T> table(DynamoClient client, String tableName, Class<T> type) {
    Objects.requireNonNull(tableName, "tableName");
    return new MappedTable<>(this, Objects.requireNonNull(client, "client"), tableName, schema(type));
  }

  // ---------------------------------------------------------------- building

  @SuppressWarnings("unchecked")
  synchronized <T> Mapping<T> mapping(Class<T> type) {
    Mapping<?> done = mappings.get(type);
    if (done != null) {
      return (Mapping<T>) done;
    }
    Mapping<?> inProgress = building.get(type);
    if (inProgress != null) {
      return (Mapping<T>) inProgress;
    }
    Mapping<T> m;
    Annotations.Ann d = Annotations.get(type, Discriminator.class);
    if (d != null && (type.isInterface() || Modifier.isAbstract(type.getModifiers()) || type.isSealed()
        || Annotations.has(type, Subtypes.class))) {
      List<ObjectModel<? extends T>> list = new ArrayList<>();
      for (Class<?> sub : subtypes(type)) {
        list.add((ObjectModel<? extends T>) model(sub));
      }
      if (list.isEmpty()) {
        throw new MappingException(type.getSimpleName() + " is annotated @Discriminator but has no concrete subtypes;"
            + " seal it (permits ...) or list them in @Subtypes");
      }
      m = new Mapping.Polymorphic<>(type, d.string("value", "type"), list);
    } else {
      m = new Mapping.Concrete<>(model(type));
    }
    building.put(type, m);
    try {
      for (ObjectModel<? extends T> om : m.models()) {
        resolve(om);
      }
    } finally {
      building.remove(type);
    }
    mappings.put(type, m);
    return m;
  }

  /** The concrete subtypes of a polymorphic root, found through sealed permits and {@code @Subtypes}. */
  private static Set<Class<?>> subtypes(Class<?> root) {
    Set<Class<?>> out = new LinkedHashSet<>();
    List<Class<?>> todo = new ArrayList<>(List.of(root));
    Set<Class<?>> seen = new LinkedHashSet<>();
    while (!todo.isEmpty()) {
      Class<?> c = todo.remove(0);
      if (!seen.add(c)) {
        continue;
      }
      if (!c.isInterface() && !Modifier.isAbstract(c.getModifiers())) {
        out.add(c);
      }
      if (c.isSealed()) {
        todo.addAll(Arrays.asList(c.getPermittedSubclasses()));
      }
      Annotations.Ann listed = Annotations.get(c, Subtypes.class);
      if (listed != null) {
        for (Object named : listed.list("value")) {
          Class<?> s = Annotations.classOf(named, c);
          if (!c.isAssignableFrom(s)) {
            throw new MappingException(c.getSimpleName() + " lists " + s.getSimpleName() + " in @Subtypes, but "
                + s.getSimpleName() + " is not a subtype of it");
          }
          todo.add(s);
        }
      }
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private <T> ObjectModel<T> model(Class<T> type) {
    ObjectModel<?> m = models.get(type);
    if (m == null) {
      ObjectModel<T> created = Introspector.introspect(type);
      Class<?> root = discriminatorRoot(type);
      if (root != null) {
        created.discriminatorName = Annotations.get(root, Discriminator.class).string("value", "type");
        Annotations.Ann v = Annotations.get(type, DiscriminatorValue.class);
        created.discriminatorValue = v != null ? v.string("value", type.getSimpleName()) : type.getSimpleName();
      }
      models.put(type, created);
      m = created;
    }
    return (ObjectModel<T>) m;
  }

  private static Class<?> discriminatorRoot(Class<?> type) {
    List<Class<?>> todo = new ArrayList<>(List.of(type));
    while (!todo.isEmpty()) {
      Class<?> c = todo.remove(0);
      if (Annotations.has(c, Discriminator.class)) {
        return c;
      }
      if (c.getSuperclass() != null && c.getSuperclass() != Object.class) {
        todo.add(c.getSuperclass());
      }
      todo.addAll(Arrays.asList(c.getInterfaces()));
    }
    return null;
  }

  /** Resolves converters and kinds of {@code model}'s properties, checks the layout, and creates its accessors. */
  private <T> void resolve(ObjectModel<T> model) {
    if (model.accessor != null || model.accessorKind != null) {
      return;
    }
    model.accessorKind = AccessorKind.REFLECTIVE; // marks "in progress" against flatten cycles
    try {
      Map<String, String> owners = new HashMap<>();
      if (model.discriminatorName != null) {
        owners.put(model.discriminatorName, "the discriminator");
      }
      for (PropertyModel p : model.properties) {
        resolve(model, p);
        Set<String> names = p.kind == PropertyModel.Kind.FLAT ? p.flat.attributeNames() : Set.of(p.attribute);
        for (String n : names) {
          String previous = owners.put(n, p.qualified());
          if (previous != null) {
            throw new MappingException(model.type.getSimpleName() + ": " + previous + " and " + p.qualified()
                + " are both stored as attribute \"" + n + "\"; rename one with @Attribute(\"...\")"
                + (p.kind == PropertyModel.Kind.FLAT ? " or give the @Flatten a prefix" : ""));
          }
        }
      }
      createAccessors(model);
    } catch (RuntimeException e) {
      model.accessorKind = null;
      throw e;
    }
  }

  private void resolve(ObjectModel<?> owner, PropertyModel p) {
    p.absent = p.raw.isPrimitive() ? zero(p.raw) : p.raw == Optional.class ? Optional.empty() : null;
    if (p.flatten != null) {
      if (!Introspector.mappable(p.raw) || discriminatorRoot(p.raw) != null) {
        throw new MappingException(p.qualified() + " is annotated @Flatten but its type " + p.raw.getSimpleName()
            + " is not a concrete mapped class (a bean, record or builder class outside any hierarchy);"
            + " remove @Flatten to store it as a map");
      }
      ObjectModel<?> nested = model(p.raw);
      if (nested.accessorKind != null && nested.accessor == null) {
        throw new MappingException(p.qualified() + " flattens " + p.raw.getSimpleName()
            + ", which flattens back into itself; remove one @Flatten");
      }
      resolve(nested);
      p.kind = PropertyModel.Kind.FLAT;
      p.flat = new Flat(p.flatten, nested);
      return;
    }
    AttributeConverter<?> c;
    try {
      if (p.convert != null) {
        c = instantiate(p);
      } else if (p.ttl && p.raw == java.time.Instant.class) {
        c = Converters.instantAsEpochSeconds();
      } else if (p.ignoreNulls && Introspector.mappable(p.raw)) {
        c = new NestedConverter(mapping(p.raw), true);
      } else {
        c = converterFor(p.type);
      }
    } catch (ConversionException | MappingException e) {
      throw new MappingException(p.qualified() + ": " + e.getMessage(), e);
    }
    p.converter = c;
    AttributeConverter<?> standard = p.convert == null && !p.ttl
        ? Converters.standard().converterFor(p.raw, chain) : null;
    boolean fast = standard != null && standard == c;
    p.kind = !fast ? PropertyModel.Kind.OBJECT
        : p.raw == String.class ? PropertyModel.Kind.STRING
        : p.raw == int.class ? PropertyModel.Kind.INT
        : p.raw == short.class ? PropertyModel.Kind.SHORT
        : p.raw == byte.class ? PropertyModel.Kind.BYTE
        : p.raw == long.class ? PropertyModel.Kind.LONG
        : p.raw == boolean.class ? PropertyModel.Kind.BOOLEAN
        : p.raw == double.class ? PropertyModel.Kind.DOUBLE
        : PropertyModel.Kind.OBJECT;
  }

  private static Object zero(Class<?> primitive) {
    if (primitive == boolean.class) {
      return false;
    } else if (primitive == char.class) {
      return '\0';
    } else if (primitive == byte.class) {
      return (byte) 0;
    } else if (primitive == short.class) {
      return (short) 0;
    } else if (primitive == int.class) {
      return 0;
    } else if (primitive == long.class) {
      return 0L;
    } else if (primitive == float.class) {
      return 0f;
    }
    return 0d;
  }

  private static AttributeConverter<?> instantiate(PropertyModel p) {
    Class<?> c = p.convert;
    try {
      Constructor<?> ctor = c.getDeclaredConstructor();
      ctor.setAccessible(true);
      return (AttributeConverter<?>) ctor.newInstance();
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new MappingException("@Convert(" + c.getSimpleName() + ".class) cannot be instantiated (" + e
          + "); give " + c.getSimpleName() + " a no-argument constructor", e);
    }
  }

  /** The provider chain: user providers in order, the standard converters, then nested mapped types. */
  AttributeConverter<?> converterFor(Type type) {
    for (ConverterProvider p : providers) {
      AttributeConverter<?> c = p.converterFor(type, chain);
      if (c != null) {
        return c;
      }
    }
    AttributeConverter<?> c = Converters.standard().converterFor(type, chain);
    if (c != null) {
      return c;
    }
    Class<?> raw = Introspector.rawClass(type);
    if (type instanceof Class<?> && (Introspector.mappable(raw) || Annotations.has(raw, Discriminator.class))) {
      return new NestedConverter(mapping(raw), Annotations.has(raw, IgnoreNulls.class));
    }
    throw new MappingException("type " + type.getTypeName() + " has no converter; give the property"
        + " @Convert(...), register a ConverterProvider with Mapper.builder().converters(...)"
        + (raw.getName().startsWith("java") || raw.isInterface() || raw.isArray() ? ""
            : ", or make " + raw.getSimpleName() + " a mapped class (a bean, record or builder class)"));
  }

  // ---------------------------------------------------------------- accessors

  @SuppressWarnings("unchecked")
  private <T> void createAccessors(ObjectModel<T> model) {
    Class<?> accessorClass = null;
    AccessorKind kind = AccessorKind.REFLECTIVE;
    if (mode != AccessorKind.REFLECTIVE) {
      String fingerprint = model.fingerprint();
      String name = AccessorNames.className(model.type);
      Class<?> existing = DEFINED.get(name + "|" + fingerprint);
      if (existing != null) {
        accessorClass = existing;
        kind = AccessorKind.GENERATED;
      } else {
        Class<?> prebuilt = find(name, model.type.getClassLoader());
        if (prebuilt != null && fingerprint.equals(fingerprintOf(prebuilt)) && !DEFINED.containsValue(prebuilt)) {
          accessorClass = prebuilt;
          kind = AccessorKind.BUILD_TIME;
        } else if (mode == AccessorKind.BUILD_TIME) {
          Log.LOG.log(System.Logger.Level.WARNING, "dynamo4j mapper: no build-time accessor "
              + (prebuilt == null ? "" : "matching the current class ") + "for " + model.type.getName()
              + " and accessors(BUILD_TIME) defines none; using reflection");
        } else {
          try {
            accessorClass = define(model, prebuilt == null ? name : name + "$" + Integer.toHexString(fingerprint.hashCode()));
            DEFINED.put(name + "|" + fingerprint, accessorClass);
            kind = AccessorKind.GENERATED;
          } catch (MappingException | ReflectiveOperationException | LinkageError | SecurityException
              | IllegalArgumentException | IllegalStateException e) {
            Log.LOG.log(System.Logger.Level.WARNING, "dynamo4j mapper: cannot generate the accessor of "
                + model.type.getName() + " (" + e + "); using reflection. Pass MethodHandles.lookup() to"
                + " Mapper.builder().lookup(...) if the class is in a named module, or generate accessors at build time.");
          }
        }
      }
    }
    Slots slots = new Slots(model);
    if (accessorClass != null) {
      try {
        Constructor<?> ctor = accessorClass.getDeclaredConstructor();
        model.accessor = ((ItemAccessor<T>) ctor.newInstance()).bind(slots, false);
        model.nestedAccessor = ((ItemAccessor<T>) ctor.newInstance()).bind(slots, true);
        model.accessorKind = kind;
        return;
      } catch (ReflectiveOperationException | RuntimeException e) {
        Log.LOG.log(System.Logger.Level.WARNING, "dynamo4j mapper: cannot instantiate " + accessorClass.getName()
            + " (" + e + "); using reflection");
      }
    }
    model.accessor = new ReflectiveAccessor<>(model).bind(slots, false);
    model.nestedAccessor = new ReflectiveAccessor<>(model).bind(slots, true);
    model.accessorKind = AccessorKind.REFLECTIVE;
  }

  private Class<?> define(ObjectModel<?> model, String name) throws ReflectiveOperationException {
    byte[] bytes = AccessorGenerator.generate(model, name);
    if (dump != null) {
      try {
        Path file = dump.resolve(name.replace('.', '/') + ".class");
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
      } catch (IOException e) {
        Log.LOG.log(System.Logger.Level.WARNING, "dynamo4j mapper: cannot dump " + name + ": " + e);
      }
    }
    MethodHandles.Lookup l = MethodHandles.privateLookupIn(model.type, lookup);
    return l.defineClass(bytes);
  }

  private static Class<?> find(String name, ClassLoader loader) {
    try {
      return Class.forName(name, false, loader);
    } catch (ClassNotFoundException | LinkageError e) {
      return null;
    }
  }

  private static String fingerprintOf(Class<?> accessor) {
    try {
      return (String) accessor.getField(AccessorNames.FINGERPRINT_FIELD).get(null);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }

  /**
   * The class files of the accessors of {@code type} and of every type it reaches (nested,
   * flattened, subtypes), by binary class name: what the build-time path writes beside the
   * classes. Types whose accessors cannot be generated are left out (they use reflection).
   */
  public static Map<String, byte[]> generateAccessorClasses(Class<?> type) {
    Mapper m = builder().accessors(AccessorKind.REFLECTIVE).build();
    m.schema(type);
    Map<String, byte[]> out = new java.util.LinkedHashMap<>();
    synchronized (m) {
      for (ObjectModel<?> model : m.models.values()) {
        try {
          out.put(AccessorNames.className(model.type), AccessorGenerator.generate(model));
        } catch (MappingException e) {
          Log.LOG.log(System.Logger.Level.WARNING, "dynamo4j mapper: no build-time accessor for "
              + model.type.getName() + ": " + e.getMessage());
        }
      }
    }
    return out;
  }

  /** Builds a {@link Mapper}. Not thread-safe. */
  public static final class Builder {
    private final List<ConverterProvider> providers = new ArrayList<>();
    private MethodHandles.Lookup lookup = MethodHandles.lookup();
    private AccessorKind mode = AccessorKind.GENERATED;
    private Path dump;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /**
     * Converter providers asked before the standard converters, in order (see
     * {@link io.dynamo4j.mapper.convert}).
     */
    public Builder converters(ConverterProvider... providers) {
      for (ConverterProvider p : providers) {
        this.providers.add(Objects.requireNonNull(p, "converter provider"));
      }
      return this;
    }

    /**
     * The lookup through which accessor classes are defined in their types' packages; pass
     * {@code MethodHandles.lookup()} from a module that opens its packages to the mapper's.
     */
    public Builder lookup(MethodHandles.Lookup lookup) {
      this.lookup = Objects.requireNonNull(lookup, "lookup");
      return this;
    }

    /**
     * Which accessors to use: {@link AccessorKind#GENERATED} (the default: build-time classes
     * when present, else generated ones), {@link AccessorKind#BUILD_TIME} (never define a class;
     * reflection where no build-time class exists) or {@link AccessorKind#REFLECTIVE}.
     */
    public Builder accessors(AccessorKind mode) {
      this.mode = Objects.requireNonNull(mode, "mode");
      return this;
    }

    /** Writes every class the mapper generates under {@code directory}, for inspection. */
    public Builder dumpGeneratedClasses(Path directory) {
      this.dump = directory;
      return this;
    }

    /** The clock for {@code @CreatedAt} and {@code @UpdatedAt} (default: the UTC system clock). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** The mapper. */
    public Mapper build() {
      return new Mapper(this);
    }
  }

  static String tableName(Class<?> type) {
    Annotations.Ann t = Annotations.get(type, Table.class);
    return t == null ? null : t.string("value", null);
  }
}
