package io.dynamo4j.engine.op;

import io.dynamo4j.engine.table.KeyAttribute;
import io.dynamo4j.engine.table.KeySchema;
import io.dynamo4j.engine.table.TableDefinition;
import io.dynamo4j.model.AttributeValue;
import io.dynamo4j.model.Item;
import java.util.List;

/**
 * Validation of a table's key attributes and their storage keys: an item's key (PutItem, a
 * BatchWriteItem PutRequest) and a Key parameter (GetItem, UpdateItem, DeleteItem, BatchGetItem, a
 * BatchWriteItem DeleteRequest).
 *
 * <p>DynamoDB's order: an empty string or binary among the key attributes first; then, for a Key
 * parameter, as many attributes as the key has; then each key attribute in key-schema order:
 * present, of its type, within its size.
 *
 * <p>Stateless and thread-safe.
 */
final class Keys {

  private Keys() {}

  /** PutItem: the storage key of an item to write, after checking its key attributes. */
  static byte[] itemKey(TableDefinition definition, Item item) {
    KeySchema schema = definition.primaryKey();
    ItemValidator.checkKeyValuesNotEmpty(schema, item);
    checkItemKey(schema.partition(), item, true);
    checkItemKey(schema.sort(), item, false);
    return schema.storageKey(item, null);
  }

  private static void checkItemKey(List<KeyAttribute> attributes, Item item, boolean partition) {
    for (KeyAttribute a : attributes) {
      AttributeValue v = item.get(a.name());
      if (v == null) {
        throw Errors.missingKey(a.name());
      }
      if (!a.accepts(v)) {
        throw Errors.keyTypeMismatch(a.name(), a.type().name(), v.type().descriptor());
      }
      ItemValidator.checkKeySize(v, partition);
    }
  }

  /**
   * The storage key named by a Key parameter, which must hold exactly the key attributes, each of
   * its type.
   */
  static byte[] keyParameter(TableDefinition definition, Item key) {
    KeySchema schema = definition.primaryKey();
    ItemValidator.checkKeyValuesNotEmpty(schema, key);
    if (key.size() != schema.partition().size() + schema.sort().size()) {
      throw Errors.keyDoesNotMatchSchema();
    }
    return matchingKey(schema, key);
  }

  /**
   * BatchWriteItem PutRequest: the storage key of an item to write. Unlike PutItem, DynamoDB reports
   * a missing or mistyped key attribute as a key that does not match the schema.
   */
  static byte[] batchItemKey(TableDefinition definition, Item item) {
    KeySchema schema = definition.primaryKey();
    ItemValidator.checkKeyValuesNotEmpty(schema, item);
    return matchingKey(schema, item);
  }

  private static byte[] matchingKey(KeySchema schema, Item item) {
    checkMatches(schema.partition(), item, true);
    checkMatches(schema.sort(), item, false);
    return schema.storageKey(item, null);
  }

  private static void checkMatches(List<KeyAttribute> attributes, Item item, boolean partition) {
    for (KeyAttribute a : attributes) {
      AttributeValue v = item.get(a.name());
      if (v == null || !a.accepts(v)) {
        throw Errors.keyDoesNotMatchSchema();
      }
      ItemValidator.checkKeySize(v, partition);
    }
  }
}
