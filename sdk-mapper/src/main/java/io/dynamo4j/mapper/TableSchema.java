package io.dynamo4j.mapper;

import io.dynamo4j.api.AttributeDefinition;
import io.dynamo4j.api.BillingMode;
import io.dynamo4j.api.CreateTableRequest;
import io.dynamo4j.api.GlobalSecondaryIndex;
import io.dynamo4j.api.KeySchemaElement;
import io.dynamo4j.api.KeyType;
import io.dynamo4j.api.LocalSecondaryIndex;
import io.dynamo4j.api.Projection;
import io.dynamo4j.api.ProjectionType;
import io.dynamo4j.api.ScalarAttributeType;
import io.dynamo4j.mapper.annotation.Index;
import io.dynamo4j.mapper.convert.AttributeConverter;
import io.dynamo4j.model.AttributeValue;
import io.dynamo4j.model.Item;
import io.dynamo4j.model.Key;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The mapping of one class (or polymorphic hierarchy) to items: converts instances to items and
 * back, knows the table's keys, indexes, TTL attribute and generated attributes, and hands out
 * typed {@link MappedProperty properties} for conditions and updates. Get one from
 * {@link Mapper#schema(Class)}.
 *
 * <pre>{@code
 * TableSchema<Order> schema = mapper.schema(Order.class);
 * Item item = schema.toItem(order);
 * Order back = schema.fromItem(item);
 * Key key = schema.key("o-1");
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param <T> the mapped type
 */
public final class TableSchema<T> {

  /** One key attribute of the table or an index. */
  record KeyAttribute(String attribute, ScalarAttributeType type, AttributeConverter<Object> converter, String property) {

    AttributeValue value(Object javaValue) {
      if (javaValue == null) {
        throw new IllegalArgumentException("the value of key attribute \"" + attribute + "\" (" + property + ") must not be null");
      }
      try {
        return converter.toAttributeValue(javaValue);
      } catch (ClassCastException e) {
        throw new IllegalArgumentException("key attribute \"" + attribute + "\" (" + property + ") takes a value of its"
            + " property's type, not " + javaValue.getClass().getName(), e);
      }
    }
  }

  /** A secondary index. */
  record IndexModel(String name, List<KeyAttribute> partition, List<KeyAttribute> sort, boolean local,
      Index.Projection projection, List<String> include) {}

  /** The generated attributes of one concrete class. */
  record Roles(PropertyModel version, List<PropertyModel> createdAt, List<PropertyModel> updatedAt,
      List<PropertyModel> counters) {

    boolean any() {
      return version != null || !createdAt.isEmpty() || !updatedAt.isEmpty() || !counters.isEmpty();
    }
  }

  private final Mapper mapper;
  final Mapping<T> mapping;
  private final String tableName;
  final KeyAttribute partition;
  final KeyAttribute sort;
  final Map<String, IndexModel> indexes;
  final String ttlAttribute;
  private final Map<Class<?>, Roles> roles = new HashMap<>();
  private final List<String> attributeNames;
  private final Map<String, MappedProperty<?>> properties = new HashMap<>();

  TableSchema(Mapper mapper, Mapping<T> mapping) {
    this.mapper = mapper;
    this.mapping = mapping;
    this.tableName = Mapper.tableName(mapping.type);
    String where = mapping.type.getSimpleName();
    this.partition = key(where, "@PartitionKey", true);
    this.sort = key(where, "@SortKey", false);
    if (partition == null && sort != null) {
      throw new MappingException(where + " has a @SortKey but no @PartitionKey; annotate the partition key property");
    }
    this.indexes = indexes(where);
    String ttl = null;
    Set<String> names = new LinkedHashSet<>();
    if (mapping.discriminatorName() != null) {
      names.add(mapping.discriminatorName());
    }
    for (ObjectModel<? extends T> m : mapping.models()) {
      PropertyModel version = null;
      List<PropertyModel> created = new ArrayList<>();
      List<PropertyModel> updated = new ArrayList<>();
      List<PropertyModel> counters = new ArrayList<>();
      for (PropertyModel p : m.properties) {
        if (p.kind == PropertyModel.Kind.FLAT) {
          names.addAll(p.flat.attributeNames());
        } else {
          names.add(p.attribute);
        }
        if (p.version) {
          requireNumber(p, "@Version");
          if (version != null) {
            throw new MappingException(m.type.getSimpleName() + " has two @Version properties, " + version.name + " and "
                + p.name + "; keep one");
          }
          version = p;
        }
        if (p.counter) {
          requireNumber(p, "@AtomicCounter");
          counters.add(p);
        }
        if (p.createdAt || p.updatedAt) {
          timestamp(p, Clock.systemUTC());
          (p.createdAt ? created : updated).add(p);
        }
        if (p.ttl) {
          Class<?> r = p.raw;
          if (r != Instant.class && r != long.class && r != Long.class) {
            throw new MappingException(p.qualified() + " is the @TimeToLive attribute but has type " + r.getSimpleName()
                + "; use Instant or long (epoch seconds), which DynamoDB's TTL requires as a number");
          }
          if (ttl != null && !ttl.equals(p.attribute)) {
            throw new MappingException(where + " has two @TimeToLive attributes, \"" + ttl + "\" and \"" + p.attribute
                + "\"; a table has one");
          }
          ttl = p.attribute;
        }
      }
      roles.put(m.type, new Roles(version, List.copyOf(created), List.copyOf(updated), List.copyOf(counters)));
    }
    this.ttlAttribute = ttl;
    this.attributeNames = List.copyOf(names);
  }

  @SuppressWarnings("unchecked")
  private KeyAttribute key(String where, String annotation, boolean partitionKey) {
    KeyAttribute found = null;
    for (ObjectModel<? extends T> m : mapping.models()) {
      PropertyModel k = null;
      for (PropertyModel p : m.properties) {
        if (partitionKey ? p.partitionKey : p.sortKey) {
          if (k != null) {
            throw new MappingException(m.type.getSimpleName() + " has two " + annotation + " properties, " + k.name
                + " and " + p.name + "; a table has one (use a GSI for another access pattern)");
          }
          k = p;
        }
      }
      if (k == null) {
        if (found != null) {
          throw new MappingException(where + "'s subtype " + m.type.getSimpleName() + " has no " + annotation
              + "; every subtype stored in one table needs the same key");
        }
        continue;
      }
      KeyAttribute ka = new KeyAttribute(k.attribute, scalar(k, annotation), (AttributeConverter<Object>) k.converter,
          k.qualified());
      if (found != null && (!found.attribute.equals(ka.attribute) || found.type != ka.type)) {
        throw new MappingException(where + "'s subtypes disagree on their " + annotation + ": " + found.property
            + " is \"" + found.attribute + "\" (" + found.type + ") but " + ka.property + " is \"" + ka.attribute
            + "\" (" + ka.type + "); every subtype stored in one table needs the same key");
      }
      found = found == null ? ka : found;
    }
    return found;
  }

  private static ScalarAttributeType scalar(PropertyModel p, String role) {
    AttributeValue.Type t = p.kind == PropertyModel.Kind.FLAT || p.converter == null ? null : p.converter.attributeType();
    if (t == AttributeValue.Type.S) {
      return ScalarAttributeType.S;
    } else if (t == AttributeValue.Type.N) {
      return ScalarAttributeType.N;
    } else if (t == AttributeValue.Type.B) {
      return ScalarAttributeType.B;
    }
    throw new MappingException(p.qualified() + " is a key (" + role + ") but its type " + p.raw.getSimpleName()
        + " maps to " + (t == null ? "no single DynamoDB type" : t) + "; key attributes must be strings, numbers or"
        + " binary: change the type, or give it a @Convert converter whose attributeType() is S, N or B");
  }

  @SuppressWarnings("unchecked")
  private Map<String, IndexModel> indexes(String where) {
    Map<String, Map<Integer, KeyAttribute>> partitions = new LinkedHashMap<>();
    Map<String, Map<Integer, KeyAttribute>> sorts = new LinkedHashMap<>();
    for (ObjectModel<? extends T> m : mapping.models()) {
      for (PropertyModel p : m.properties) {
        for (PropertyModel.IndexKey k : p.indexKeys) {
          String role = k.partition() ? "@IndexPartitionKey" : "@IndexSortKey";
          if (k.order() < 0 || k.order() > 3) {
            throw new MappingException(p.qualified() + " has " + role + "(index = \"" + k.index() + "\", order = "
                + k.order() + "); order is 0 to 3 (a key has at most four attributes)");
          }
          KeyAttribute ka = new KeyAttribute(p.attribute, scalar(p, role), (AttributeConverter<Object>) p.converter,
              p.qualified());
          Map<String, Map<Integer, KeyAttribute>> byIndex = k.partition() ? partitions : sorts;
          Map<Integer, KeyAttribute> slots = byIndex.get(k.index());
          if (slots == null) {
            slots = new java.util.TreeMap<>();
            byIndex.put(k.index(), slots);
          }
          KeyAttribute clash = slots.get(k.order());
          if (clash != null && !clash.attribute.equals(ka.attribute)) {
            throw new MappingException(where + ": " + clash.property + " and " + ka.property + " are both " + role
                + " of index \"" + k.index() + "\" at order " + k.order() + "; give each attribute its own order");
          }
          slots.put(k.order(), ka);
        }
      }
    }
    Map<String, Annotations.Ann> declared = new HashMap<>();
    for (Annotations.Ann i : Annotations.all(mapping.type, Index.class, Index.List.class)) {
      declared.put(i.string("name", ""), i);
    }
    Map<String, IndexModel> out = new LinkedHashMap<>();
    Set<String> all = new LinkedHashSet<>(partitions.keySet());
    all.addAll(sorts.keySet());
    for (String name : all) {
      List<KeyAttribute> p = ordered(where, name, partitions.get(name), "@IndexPartitionKey");
      List<KeyAttribute> s = ordered(where, name, sorts.get(name), "@IndexSortKey");
      boolean local = p.isEmpty();
      if (local && s.size() > 1) {
        throw new MappingException(where + "'s index \"" + name + "\" has no @IndexPartitionKey, so it is a local"
            + " secondary index, and those have one sort key attribute; add an @IndexPartitionKey to make it global");
      }
      Annotations.Ann d = declared.get(name);
      List<String> include = new ArrayList<>();
      if (d != null) {
        for (Object o : d.list("include")) {
          include.add((String) o);
        }
      }
      out.put(name, new IndexModel(name, p, s, local,
          d == null ? Index.Projection.ALL : Index.Projection.valueOf(d.string("projection", "ALL")), List.copyOf(include)));
    }
    for (String name : declared.keySet()) {
      if (!out.containsKey(name)) {
        throw new MappingException(where + " declares @Index(name = \"" + name + "\") but no property is its key;"
            + " annotate its key properties with @IndexPartitionKey / @IndexSortKey(index = \"" + name + "\")");
      }
    }
    return Collections.unmodifiableMap(out);
  }

  private static List<KeyAttribute> ordered(String where, String index, Map<Integer, KeyAttribute> slots, String role) {
    if (slots == null) {
      return List.of();
    }
    List<KeyAttribute> out = new ArrayList<>();
    int expected = 0;
    for (Map.Entry<Integer, KeyAttribute> e : slots.entrySet()) {
      if (e.getKey() != expected) {
        throw new MappingException(where + "'s index \"" + index + "\" has " + role + " attributes at orders "
            + slots.keySet() + "; number them from 0 without gaps");
      }
      expected++;
      out.add(e.getValue());
    }
    return List.copyOf(out);
  }

  private static void requireNumber(PropertyModel p, String role) {
    Class<?> r = p.raw;
    if (r != long.class && r != Long.class && r != int.class && r != Integer.class) {
      throw new MappingException(p.qualified() + " is annotated " + role + " but has type " + r.getSimpleName()
          + "; use long, Long, int or Integer");
    }
  }

  /** The value of a timestamp property at the clock's current instant. */
  static AttributeValue timestamp(PropertyModel p, Clock clock) {
    Object now;
    Class<?> r = p.raw;
    if (r == Instant.class) {
      now = clock.instant();
    } else if (r == long.class || r == Long.class) {
      now = clock.millis();
    } else if (r == OffsetDateTime.class) {
      now = OffsetDateTime.now(clock);
    } else if (r == ZonedDateTime.class) {
      now = ZonedDateTime.now(clock);
    } else if (r == LocalDateTime.class) {
      now = LocalDateTime.now(clock);
    } else if (r == LocalDate.class) {
      now = LocalDate.now(clock);
    } else {
      throw new MappingException(p.qualified() + " is annotated " + (p.createdAt ? "@CreatedAt" : "@UpdatedAt")
          + " but has type " + r.getSimpleName() + "; use Instant, long (epoch milliseconds), OffsetDateTime,"
          + " ZonedDateTime, LocalDateTime or LocalDate");
    }
    @SuppressWarnings("unchecked")
    AttributeConverter<Object> c = (AttributeConverter<Object>) p.converter;
    return c.toAttributeValue(now);
  }

  // ---------------------------------------------------------------- public API

  /** The mapped type. */
  public Class<T> type() {
    return mapping.type;
  }

  /** The table name of the type's {@code @Table}, or null if it has none. */
  public String tableName() {
    return tableName;
  }

  /** Where this schema's accessors come from (the least direct of its classes'). */
  public AccessorKind accessorKind() {
    AccessorKind k = AccessorKind.BUILD_TIME;
    for (ObjectModel<? extends T> m : mapping.models()) {
      if (m.accessorKind == AccessorKind.REFLECTIVE) {
        return AccessorKind.REFLECTIVE;
      }
      if (m.accessorKind == AccessorKind.GENERATED) {
        k = AccessorKind.GENERATED;
      }
    }
    return k;
  }

  /** The top-level attribute names the type's items can have (discriminator and flattened attributes included). */
  public List<String> attributeNames() {
    return attributeNames;
  }

  /** The names of the secondary indexes the annotations declare. */
  public Set<String> indexNames() {
    return indexes.keySet();
  }

  /**
   * The item of {@code object}: every non-null property (null ones are left out), and the
   * discriminator of a subtype.
   *
   * @throws MappingException if a property cannot be converted
   */
  public Item toItem(T object) {
    if (object == null) {
      throw new IllegalArgumentException("cannot map a null " + mapping.type.getSimpleName());
    }
    return mapping.write(object, false);
  }

  /**
   * The instance of {@code item}. Attributes without a property are ignored; properties without
   * an attribute are null, zero or false (or keep the value a bean's constructor gave them).
   *
   * @throws MappingException if an attribute cannot be converted to its property's type, or a
   *     polymorphic item has no known discriminator
   */
  public T fromItem(Item item) {
    if (item == null) {
      throw new IllegalArgumentException("cannot read a null item");
    }
    return mapping.read(item);
  }

  /** The primary key of a table with a simple key, from the partition key property's Java value. */
  public Key key(Object partitionValue) {
    requireKeys();
    if (sort != null) {
      throw new IllegalArgumentException(mapping.type.getSimpleName() + "'s table has a sort key (\"" + sort.attribute
          + "\"); give both key values");
    }
    return Key.of(partition.attribute, partition.value(partitionValue));
  }

  /** The primary key of a table with a composite key, from the key properties' Java values. */
  public Key key(Object partitionValue, Object sortValue) {
    requireKeys();
    if (sort == null) {
      throw new IllegalArgumentException(mapping.type.getSimpleName() + "'s table has no sort key; give the partition key value alone");
    }
    return Key.of(partition.attribute, partition.value(partitionValue), sort.attribute, sort.value(sortValue));
  }

  /** The primary key of {@code object}. */
  public Key keyOf(T object) {
    return keyOf(toItem(object));
  }

  Key keyOf(Item item) {
    requireKeys();
    Key k = Key.from(item, partition.attribute, sort == null ? null : sort.attribute);
    if (k == null) {
      throw new IllegalArgumentException("the " + mapping.type.getSimpleName() + " has no value for key attribute \""
          + (item.get(partition.attribute) == null ? partition.attribute : sort.attribute) + "\"; set it before writing");
    }
    return k;
  }

  /**
   * The property {@code name} (the Java name, or a dotted path through nested types such as
   * {@code "address.city"}), for typed conditions and updates.
   *
   * @throws IllegalArgumentException if there is no such property
   */
  @SuppressWarnings("unchecked")
  public <V> MappedProperty<V> property(String name) {
    synchronized (properties) {
      MappedProperty<?> p = properties.get(name);
      if (p == null) {
        p = MappedProperty.resolve(mapper, mapping, name);
        properties.put(name, p);
      }
      return (MappedProperty<V>) p;
    }
  }

  /**
   * {@link #property(String)}, checking that its values are {@code valueType}s.
   *
   * @throws IllegalArgumentException if there is no such property or it has another type
   */
  public <V> MappedProperty<V> property(String name, Class<V> valueType) {
    MappedProperty<V> p = property(name);
    if (!AccessorNames.boxed(p.javaType()).equals(AccessorNames.boxed(valueType))) {
      throw new IllegalArgumentException(mapping.type.getSimpleName() + "." + name + " has type "
          + p.javaType().getSimpleName() + ", not " + valueType.getSimpleName());
    }
    return p;
  }

  /**
   * DynamoDB's {@code CreateTable} request for this schema's table under {@code tableName}: its
   * keys, attribute definitions, and secondary indexes (keys in their declared order,
   * projections from {@code @Index}), billed per request.
   */
  public CreateTableRequest createTableRequest(String tableName) {
    requireKeys();
    Map<String, ScalarAttributeType> definitions = new LinkedHashMap<>();
    List<KeySchemaElement> keySchema = new ArrayList<>();
    define(definitions, partition);
    keySchema.add(KeySchemaElement.builder().attributeName(partition.attribute).keyType(KeyType.HASH).build());
    if (sort != null) {
      define(definitions, sort);
      keySchema.add(KeySchemaElement.builder().attributeName(sort.attribute).keyType(KeyType.RANGE).build());
    }
    List<GlobalSecondaryIndex> globals = new ArrayList<>();
    List<LocalSecondaryIndex> locals = new ArrayList<>();
    for (IndexModel index : indexes.values()) {
      List<KeySchemaElement> ks = new ArrayList<>();
      if (index.local()) {
        ks.add(KeySchemaElement.builder().attributeName(partition.attribute).keyType(KeyType.HASH).build());
      }
      for (KeyAttribute k : index.partition()) {
        define(definitions, k);
        ks.add(KeySchemaElement.builder().attributeName(k.attribute).keyType(KeyType.HASH).build());
      }
      for (KeyAttribute k : index.sort()) {
        define(definitions, k);
        ks.add(KeySchemaElement.builder().attributeName(k.attribute).keyType(KeyType.RANGE).build());
      }
      Projection.Builder projection = Projection.builder().projectionType(ProjectionType.valueOf(index.projection().name()));
      if (index.projection() == Index.Projection.INCLUDE) {
        projection.nonKeyAttributes(index.include());
      }
      if (index.local()) {
        locals.add(LocalSecondaryIndex.builder().indexName(index.name()).keySchema(ks).projection(projection.build()).build());
      } else {
        globals.add(GlobalSecondaryIndex.builder().indexName(index.name()).keySchema(ks).projection(projection.build()).build());
      }
    }
    List<AttributeDefinition> defs = new ArrayList<>();
    definitions.forEach((n, t) -> defs.add(AttributeDefinition.builder().attributeName(n).attributeType(t).build()));
    return CreateTableRequest.builder()
        .tableName(tableName)
        .attributeDefinitions(defs)
        .keySchema(keySchema)
        .globalSecondaryIndexes(globals.isEmpty() ? null : globals)
        .localSecondaryIndexes(locals.isEmpty() ? null : locals)
        .billingMode(BillingMode.PAY_PER_REQUEST)
        .build();
  }

  private void define(Map<String, ScalarAttributeType> definitions, KeyAttribute k) {
    ScalarAttributeType previous = definitions.putIfAbsent(k.attribute, k.type);
    if (previous != null && previous != k.type) {
      throw new MappingException(mapping.type.getSimpleName() + ": key attribute \"" + k.attribute + "\" is " + previous
          + " in one key and " + k.type + " in another (" + k.property + ")");
    }
  }

  /** The time-to-live attribute, or null if the type has none. */
  public String timeToLiveAttribute() {
    return ttlAttribute;
  }

  void requireKeys() {
    if (partition == null) {
      throw new MappingException(mapping.type.getSimpleName() + " has no @PartitionKey; annotate the property that"
          + " holds the table's partition key (and @SortKey for a composite key)");
    }
  }

  Roles roles(Object object) {
    return roles.get(mapping.modelOf(object).type);
  }

  Roles rolesOf(Class<?> concrete) {
    return roles.get(concrete);
  }

  boolean hasRoles() {
    for (Roles r : roles.values()) {
      if (r.any()) {
        return true;
      }
    }
    return false;
  }

  Mapper mapper() {
    return mapper;
  }

  @Override
  public String toString() {
    return "TableSchema{" + mapping.type.getSimpleName() + ", attributes=" + attributeNames + "}";
  }
}
