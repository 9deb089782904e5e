package io.dynamo4j.engine.op;

import io.dynamo4j.engine.expr.Update;
import io.dynamo4j.engine.table.IndexDefinition;
import io.dynamo4j.engine.table.KeyAttribute;
import io.dynamo4j.engine.table.KeySchema;
import io.dynamo4j.engine.table.TableDefinition;
import io.dynamo4j.model.AttributeValue;
import io.dynamo4j.model.Item;
import io.dynamo4j.model.Utf8;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * DynamoDB's limits on items and key values, shared by the operations that write or read items:
 * attribute names, nesting depth, item size, empty key values, key sizes and the types of
 * secondary index keys. Each check throws DynamoDB's ValidationException for the first problem.
 *
 * <p>Where several indexes have a problem, the index first in name order is reported (DynamoDB does
 * not document an order; public reports of the real service name that one).
 *
 * <p>Stateless and thread-safe.
 */
final class ItemValidator {

  /** DynamoDB's item size limit, names included. */
  static final int MAX_ITEM_BYTES = 400 * 1024;
  /** The limit on a partition key (all partition attributes of a multi-attribute index key together). */
  static final int MAX_PARTITION_KEY_BYTES = 2048;
  /** The limit on a sort key (all sort attributes of a multi-attribute index key together). */
  static final int MAX_SORT_KEY_BYTES = 1024;
  /** The longest attribute name, in UTF-8 bytes. */
  static final int MAX_NAME_BYTES = 65535;
  /** Maps and lists may nest 31 deep: with the innermost value, 32 levels. */
  static final int MAX_CONTAINER_DEPTH = 31;

  private static final Comparator<IndexDefinition> BY_NAME = Comparator.comparing(IndexDefinition::name);

  private ItemValidator() {}

  // ---------------------------------------------------------------- the item alone

  /** Every attribute name of {@code item}, nested map keys included, and the nesting of its values. */
  static void checkAttributes(Item item) {
    checkMap(item, 0);
  }

  private static void checkMap(Item map, int depth) {
    for (int i = 0, n = map.size(); i < n; i++) {
      checkName(map.nameAt(i));
      AttributeValue v = map.valueAt(i);
      if (v instanceof AttributeValue.M || v instanceof AttributeValue.L) {
        checkValue(v, depth + 1);
      }
    }
  }

  private static void checkValue(AttributeValue value, int depth) {
    if (depth > MAX_CONTAINER_DEPTH) {
      throw Errors.nestingTooDeep();
    }
    if (value instanceof AttributeValue.M m) {
      checkMap(m.value(), depth);
    } else if (value instanceof AttributeValue.L l) {
      for (AttributeValue element : l.value()) {
        if (element instanceof AttributeValue.M || element instanceof AttributeValue.L) {
          checkValue(element, depth + 1);
        }
      }
    }
  }

  private static void checkName(String name) {
    if (name.isEmpty()) {
      throw Errors.emptyAttributeName();
    }
    // chars <= UTF-8 bytes <= 3 * chars: count bytes only when it can matter
    if (name.length() > MAX_NAME_BYTES || (name.length() > MAX_NAME_BYTES / 3 && Utf8.length(name) > MAX_NAME_BYTES)) {
      throw Errors.attributeNameTooLong();
    }
  }

  /** The 400 KB limit on an item to write. */
  static void checkSize(Item item) {
    if (item.sizeInBytes() > MAX_ITEM_BYTES) {
      throw Errors.itemTooLarge();
    }
  }

  // ---------------------------------------------------------------- table keys

  /**
   * The first check of a table's key attributes, before their presence and types: none of those
   * present may be an empty string or binary.
   */
  static void checkKeyValuesNotEmpty(KeySchema schema, Item item) {
    for (KeyAttribute a : schema.partition()) {
      checkNotEmpty(a, item.get(a.name()));
    }
    for (KeyAttribute a : schema.sort()) {
      checkNotEmpty(a, item.get(a.name()));
    }
  }

