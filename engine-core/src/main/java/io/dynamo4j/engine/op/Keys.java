package io.dynamo4j.engine.op;

import io.dynamo4j.engine.table.KeyAttribute;
import io.dynamo4j.engine.table.KeySchema;
import io.dynamo4j.engine.table.TableDefinition;
import io.dynamo4j.model.AttributeValue;
import io.dynamo4j.model.Item;

/**
 * Validation of key attributes and their storage keys: an item's key (PutItem) and a Key
 * parameter (GetItem, UpdateItem, DeleteItem).
 *
 * <p>Stateless and thread-safe.
 */
final class Keys {

  private Keys() {}

  /** The storage key of an item to write, after checking its key attributes. */
  static byte[] itemKey(TableDefinition definition, Item item) {
    KeySchema schema = definition.primaryKey();
    for (KeyAttribute a : schema.attributes()) {
      AttributeValue v = item.get(a.name());
      if (v == null) {
        throw Errors.missingKey(a.name());
      }
      if (!a.accepts(v)) {
        throw Errors.keyTypeMismatch(a.name(), a.type().name(), v.type().descriptor());
      }
    }
    return schema.storageKey(item, null);
  }

  /** The storage key named by a Key parameter, which must hold exactly the key attributes. */
  static byte[] keyParameter(TableDefinition definition, Item key) {
    KeySchema schema = definition.primaryKey();
    if (key.size() != schema.partition().size() + schema.sort().size()) {
      throw Errors.keyDoesNotMatchSchema();
    }
    for (KeyAttribute a : schema.attributes()) {
      AttributeValue v = key.get(a.name());
      if (v == null || !a.accepts(v)) {
        throw Errors.keyDoesNotMatchSchema();
      }
    }
    return schema.storageKey(key, null);
  }
}
