package io.dynamo4j.engine.op;

import io.dynamo4j.api.Get;
import io.dynamo4j.api.TransactGetItem;
import io.dynamo4j.api.TransactGetItemsRequest;
import io.dynamo4j.engine.expr.ExpressionInputs;
import io.dynamo4j.engine.expr.ExpressionSet;
import io.dynamo4j.engine.expr.Projection;
import io.dynamo4j.engine.table.KeySchema;
import io.dynamo4j.engine.table.Table;
import io.dynamo4j.engine.table.TableDefinition;
import io.dynamo4j.error.ValidationException;
import io.dynamo4j.model.Item;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * TransactGetItems' checks, action by action in request order, as DynamoDB Local (Amazon's own
 * emulator) makes them: the table exists; the projection and its names; no empty key value; the
 * key's attributes (as many as the table's key, each present, each of its type), whose problems
 * cancel the transaction with a {@code ValidationError} reason for that action (DynamoDB
 * treats them as user errors of one action: "There is a user error, such as an invalid data
 * format"); the key's sizes (a ValidationException here, unlike in TransactWriteItems); no earlier
 * action names the same item.
 *
 * <p>Stateless and thread-safe.
 */
final class TransactGetItemsValidator {

  /** Up to this many reads, duplicates are found by comparing each with those before it. */
  private static final int SMALL = 16;

  private TransactGetItemsValidator() {}

  private static boolean seenBefore(List<Action> actions, KeyLocks.LockKey key) {
    for (Action a : actions) {
      if (a.lockKey().equals(key)) {
        return true;
      }
    }
    return false;
  }

  /**
   * One validated read.
   *
   * @param table the table
   * @param definition its definition when validated
   * @param key the key attributes
   * @param storageKey the storage key
   * @param projection the projection, or null for the whole item
   * @param lockKey the key the read locks
   */
  record Action(Table table, TableDefinition definition, Item key, byte[] storageKey, Projection projection,
      KeyLocks.LockKey lockKey) {}

  /** Checks {@code request} (its model constraints already checked); returns its reads in request order. */
  static List<Action> validate(EngineContext context, TransactGetItemsRequest request) {
    List<TransactGetItem> items = request.transactItems();
    int n = items.size();
    List<Action> actions = new ArrayList<>(n);
    Set<KeyLocks.LockKey> seen = n > SMALL ? new HashSet<>() : null;
    for (int i = 0; i < n; i++) {
      Get get = items.get(i).get();
      Table table = TransactTables.find(context, get.tableName());
      TableDefinition d = table.definition();
      Projection projection = null;
      if (get.projectionExpression() != null || get.expressionAttributeNames() != null) {
        projection = ExpressionSet.compile(ExpressionInputs.of(get)).projection();
      }
      KeySchema schema = d.primaryKey();
      Item key = get.key();
      ItemValidator.checkKeyValuesNotEmpty(schema, key);
      try {
        TransactWriteItemsValidator.keyParameter(schema, key);
        TransactWriteItemsValidator.checkKeyTypes(schema, key);
      } catch (ValidationException problem) {
        throw TransactWriteItemsOperation.cancelled(n, i, TransactWriteItemsValidator.reason("ValidationError", problem.getMessage()));
      }
      TransactWriteItemsValidator.checkKeySizes(schema, key);
      byte[] storageKey = schema.storageKey(key, null);
      KeyLocks.LockKey lockKey = new KeyLocks.LockKey(d.id(), storageKey);
      if (seen != null ? !seen.add(lockKey) : seenBefore(actions, lockKey)) {
        throw Errors.transactDuplicateItem();
      }
      actions.add(new Action(table, d, key, storageKey, projection, lockKey));
    }
    return actions;
  }
}