  private static void checkNotEmpty(KeyAttribute a, AttributeValue v) {
    if (v != null && isEmpty(v)) {
      throw Errors.emptyKeyValue(a.name(), v.type());
    }
  }

  /** The size limit of one table key value, present and of the right type. */
  static void checkKeySize(AttributeValue value, boolean partition) {
    int limit = partition ? MAX_PARTITION_KEY_BYTES : MAX_SORT_KEY_BYTES;
    // chars <= UTF-8 bytes <= 3 * chars: short strings need no counting
    if (value instanceof AttributeValue.S s && s.value().length() * 3 <= limit) {
      return;
    }
    if (bytes(value) > limit) {
      throw partition ? Errors.partitionKeyTooLarge() : Errors.sortKeyTooLarge();
    }
  }

  // ---------------------------------------------------------------- secondary index keys of an item

  /**
   * The secondary index key attributes of an item written whole (PutItem, BatchWriteItem): first
   * their types, then empty values, then key sizes, each over every index. Attributes an item lacks
   * are fine: the item is just not in that index.
   */
  static void checkIndexKeys(TableDefinition definition, Item item) {
    List<IndexDefinition> indexes = definition.indexes();
    if (indexes.isEmpty() || !anyIndexKeyProblem(indexes, item)) {
      return;
    }
    List<IndexDefinition> byName = byName(indexes);
    for (IndexDefinition index : byName) {
      for (KeyAttribute a : index.keyAttributes()) {
        AttributeValue v = item.get(a.name());
        if (v != null && !a.accepts(v)) {
          throw Errors.indexKeyTypeMismatch(a.name(), a.type().name(), v.type().descriptor(), index.name());
        }
      }
    }
    for (IndexDefinition index : byName) {
      for (KeyAttribute a : index.keyAttributes()) {
        AttributeValue v = item.get(a.name());
        if (v != null && isEmpty(v)) {
          throw Errors.emptyIndexKeyValue(index.name(), a.name(), v.type());
        }
      }
    }
    for (IndexDefinition index : byName) {
      if (aggregate(index.keySchema().partition(), item) > MAX_PARTITION_KEY_BYTES) {
        throw Errors.partitionKeyTooLarge();
      }
      if (aggregate(index.keySchema().sort(), item) > MAX_SORT_KEY_BYTES) {
        throw Errors.sortKeyTooLarge();
      }
    }
  }

  /** A cheap pass that finds whether {@link #checkIndexKeys} has anything to report. */
  private static boolean anyIndexKeyProblem(List<IndexDefinition> indexes, Item item) {
    for (IndexDefinition index : indexes) {
      KeySchema schema = index.keySchema();
      if (anyProblem(schema.partition(), item, MAX_PARTITION_KEY_BYTES) || anyProblem(schema.sort(), item, MAX_SORT_KEY_BYTES)) {
        return true;
      }
    }
    return false;
  }

  private static boolean anyProblem(List<KeyAttribute> attributes, Item item, int limit) {
    for (KeyAttribute a : attributes) {
      AttributeValue v = item.get(a.name());
      if (v != null && (!a.accepts(v) || isEmpty(v))) {
        return true;
      }
    }
    return aggregate(attributes, item) > limit;
  }

  // ---------------------------------------------------------------- updates

