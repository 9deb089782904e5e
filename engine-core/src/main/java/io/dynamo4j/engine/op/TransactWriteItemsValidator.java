package io.dynamo4j.engine.op;

import io.dynamo4j.api.CancellationReason;
import io.dynamo4j.api.ConditionCheck;
import io.dynamo4j.api.Delete;
import io.dynamo4j.api.Put;
import io.dynamo4j.api.ReturnValuesOnConditionCheckFailure;
import io.dynamo4j.api.TransactWriteItem;
import io.dynamo4j.api.TransactWriteItemsRequest;
import io.dynamo4j.api.Update;
import io.dynamo4j.engine.codec.KeyCodec;
import io.dynamo4j.engine.expr.Condition;
import io.dynamo4j.engine.expr.ExpressionInputs;
import io.dynamo4j.engine.expr.ExpressionSet;
import io.dynamo4j.engine.table.KeyAttribute;
import io.dynamo4j.engine.table.KeySchema;
import io.dynamo4j.engine.table.Table;
import io.dynamo4j.engine.table.TableDefinition;
import io.dynamo4j.error.ValidationException;
import io.dynamo4j.model.AttributeValue;
import io.dynamo4j.model.Item;
import io.dynamo4j.model.Utf8;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * TransactWriteItems' checks, in the order DynamoDB Local (Amazon's own emulator) makes them,
 * which is also the order public tests of the real service observe:
 *
 * <ol>
 *   <li>each action in turn: exactly one of ConditionCheck, Put, Delete and Update; the action's
 *       own checks (a Put's attribute names, nesting and size; every expression and placeholder);
 *       then the transaction's payload so far, which may not pass 4 MB (the items of Puts, the keys
 *       of the other actions, the expressions, the names and the values, counted in DynamoDB's item
 *       size; the message gives the total up to the action that passed the limit);
 *   <li>each action in turn: its table exists; its key attributes are present (no empty key value;
 *       a Key exactly the table's key attributes); no earlier action names the same item of the same
 *       table;
 *   <li>each action in turn, stopping at the first problem: the key attributes' types and sizes, a
 *       Put's secondary index keys, an Update that writes a key attribute or gives an index key
 *       another type. Such a problem cancels the transaction with one {@code ValidationError}
 *       reason (the others {@code None}), as the real service does, with DynamoDB Local's texts.
 * </ol>
 *
 * <p>Problems of the first two steps are ValidationExceptions (ResourceNotFoundException for a
 * table); nothing has been read or locked yet.
 *
 * <p>Stateless and thread-safe.
 */
final class TransactWriteItemsValidator {

  /** DynamoDB's limit on a transaction's payload. */
  static final long MAX_PAYLOAD_BYTES = 4L * 1024 * 1024;

  /** Up to this many actions, duplicates are found by comparing each with those before it. */
  private static final int SMALL = 16;

  private TransactWriteItemsValidator() {}

  /** Whether an action before {@code i} names the item of action {@code i}. */
  private static boolean seenBefore(Table[] tables, Item[] keys, int i) {
    for (int j = 0; j < i; j++) {
      if (tables[j].definition().id().equals(tables[i].definition().id()) && keys[j].equals(keys[i])) {
        return true;
      }
    }
    return false;
  }

  /** What an action does. */
  enum Kind { CHECK, PUT, DELETE, UPDATE }

  /**
   * One validated action.
   *
   * @param index its position in the request
   * @param kind what it does
   * @param table the table
   * @param definition the table's definition when the request was validated
   * @param item the item of a Put, otherwise null
   * @param key the item's key attributes
   * @param storageKey the item's storage key
   * @param condition the condition, or null
   * @param update the update of an Update, otherwise null
   * @param oldOnFailure whether a failed condition returns the item (ReturnValuesOnConditionCheckFailure ALL_OLD)
   */
  record Action(int index, Kind kind, Table table, TableDefinition definition, Item item, Item key, byte[] storageKey,
      Condition condition, io.dynamo4j.engine.expr.Update update, boolean oldOnFailure) {}

  /** Checks {@code request} (its model constraints already checked); returns its actions in request order. */
  static List<Action> validate(EngineContext context, TransactWriteItemsRequest request) {
    List<TransactWriteItem> items = request.transactItems();
    int n = items.size();
    // 1. each action alone, and the payload
    ExpressionSet[] expressions = new ExpressionSet[n];
    long payload = 0;
    for (int i = 0; i < n; i++) {
      TransactWriteItem w = items.get(i);
      int actions = (w.conditionCheck() == null ? 0 : 1) + (w.put() == null ? 0 : 1) + (w.delete() == null ? 0 : 1)
          + (w.update() == null ? 0 : 1);
      if (actions == 0) {
        throw Errors.transactNoAction();
      }
      if (actions > 1) {
        throw Errors.transactSeveralActions();
      }
      expressions[i] = checkAlone(w);
      payload += payload(w);
      if (payload > MAX_PAYLOAD_BYTES) {
        throw Errors.transactPayloadTooLarge(payload);
      }
    }
    // 2. tables, key attributes present, no item twice
    Table[] tables = new Table[n];
    Item[] keys = new Item[n];
    Set<List<Object>> seen = n > SMALL ? new HashSet<>() : null;
    for (int i = 0; i < n; i++) {
      TransactWriteItem w = items.get(i);
      Table table = TransactTables.find(context, tableName(w));
      TableDefinition d = table.definition();
      Item key = w.put() != null ? itemKey(d.primaryKey(), w.put().item()) : keyParameter(d.primaryKey(), keyParameter(w));
      tables[i] = table;
      keys[i] = key;
      if (seen != null ? !seen.add(List.of(d.id(), key)) : seenBefore(tables, keys, i)) {
        throw Errors.transactDuplicateItem();
      }
    }
    // 3. what cancels with a ValidationError: the first problem only
    List<Action> result = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      TransactWriteItem w = items.get(i);
      Table table = tables[i];
      TableDefinition d = table.definition();
      ExpressionSet e = expressions[i];
      try {
        checkKeyTypes(d.primaryKey(), keys[i]);
        checkKeySizes(d.primaryKey(), keys[i]);
        if (w.put() != null) {
          checkIndexKeys(d, w.put().item());
        }
        if (w.update() != null && e != null && e.update() != null) {
          ItemValidator.checkUpdate(d, e.update());
        }
      } catch (ValidationException problem) {
        throw TransactWriteItemsOperation.cancelled(n, i, reason("ValidationError", problem.getMessage()));
      }
      Kind kind = w.conditionCheck() != null ? Kind.CHECK : w.put() != null ? Kind.PUT : w.delete() != null ? Kind.DELETE
          : Kind.UPDATE;
      ReturnValuesOnConditionCheckFailure rv = returnValuesOnFailure(w);
      result.add(new Action(i, kind, table, d, w.put() == null ? null : w.put().item(), keys[i],
          d.primaryKey().storageKey(keys[i], null), e == null ? null : e.condition(), e == null ? null : e.update(),
          rv == ReturnValuesOnConditionCheckFailure.ALL_OLD));
    }
    return result;
  }

  /** A cancellation reason. */
  static CancellationReason reason(String code, String message) {
    return CancellationReason.builder().code(code).message(message).build();
  }

  // ---------------------------------------------------------------- step 1

  private static ExpressionSet checkAlone(TransactWriteItem w) {
    if (w.put() != null) {
      Put p = w.put();
      ItemValidator.checkAttributes(p.item());
      ItemValidator.checkSize(p.item());
      if (p.conditionExpression() == null && p.expressionAttributeNames() == null && p.expressionAttributeValues() == null) {
        return null;
      }
      return ExpressionSet.compile(ExpressionInputs.of(p));
    }
    if (w.update() != null) {
      return ExpressionSet.compile(ExpressionInputs.of(w.update()));
    }
    if (w.delete() != null) {
      Delete d = w.delete();
      if (d.conditionExpression() == null && d.expressionAttributeNames() == null && d.expressionAttributeValues() == null) {
        return null;
      }
      return ExpressionSet.compile(ExpressionInputs.of(d));
    }
    return ExpressionSet.compile(ExpressionInputs.of(w.conditionCheck()));
  }

  /**
   * What an action adds to the payload, as DynamoDB Local measures it (and reports it in its
   * message): the item of a Put or the key of another action, in DynamoDB's item size; the UTF-8
   * length of each expression and of each attribute name the placeholders stand for; the size of
   * each placeholder value.
   */
  static long payload(TransactWriteItem w) {
    if (w.put() != null) {
      Put p = w.put();
      return p.item().sizeInBytes() + text(p.conditionExpression()) + names(p.expressionAttributeNames())
          + values(p.expressionAttributeValues());
    }
    if (w.update() != null) {
      Update u = w.update();
      return u.key().sizeInBytes() + text(u.updateExpression()) + text(u.conditionExpression())
          + names(u.expressionAttributeNames()) + values(u.expressionAttributeValues());
    }
    if (w.delete() != null) {
      Delete d = w.delete();
      return d.key().sizeInBytes() + text(d.conditionExpression()) + names(d.expressionAttributeNames())
          + values(d.expressionAttributeValues());
    }
    ConditionCheck c = w.conditionCheck();
    return c.key().sizeInBytes() + text(c.conditionExpression()) + names(c.expressionAttributeNames())
        + values(c.expressionAttributeValues());
  }

  private static long text(String s) {
    return s == null ? 0 : Utf8.length(s);
  }

  private static long names(Map<String, String> names) {
    long total = 0;
    if (names != null) {
      for (String name : names.values()) {
        total += Utf8.length(name);
      }
    }
    return total;
  }

  private static long values(Map<String, AttributeValue> values) {
    long total = 0;
    if (values != null) {
      for (AttributeValue v : values.values()) {
        total += v.sizeInBytes();
      }
    }
    return total;
  }

  // ---------------------------------------------------------------- step 2

  private static String tableName(TransactWriteItem w) {
    if (w.put() != null) {
      return w.put().tableName();
    }
    if (w.update() != null) {
      return w.update().tableName();
    }
    if (w.delete() != null) {
      return w.delete().tableName();
    }
    return w.conditionCheck().tableName();
  }

  private static Item keyParameter(TransactWriteItem w) {
    if (w.update() != null) {
      return w.update().key();
    }
    if (w.delete() != null) {
      return w.delete().key();
    }
    return w.conditionCheck().key();
  }

  private static ReturnValuesOnConditionCheckFailure returnValuesOnFailure(TransactWriteItem w) {
    if (w.put() != null) {
      return w.put().returnValuesOnConditionCheckFailure();
    }
    if (w.update() != null) {
      return w.update().returnValuesOnConditionCheckFailure();
    }
    if (w.delete() != null) {
      return w.delete().returnValuesOnConditionCheckFailure();
    }
    return w.conditionCheck().returnValuesOnConditionCheckFailure();
  }

  /** A Put's key attributes: none empty, all present. */
  static Item itemKey(KeySchema schema, Item item) {
    ItemValidator.checkKeyValuesNotEmpty(schema, item);
    for (KeyAttribute a : schema.attributes()) {
      if (item.get(a.name()) == null) {
        throw Errors.transactKeyMissing();
      }
    }
    return schema.keyOf(item);
  }

  /** A Key parameter: no empty key value, exactly as many attributes as the key, each present. */
  static Item keyParameter(KeySchema schema, Item key) {
    ItemValidator.checkKeyValuesNotEmpty(schema, key);
    if (key.size() != schema.attributes().size()) {
      throw Errors.transactKeyCount();
    }
    for (KeyAttribute a : schema.attributes()) {
      if (key.get(a.name()) == null) {
        throw Errors.transactKeyMissing();
      }
    }
    return key;
  }

  // ---------------------------------------------------------------- step 3

  /** Each key attribute of its type. */
  static void checkKeyTypes(KeySchema schema, Item key) {
    for (KeyAttribute a : schema.attributes()) {
      if (!a.accepts(key.get(a.name()))) {
        throw new ValidationException(Errors.REASON_KEY_TYPE_MISMATCH);
      }
    }
  }

  /** Each key attribute within its size (DynamoDB Local's transaction text, one for both limits). */
  static void checkKeySizes(KeySchema schema, Item key) {
    try {
      for (KeyAttribute a : schema.partition()) {
        ItemValidator.checkKeySize(key.get(a.name()), true);
      }
      for (KeyAttribute a : schema.sort()) {
        ItemValidator.checkKeySize(key.get(a.name()), false);
      }
    } catch (ValidationException e) {
      throw Errors.transactKeyTooLarge();
    }
  }

  private static void checkIndexKeys(TableDefinition d, Item item) {
    try {
      ItemValidator.checkIndexKeys(d, item);
    } catch (ValidationException e) {
      if (e.getMessage().startsWith(Errors.REASON_INDEX_KEY_TYPE_MISMATCH)) {
        throw new ValidationException(Errors.REASON_INDEX_KEY_TYPE_MISMATCH);
      }
      throw e;
    }
  }

  /** The hash of a storage key (for partitions and throughput). */
  static long hash(byte[] storageKey) {
    return KeyCodec.getHash(storageKey);
  }
}
