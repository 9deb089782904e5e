package io.dynamo4j.mapper;

import static io.dynamo4j.expr.ConditionExpression.and;

import io.dynamo4j.expr.AttributePath;
import io.dynamo4j.expr.ConditionExpression;
import io.dynamo4j.expr.SetValue;
import io.dynamo4j.expr.UpdateExpression;
import io.dynamo4j.model.AttributeValue;
import io.dynamo4j.model.Item;
import io.dynamo4j.model.Key;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.Set;

/**
 * One write of one object, prepared: the item with its generated attributes (version, timestamps,
 * counters), the key, and the conditions optimistic locking adds. Pure: it computes, the table
 * sends. Not thread-safe; one per write.
 */
final class WritePlan {

  final Item item;
  final Key key;
  /** The version condition, or null if the class has no version. */
  final ConditionExpression versionCondition;
  /** The version the write expects to find (null: no item), when versioned. */
  final BigDecimal expectedVersion;
  final String versionAttribute;

  private WritePlan(Item item, Key key, ConditionExpression versionCondition, BigDecimal expectedVersion, String versionAttribute) {
    this.item = item;
    this.key = key;
    this.versionCondition = versionCondition;
    this.expectedVersion = expectedVersion;
    this.versionAttribute = versionAttribute;
  }

  /** A put of {@code object}: generated attributes filled in, the version incremented. */
  static <T> WritePlan put(TableSchema<T> schema, T object) {
    Item item = schema.toItem(object);
    Key key = schema.keyOf(item);
    TableSchema.Roles roles = schema.roles(object);
    if (roles == null || !roles.any()) {
      return new WritePlan(item, key, null, null, null);
    }
    Item.Builder b = item.toBuilder();
    java.time.Clock clock = schema.mapper().clock();
    for (PropertyModel p : roles.createdAt()) {
      if (item.get(p.attribute) == null) {
        b.put(p.attribute, TableSchema.timestamp(p, clock));
      }
    }
    for (PropertyModel p : roles.updatedAt()) {
      b.put(p.attribute, TableSchema.timestamp(p, clock));
    }
    for (PropertyModel p : roles.counters()) {
      if (item.get(p.attribute) == null) {
        b.put(p.attribute, AttributeValue.n(p.counterStart));
      }
    }
    ConditionExpression condition = null;
    BigDecimal expected = null;
    String versionAttribute = null;
    if (roles.version() != null) {
      versionAttribute = roles.version().attribute;
      expected = currentVersion(item, roles.version());
      condition = versionCondition(schema, versionAttribute, expected);
      b.put(versionAttribute, AttributeValue.n(expected == null ? BigDecimal.ONE : expected.add(BigDecimal.ONE)));
    }
    return new WritePlan(b.build(), key, condition, expected, versionAttribute);
  }

  /** A delete of {@code object}: its key, and the version it must still have. */
  static <T> WritePlan delete(TableSchema<T> schema, T object) {
    Item item = schema.toItem(object);
    Key key = schema.keyOf(item);
    TableSchema.Roles roles = schema.roles(object);
    if (roles == null || roles.version() == null) {
      return new WritePlan(item, key, null, null, null);
    }
    String attribute = roles.version().attribute;
    BigDecimal expected = currentVersion(item, roles.version());
    return new WritePlan(item, key, versionCondition(schema, attribute, expected), expected, attribute);
  }

  /** The object's version: null when it has none (never stored); a primitive's 0 counts as none. */
  private static BigDecimal currentVersion(Item item, PropertyModel version) {
    AttributeValue v = item.get(version.attribute);
    if (v instanceof AttributeValue.N n && !(version.raw.isPrimitive() && n.value().signum() == 0)) {
      return n.value();
    }
    return null;
  }

  private static ConditionExpression versionCondition(TableSchema<?> schema, String attribute, BigDecimal expected) {
    return expected == null
        ? ConditionExpression.attributeNotExists(AttributePath.of(schema.partition.attribute()))
        : ConditionExpression.eq(AttributePath.of(attribute), AttributeValue.n(expected));
  }

  /**
   * The update of {@code object}: SET for every non-key attribute it has (generated attributes as
   * their rules say), REMOVE for the others in {@link UpdateMode#REPLACE}.
   */
  static <T> Update update(TableSchema<T> schema, T object, UpdateMode mode) {
    Item item = schema.toItem(object);
    Key key = schema.keyOf(item);
    TableSchema.Roles roles = schema.roles(object);
    Set<String> special = new HashSet<>();
    special.add(key.partitionName());
    if (key.sortName() != null) {
      special.add(key.sortName());
    }
    UpdateExpression u = UpdateExpression.empty();
    ConditionExpression condition = null;
    BigDecimal expected = null;
    String versionAttribute = null;
    if (roles != null) {
      java.time.Clock clock = schema.mapper().clock();
      for (PropertyModel p : roles.createdAt()) {
        special.add(p.attribute);
        AttributePath path = AttributePath.of(p.attribute);
        AttributeValue v = item.get(p.attribute);
        u = u.set(path, SetValue.ifNotExists(path, v != null ? v : TableSchema.timestamp(p, clock)));
      }
      for (PropertyModel p : roles.updatedAt()) {
        special.add(p.attribute);
        u = u.set(AttributePath.of(p.attribute), TableSchema.timestamp(p, clock));
      }
      for (PropertyModel p : roles.counters()) {
        special.add(p.attribute);
        AttributePath path = AttributePath.of(p.attribute);
        long start = p.counterStart - p.counterDelta;
        u = u.set(path, SetValue.plus(SetValue.ifNotExists(path, AttributeValue.n(start)), AttributeValue.n(p.counterDelta)));
      }
      if (roles.version() != null) {
        versionAttribute = roles.version().attribute;
        special.add(versionAttribute);
        expected = currentVersion(item, roles.version());
        condition = versionCondition(schema, versionAttribute, expected);
        u = u.set(AttributePath.of(versionAttribute),
            AttributeValue.n(expected == null ? BigDecimal.ONE : expected.add(BigDecimal.ONE)));
      }
    }
    for (int i = 0; i < item.size(); i++) {
      String name = item.nameAt(i);
      if (!special.contains(name)) {
        u = u.set(AttributePath.of(name), item.valueAt(i));
      }
    }
    if (mode == UpdateMode.REPLACE) {
      ObjectModel<?> model = schema.mapping.modelOf(object);
      for (PropertyModel p : model.properties) {
        Set<String> names = p.kind == PropertyModel.Kind.FLAT ? p.flat.attributeNames() : Set.of(p.attribute);
        for (String name : names) {
          if (!special.contains(name) && item.get(name) == null) {
            u = u.remove(AttributePath.of(name));
          }
        }
      }
    }
    return new Update(key, u, condition, expected, versionAttribute);
  }

  /** An UpdateItem of one object, prepared. */
  record Update(Key key, UpdateExpression update, ConditionExpression versionCondition, BigDecimal expectedVersion,
      String versionAttribute) {}

  /** {@code user AND version}, either possibly null. */
  static ConditionExpression combine(ConditionExpression user, ConditionExpression version) {
    if (user == null) {
      return version;
    }
    return version == null ? user : and(user, version);
  }
}