  /**
   * What an UpdateItem may not do, known from the request and the table alone (before the item is
   * read), in DynamoDB's order: write a table key attribute; give a secondary index key attribute a
   * value of another type; write inside a secondary index key attribute.
   */
  static void checkUpdate(TableDefinition definition, Update update) {
    KeySchema key = definition.primaryKey();
    update.checkKeyAttributes(key.hasSort()
        ? List.of(key.hashKey().name(), key.rangeKey().name())
        : List.of(key.hashKey().name()));
    List<IndexDefinition> indexes = definition.indexes();
    if (indexes.isEmpty()) {
      return;
    }
    List<IndexDefinition> byName = null;
    for (IndexDefinition index : indexes) {
      for (KeyAttribute a : index.keyAttributes()) {
        AttributeValue.Type declared = update.declaredType(a.name());
        if ((declared != null && !declared.name().equals(a.type().name())) || update.writesInside(a.name())) {
          byName = byName(indexes);
        }
      }
    }
    if (byName == null) {
      return;
    }
    for (IndexDefinition index : byName) {
      for (KeyAttribute a : index.keyAttributes()) {
        AttributeValue.Type declared = update.declaredType(a.name());
        if (declared != null && !declared.name().equals(a.type().name())) {
          throw Errors.indexKeyTypeMismatch(a.name(), a.type().name(), declared.descriptor(), index.name());
        }
      }
    }
    for (IndexDefinition index : byName) {
      for (KeyAttribute a : index.keyAttributes()) {
        if (update.writesInside(a.name())) {
          throw Errors.indexKeyNotScalar(a.name());
        }
      }
    }
  }

  /**
   * The secondary index key attributes an update wrote, as they are in the new item: a type the
   * index does not define, an empty value or an oversized key is an error (attributes the update
   * did not touch are not checked: an item may hold values an index added later skips).
   */
  static void checkUpdatedIndexKeys(TableDefinition definition, Update update, Item item) {
    List<IndexDefinition> indexes = definition.indexes();
    if (indexes.isEmpty()) {
      return;
    }
    Set<String> written = update.topLevelAttributes();
    boolean touched = false;
    for (IndexDefinition index : indexes) {
      for (KeyAttribute a : index.keyAttributes()) {
        if (written.contains(a.name())) {
          touched = true;
          AttributeValue v = item.get(a.name());
          if (v != null && !a.accepts(v)) {
            throw Errors.updatedIndexKeyType();
          }
        }
      }
    }
    if (!touched) {
      return;
    }
    for (IndexDefinition index : indexes) {
      for (KeyAttribute a : index.keyAttributes()) {
        AttributeValue v = written.contains(a.name()) ? item.get(a.name()) : null;
        if (v != null && isEmpty(v)) {
          throw Errors.updatedIndexKeyEmpty(v.type());
        }
      }
    }
    for (IndexDefinition index : indexes) {
      if (aggregate(index.keySchema().partition(), item) > MAX_PARTITION_KEY_BYTES
          || aggregate(index.keySchema().sort(), item) > MAX_SORT_KEY_BYTES) {
        throw Errors.updatedIndexKeyTooLarge();
      }
    }
  }

  // ---------------------------------------------------------------- helpers

  private static List<IndexDefinition> byName(List<IndexDefinition> indexes) {
    if (indexes.size() == 1) {
      return indexes;
    }
    List<IndexDefinition> sorted = new ArrayList<>(indexes);
    sorted.sort(BY_NAME);
    return sorted;
  }

  private static boolean isEmpty(AttributeValue v) {
    return (v instanceof AttributeValue.S s && s.value().isEmpty()) || (v instanceof AttributeValue.B b && b.value().length() == 0);
  }

  /** The key bytes of a value: UTF-8 bytes of a string, bytes of a binary; numbers never reach a limit. */
  private static int bytes(AttributeValue v) {
    if (v instanceof AttributeValue.S s) {
      return Utf8.length(s.value());
    }
    if (v instanceof AttributeValue.B b) {
      return b.value().length();
    }
    return 0;
  }

  /** The key bytes of the attributes of {@code item} among {@code attributes} that have a key type. */
  private static int aggregate(List<KeyAttribute> attributes, Item item) {
    int total = 0;
    for (KeyAttribute a : attributes) {
      AttributeValue v = item.get(a.name());
      if (v != null && a.accepts(v)) {
        total += bytes(v);
      }
    }
    return total;
  }
}
