package io.dynamo4j.mapper;

import io.dynamo4j.DynamoClient;
import io.dynamo4j.api.CancellationReason;
import io.dynamo4j.api.ConditionCheck;
import io.dynamo4j.api.Delete;
import io.dynamo4j.api.Put;
import io.dynamo4j.api.ReturnValuesOnConditionCheckFailure;
import io.dynamo4j.api.TransactWriteItem;
import io.dynamo4j.api.TransactWriteItemsRequest;
import io.dynamo4j.api.Update;
import io.dynamo4j.error.TransactionCanceledException;
import io.dynamo4j.expr.ConditionExpression;
import io.dynamo4j.expr.Expressions;
import io.dynamo4j.expr.UpdateExpression;
import io.dynamo4j.model.AttributeValue;
import io.dynamo4j.model.Item;
import io.dynamo4j.model.Key;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A write transaction across mapped tables (DynamoDB's {@code TransactWriteItems}): puts,
 * updates, deletes and condition checks that succeed or fail together. Versions are checked and
 * generated attributes filled in as for single writes.
 *
 * <pre>{@code
 * TransactWrite.with(client)
 *     .put(orders, order)
 *     .update(customers, customers.schema().key("c-7"), orderCount.increment(1))
 *     .conditionCheck(stock, stock.schema().key("sku-1"), quantity.ge(1))
 *     .execute();
 * }</pre>
 *
 * <p>When DynamoDB cancels the transaction, {@link #execute()} throws
 * {@link TransactionFailedException}, whose failures name the typed object (or key) of each action
 * that caused it. Not thread-safe; one per transaction.
 */
public final class TransactWrite {

  private final DynamoClient client;
  private final List<TransactWriteItem> items = new ArrayList<>();
  private final List<TransactionFailedException.Action> actions = new ArrayList<>();
  private String token;

  private TransactWrite(DynamoClient client) {
    this.client = client;
  }

  /** A transaction sent through {@code client}. */
  public static TransactWrite with(DynamoClient client) {
    return new TransactWrite(Objects.requireNonNull(client, "client"));
  }

  /** Puts {@code object} (with its version check). */
  public <T> TransactWrite put(MappedTable<T> table, T object) {
    return put(table, object, null);
  }

  /** Puts {@code object} if {@code condition} (may be null) holds. */
  public <T> TransactWrite put(MappedTable<T> table, T object, ConditionExpression condition) {
    WritePlan plan = WritePlan.put(table.schema(), object);
    ConditionExpression all = WritePlan.combine(condition, plan.versionCondition);
    Put.Builder b = Put.builder().tableName(table.tableName()).item(plan.item)
        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD);
    if (all != null) {
      Expressions.builder().condition(all).build().applyTo(b);
    }
    items.add(TransactWriteItem.builder().put(b.build()).build());
    return add(table, object, plan.key, plan.versionAttribute, plan.expectedVersion);
  }

  /** Updates the item of {@code object} ({@link MappedTable#update(Object, UpdateMode)}). */
  public <T> TransactWrite update(MappedTable<T> table, T object, UpdateMode mode) {
    WritePlan.Update plan = WritePlan.update(table.schema(), object, mode);
    Update.Builder b = Update.builder().tableName(table.tableName()).key(plan.key().toItem())
        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD);
    Expressions.builder().update(plan.update()).condition(plan.versionCondition()).build().applyTo(b);
    items.add(TransactWriteItem.builder().update(b.build()).build());
    return add(table, object, plan.key(), plan.versionAttribute(), plan.expectedVersion());
  }

  /** Applies typed {@code update} actions to the item with {@code key} if {@code condition} (may be null) holds. */
  public <T> TransactWrite update(MappedTable<T> table, Key key, UpdateExpression update, ConditionExpression condition) {
    Update.Builder b = Update.builder().tableName(table.tableName()).key(key.toItem())
        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD);
    Expressions.builder().update(update).condition(condition).build().applyTo(b);
    items.add(TransactWriteItem.builder().update(b.build()).build());
    return add(table, key, key, null, null);
  }

  /** Deletes the item with {@code key} if {@code condition} (may be null) holds. */
  public <T> TransactWrite delete(MappedTable<T> table, Key key, ConditionExpression condition) {
    Delete.Builder b = Delete.builder().tableName(table.tableName()).key(key.toItem())
        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD);
    if (condition != null) {
      Expressions.builder().condition(condition).build().applyTo(b);
    }
    items.add(TransactWriteItem.builder().delete(b.build()).build());
    return add(table, key, key, null, null);
  }

  /** Deletes the item of {@code object}, checking its version. */
  public <T> TransactWrite delete(MappedTable<T> table, T object) {
    WritePlan plan = WritePlan.delete(table.schema(), object);
    Delete.Builder b = Delete.builder().tableName(table.tableName()).key(plan.key.toItem())
        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD);
    if (plan.versionCondition != null) {
      Expressions.builder().condition(plan.versionCondition).build().applyTo(b);
    }
    items.add(TransactWriteItem.builder().delete(b.build()).build());
    return add(table, object, plan.key, plan.versionAttribute, plan.expectedVersion);
  }

  /** Requires {@code condition} of the item with {@code key}, writing nothing. */
  public <T> TransactWrite conditionCheck(MappedTable<T> table, Key key, ConditionExpression condition) {
    ConditionCheck.Builder b = ConditionCheck.builder().tableName(table.tableName()).key(key.toItem())
        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD);
    Expressions.builder().condition(Objects.requireNonNull(condition, "condition")).build().applyTo(b);
    items.add(TransactWriteItem.builder().conditionCheck(b.build()).build());
    return add(table, key, key, null, null);
  }

  /** DynamoDB's {@code ClientRequestToken}, which makes a retried transaction idempotent. */
  public TransactWrite clientRequestToken(String token) {
    this.token = token;
    return this;
  }

  private TransactWrite add(MappedTable<?> table, Object subject, Key key, String versionAttribute, BigDecimal expected) {
    actions.add(new TransactionFailedException.Action(table, subject, key, versionAttribute, expected));
    return this;
  }

  /**
   * Sends the transaction.
   *
   * @throws TransactionFailedException if DynamoDB cancelled it; nothing was written
   */
  public void execute() {
    try {
      client.transactWriteItems(TransactWriteItemsRequest.builder().transactItems(items).clientRequestToken(token).build());
    } catch (TransactionCanceledException e) {
      throw failure(e, actions);
    }
  }

  static TransactionFailedException failure(TransactionCanceledException e, List<TransactionFailedException.Action> actions) {
    List<TransactionFailedException.Failure> failures = new ArrayList<>();
    List<CancellationReason> reasons = e.cancellationReasons();
    for (int i = 0; i < reasons.size() && i < actions.size(); i++) {
      CancellationReason r = reasons.get(i);
      if (r.code() == null || r.code().equals("None")) {
        continue;
      }
      TransactionFailedException.Action a = actions.get(i);
      boolean lock = false;
      if ("ConditionalCheckFailed".equals(r.code()) && a.versionAttribute() != null) {
        Item old = r.item();
        AttributeValue stored = old == null ? null : old.get(a.versionAttribute());
        lock = a.expected() == null ? old != null
            : !(stored instanceof AttributeValue.N n && n.value().compareTo(a.expected()) == 0);
      }
      failures.add(new TransactionFailedException.Failure(i, a.table(), a.subject(), a.key(), r.code(), r.message(),
          r.item(), lock));
    }
    return new TransactionFailedException(e, failures);
  }
}
