package io.dynamo4j.engine.op;

import io.dynamo4j.api.CancellationReason;
import io.dynamo4j.api.ConsumedCapacity;
import io.dynamo4j.api.ItemCollectionMetrics;
import io.dynamo4j.api.ReturnConsumedCapacity;
import io.dynamo4j.api.TransactWriteItemsRequest;
import io.dynamo4j.api.TransactWriteItemsResponse;
import io.dynamo4j.engine.capacity.CapacityMeter;
import io.dynamo4j.engine.capacity.CapacityUnits;
import io.dynamo4j.engine.capacity.TableCapacity;
import io.dynamo4j.engine.capacity.Throttle;
import io.dynamo4j.engine.partition.Partition;
import io.dynamo4j.engine.storage.WriteBatch;
import io.dynamo4j.engine.table.Table;
import io.dynamo4j.engine.txn.ClientTokens;
import io.dynamo4j.error.TransactionCanceledException;
import io.dynamo4j.error.ValidationException;
import io.dynamo4j.model.AttributeValue;
import io.dynamo4j.model.Item;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * DynamoDB's TransactWriteItems: up to 100 ConditionChecks, Puts, Updates and Deletes over several
 * tables, all or nothing, serializable with every other write.
 *
 * <h2>How a transaction runs</h2>
 *
 * <ol>
 *   <li>Validate ({@link TransactWriteItemsValidator}); a ClientRequestToken seen in the last ten
 *       minutes replays its first result ({@link ClientTokens}).
 *   <li>Lock every item's key for the transaction, in key order. A key another transaction holds
 *       cancels this one at once with {@code TransactionConflict} on that action: no transaction
 *       waits for another, so none can deadlock. (Single-item writes are waited for: they hold one
 *       key for microseconds and wait for nothing themselves; see {@link KeyLocks}.)
 *   <li>With throughput enforced, every action's table and partition must have write capacity,
 *       else the actions short of it are cancelled with {@code ProvisionedThroughputExceeded}
 *       ({@code ThrottlingError} on demand).
 *   <li>Read every item and evaluate every action, each a pure step: its condition
 *       ({@code ConditionalCheckFailed}, with the item for ALL_OLD), then its new item (an update
 *       that cannot apply is a {@code ValidationError}). Every action is evaluated, so every failed
 *       condition is reported, as DynamoDB does.
 *   <li>Derive the index changes; with throughput enforced, each global index changed must have
 *       write capacity (back-pressure); each item collection of a table with a local index must stay
 *       within its limit ({@code ItemCollectionSizeLimitExceeded}).
 *   <li>Apply every change of every table in one storage batch, adjust counters and partition
 *       sizes, report each change that changes something to the commit listeners with one
 *       transaction id, take the capacity consumed (twice the single-item units), unlock.
 * </ol>
 *
 * Any reason cancels the whole transaction with TransactionCanceledException: one reason per
 * action in request order ({@code None} for the others) and DynamoDB's message listing them.
 * Nothing is written before step 6, so a cancelled transaction has no effect.
 *
 * <p>Capacity: each Put, Update and Delete consumes twice what it would alone (the larger of the
 * item before and after, in 1 KB units, and each index entry changed); a ConditionCheck twice a
 * write of the item checked; ConsumedCapacity names WriteCapacityUnits beside CapacityUnits, as
 * DynamoDB does for transactions. A replay by ClientRequestToken consumes (and reports) read units
 * instead: two per 4 KB of each item, as the API Reference says.
 *
 * <p>Thread-safe.
 */
final class TransactWriteItemsOperation {

  private final EngineContext context;
  private final ClientTokens<TransactWriteItemsRequest, TransactWriteItemsResponse> tokens;
  private final String idPrefix = Long.toHexString(ThreadLocalRandom.current().nextLong() | Long.MIN_VALUE);
  private final AtomicLong sequence = new AtomicLong();

  TransactWriteItemsOperation(EngineContext context) {
    this.context = context;
    this.tokens = new ClientTokens<>(context.config().clock());
  }

  TransactWriteItemsResponse execute(TransactWriteItemsRequest request) {
    RequestConstraints.check(request);
    List<TransactWriteItemsValidator.Action> actions = TransactWriteItemsValidator.validate(context, request);
    String token = request.clientRequestToken();
    if (token == null) {
      return commit(request, actions);
    }
    ClientTokens.Claim<TransactWriteItemsResponse> claim = tokens.claim(token, request.toBuilder().returnConsumedCapacity(null).build());
    if (claim instanceof ClientTokens.Replay<TransactWriteItemsResponse> replay) {
      return replay(request, actions, replay.result());
    }
    if (claim instanceof ClientTokens.Mismatch) {
      throw Errors.idempotentParameterMismatch();
    }
    if (claim instanceof ClientTokens.InProgress) {
      throw Errors.transactionInProgress();
    }
    try {
      TransactWriteItemsResponse response = commit(request, actions);
      tokens.complete(token, response);
      return response;
    } catch (RuntimeException e) {
      tokens.abandon(token);
      throw e;
    }
  }

  /** A cancellation of {@code n} actions with {@code reason} at {@code index} and {@code None} elsewhere. */
  static TransactionCanceledException cancelled(int n, int index, CancellationReason reason) {
    CancellationReason[] reasons = new CancellationReason[n];
    reasons[index] = reason;
    return cancelled(reasons);
  }

  /** A cancellation with {@code reasons} ({@code None} where null). */
  static TransactionCanceledException cancelled(CancellationReason[] reasons) {
    List<CancellationReason> list = new ArrayList<>(reasons.length);
    for (CancellationReason r : reasons) {
      list.add(r == null ? NONE : r);
    }
    return Errors.transactionCanceled(list);
  }

  private static final CancellationReason NONE = CancellationReason.builder().code("None").build();

  private static CancellationReason throttled(Throttle throttle) {
    return TransactWriteItemsValidator.reason(Errors.throttleCode(throttle), Errors.throttleMessage(throttle));
  }

  // ---------------------------------------------------------------- the transaction

  private TransactWriteItemsResponse commit(TransactWriteItemsRequest request, List<TransactWriteItemsValidator.Action> actions) {
    int n = actions.size();
    KeyLocks.LockKey[] lockKeys = new KeyLocks.LockKey[n];
    for (int i = 0; i < n; i++) {
      TransactWriteItemsValidator.Action a = actions.get(i);
      lockKeys[i] = new KeyLocks.LockKey(a.definition().id(), a.storageKey());
    }
    int[] order = LockOrder.of(lockKeys);
    boolean[] held = new boolean[n];
    boolean throttling = context.throttling();
    Instant now = context.now();
    Map<Table, TableCapacity> loads = throttling ? new LinkedHashMap<>() : null;
    ItemWriter.Result[] results = new ItemWriter.Result[n];
    List<Partition> due = null;
    List<Table> dueTables = null;
    try {
      for (int k : order) {
        if (!context.locks().tryLockTransaction(lockKeys[k])) {
          throw cancelled(n, k, TransactWriteItemsValidator.reason("TransactionConflict", Errors.TRANSACTION_CONFLICT));
        }
        held[k] = true;
      }
      CancellationReason[] reasons = new CancellationReason[n];
      boolean cancel = false;
      if (throttling) {
        for (int i = 0; i < n; i++) {
          TransactWriteItemsValidator.Action a = actions.get(i);
          Throttle t = load(loads, a.table(), now).admitWrite(a.table(), TransactWriteItemsValidator.hash(a.storageKey()), now);
          if (t != null) {
            reasons[i] = throttled(t);
            cancel = true;
          }
        }
        if (cancel) {
          throw cancelled(reasons);
        }
      }

      // Read and evaluate every action: pure steps, nothing written yet.
      Item[] before = new Item[n];
      Item[] after = new Item[n];
      for (int i = 0; i < n; i++) {
        TransactWriteItemsValidator.Action a = actions.get(i);
        Item current = a.table().base().get(a.storageKey());
        before[i] = current;
        try {
          if (a.condition() != null && !a.condition().test(current)) {
            reasons[i] = CancellationReason.builder().code("ConditionalCheckFailed").message(Errors.REASON_CONDITIONAL_CHECK_FAILED)
                .item(a.oldOnFailure() ? current : null).build();
            cancel = true;
            continue;
          }
          after[i] = compute(a, current);
        } catch (ValidationException e) {
          reasons[i] = TransactWriteItemsValidator.reason("ValidationError", e.getMessage());
          cancel = true;
        }
      }
      if (cancel) {
        if (throttling) {
          for (int i = 0; i < n; i++) {
            TransactWriteItemsValidator.Action a = actions.get(i);
            load(loads, a.table(), now).chargeWrite(a.table(), TransactWriteItemsValidator.hash(a.storageKey()),
                2 * ItemCapacity.failedWrite(before[i]), now);
          }
        }
        throw cancelled(reasons);
      }

      // Index changes, back-pressure of global indexes, item collection limits.
      WriteBatch batch = new WriteBatch();
      List<ItemWriter.IndexChange>[] changes = newChangeLists(n);
      for (int i = 0; i < n; i++) {
        if (!writes(before[i], after[i])) {
          continue;
        }
        TransactWriteItemsValidator.Action a = actions.get(i);
        changes[i] = ItemWriter.changes(a.table(), a.table().definition(), before[i], after[i], batch);
        if (after[i] == null) {
          batch.delete(a.definition().id(), a.storageKey());
        } else {
          batch.put(a.definition().id(), a.storageKey(), after[i]);
        }
        if (throttling) {
          for (ItemWriter.IndexChange c : changes[i]) {
            Throttle t = c.index().isGlobal() ? load(loads, a.table(), now).admitIndexWrite(c.index(), now) : null;
            if (t != null) {
              reasons[i] = throttled(t);
              cancel = true;
            }
          }
        }
      }
      if (cancel) {
        throw cancelled(reasons);
      }
      long[] collections = reserveCollections(actions, before, after, changes, reasons, now);

      // Commit: one batch for every table, then counters, partitions, listeners, capacity.
      // Apply and report under the commit gate, so a backup's moment never splits this transaction.
      context.commitGate().readLock().lock();
      try {
      context.storage().apply(batch);
      String transactionId = null;
      for (int i = 0; i < n; i++) {
        TransactWriteItemsValidator.Action a = actions.get(i);
        if (!writes(before[i], after[i])) {
          results[i] = new ItemWriter.Result(before[i], before[i], false, List.of(), collections[i]);
          continue;
        }
        ItemWriter.account(a.table(), before[i], after[i], changes[i]);
        Partition p = ItemWriter.accountPartition(context, a.table(), TransactWriteItemsValidator.hash(a.storageKey()), before[i],
            after[i], changes[i]);
        if (p != null) {
          if (due == null) {
            due = new ArrayList<>();
            dueTables = new ArrayList<>();
          }
          due.add(p);
          dueTables.add(a.table());
        }
        if (context.hasCommitListeners() && !(before[i] != null && before[i].equals(after[i]))) {
          if (transactionId == null) {
            transactionId = idPrefix + "-" + sequence.incrementAndGet();
          }
          context.committed(a.table(), a.storageKey(), before[i], after[i], CommitListener.Cause.REQUEST, transactionId);
        }
        results[i] = new ItemWriter.Result(before[i], after[i], true, changes[i], collections[i]);
      }
      } finally {
        try {
          context.storage().endCommit();
        } finally {
          context.commitGate().readLock().unlock();
        }
      }
      if (throttling) {
        for (int i = 0; i < n; i++) {
          TransactWriteItemsValidator.Action a = actions.get(i);
          TableCapacity load = load(loads, a.table(), now);
          long hash = TransactWriteItemsValidator.hash(a.storageKey());
          if (a.kind() == TransactWriteItemsValidator.Kind.CHECK) {
            load.chargeWrite(a.table(), hash, 2 * checkUnits(before[i]), now);
          } else {
            ItemWriter.charge(load, a.table(), hash, results[i], 2, now);
          }
        }
      }
    } finally {
      for (int i = 0; i < n; i++) {
        if (held[i]) {
          context.locks().unlock(lockKeys[i]);
        }
      }
    }
    for (int i = 0; due != null && i < due.size(); i++) {
      ItemWriter.split(context, dueTables.get(i), due.get(i));
    }
    return response(request, actions, results);
  }

  @SuppressWarnings("unchecked")
  private static List<ItemWriter.IndexChange>[] newChangeLists(int n) {
    return new List[n];
  }

  /** Whether an action's outcome writes anything. */
  private static boolean writes(Item before, Item after) {
    return !(after == ItemWriter.UNCHANGED || (after == null && before == null));
  }

  /** The new item of a write action whose condition held (a pure step; may throw ValidationException). */
  private static Item compute(TransactWriteItemsValidator.Action a, Item current) {
    return switch (a.kind()) {
      case CHECK -> ItemWriter.UNCHANGED;
      case PUT -> a.item().equals(current) ? ItemWriter.UNCHANGED : a.item();
      case DELETE -> current == null ? ItemWriter.UNCHANGED : null;
      case UPDATE -> {
        io.dynamo4j.engine.expr.Update update = a.update();
        if (current == null && update.onlyRemoves()) {
          yield ItemWriter.UNCHANGED;
        }
        Item next = update.apply(current != null ? current : a.key());
        if (next.sizeInBytes() > ItemValidator.MAX_ITEM_BYTES) {
          throw Errors.updatedItemTooLarge();
        }
        ItemValidator.checkUpdatedIndexKeys(a.definition(), update, next);
        yield next.equals(current) ? ItemWriter.UNCHANGED : next;
      }
    };
  }

  /**
   * Adds each write's bytes to its item collection (tables with a local index). A collection that
   * would pass its limit cancels the transaction (earlier additions are taken back). Returns each
   * action's collection size after the transaction, -1 where the table has none.
   */
  private long[] reserveCollections(List<TransactWriteItemsValidator.Action> actions, Item[] before, Item[] after,
      List<ItemWriter.IndexChange>[] changes, CancellationReason[] reasons, Instant now) {
    int n = actions.size();
    long[] sizes = new long[n];
    long[] added = new long[n];
    Arrays.fill(sizes, -1);
    long limit = context.config().itemCollectionLimitBytes();
    for (int i = 0; i < n; i++) {
      TransactWriteItemsValidator.Action a = actions.get(i);
      if (!ItemWriter.hasLocalIndex(a.definition())) {
        continue;
      }
      TableCapacity c = context.capacity().of(a.table(), now);
      AttributeValue key = ItemWriter.collectionKey(a.definition(), a.storageKey(), a.key());
      if (!writes(before[i], after[i])) {
        sizes[i] = c.collectionBytes(key);
        continue;
      }
      long delta = ItemWriter.collectionDelta(before[i], after[i], changes[i]);
      long size = c.addToCollection(key, delta, limit);
      if (size < 0) {
        for (int j = 0; j < i; j++) {
          if (added[j] != 0) {
            TransactWriteItemsValidator.Action b = actions.get(j);
            context.capacity().of(b.table(), now).addToCollection(
                ItemWriter.collectionKey(b.definition(), b.storageKey(), b.key()), -added[j], Long.MAX_VALUE);
          }
        }
        reasons[i] = TransactWriteItemsValidator.reason("ItemCollectionSizeLimitExceeded", Errors.COLLECTION_SIZE_EXCEEDED);
        throw cancelled(reasons);
      }
      added[i] = delta;
      sizes[i] = size;
    }
    // Later additions to a collection change its size: report every action's collection at the end.
    for (int i = 0; i < n; i++) {
      if (sizes[i] >= 0) {
        TransactWriteItemsValidator.Action a = actions.get(i);
        sizes[i] = context.capacity().of(a.table(), now)
            .collectionBytes(ItemWriter.collectionKey(a.definition(), a.storageKey(), a.key()));
      }
    }
    return sizes;
  }

  private TableCapacity load(Map<Table, TableCapacity> loads, Table table, Instant now) {
    return loads.computeIfAbsent(table, t -> context.capacity().of(t, now));
  }

  /** The write units a ConditionCheck consumes: a write of the item checked, at least one unit. */
  private static double checkUnits(Item current) {
    return CapacityUnits.write(current == null ? 0 : current.sizeInBytes());
  }

  // ---------------------------------------------------------------- responses

  private TransactWriteItemsResponse response(TransactWriteItemsRequest request, List<TransactWriteItemsValidator.Action> actions,
      ItemWriter.Result[] results) {
    ReturnConsumedCapacity mode = request.returnConsumedCapacity();
    List<ConsumedCapacity> consumed = null;
    if (mode != null && mode != ReturnConsumedCapacity.NONE) {
      Map<String, CapacityMeter> meters = new LinkedHashMap<>();
      for (int i = 0; i < actions.size(); i++) {
        TransactWriteItemsValidator.Action a = actions.get(i);
        CapacityMeter m = meters.computeIfAbsent(a.definition().name(), CapacityMeter::new);
        if (a.kind() == TransactWriteItemsValidator.Kind.CHECK) {
          m.table(checkUnits(results[i].oldItem()));
        } else {
          ItemCapacity.write(m, results[i]);
        }
      }
      consumed = new ArrayList<>(meters.size());
      for (CapacityMeter m : meters.values()) {
        consumed.add(m.scale(2).render(mode, true, true));
      }
    }
    return new TransactWriteItemsResponse(consumed, collectionMetrics(request, actions, results));
  }

  /** ItemCollectionMetrics per table with a local index: one entry per collection a Put, Update or Delete wrote. */
  private static Map<String, List<ItemCollectionMetrics>> collectionMetrics(TransactWriteItemsRequest request,
      List<TransactWriteItemsValidator.Action> actions, ItemWriter.Result[] results) {
    if (!CollectionMetrics.asked(request.returnItemCollectionMetrics())) {
      return null;
    }
    Map<String, Map<AttributeValue, ItemCollectionMetrics>> byTable = new LinkedHashMap<>();
    for (int i = 0; i < actions.size(); i++) {
      TransactWriteItemsValidator.Action a = actions.get(i);
      ItemCollectionMetrics m = a.kind() == TransactWriteItemsValidator.Kind.CHECK ? null
          : CollectionMetrics.of(request.returnItemCollectionMetrics(), a.definition(), a.key(), results[i].collectionBytes());
      if (m != null) {
        byTable.computeIfAbsent(a.definition().name(), k -> new LinkedHashMap<>()).put(m.itemCollectionKey().valueAt(0), m);
      }
    }
    if (byTable.isEmpty()) {
      return null;
    }
    Map<String, List<ItemCollectionMetrics>> out = new LinkedHashMap<>();
    byTable.forEach((table, m) -> out.put(table, new ArrayList<>(m.values())));
    return out;
  }

  /**
   * The answer to a request whose ClientRequestToken already committed: the first result's item
   * collection metrics, and the read units of reading each item (two per started 4 KB, as for a
   * transactional read), as the API Reference describes; nothing is written.
   */
  private TransactWriteItemsResponse replay(TransactWriteItemsRequest request, List<TransactWriteItemsValidator.Action> actions,
      TransactWriteItemsResponse first) {
    ReturnConsumedCapacity mode = request.returnConsumedCapacity();
    List<ConsumedCapacity> consumed = null;
    boolean metered = mode != null && mode != ReturnConsumedCapacity.NONE;
    if (metered || context.throttling()) {
      Map<String, CapacityMeter> meters = new LinkedHashMap<>();
      Instant now = context.now();
      for (TransactWriteItemsValidator.Action a : actions) {
        Item item = a.table().base().get(a.storageKey());
        double units = 2 * CapacityUnits.read(item == null ? 0 : item.sizeInBytes(), true);
        meters.computeIfAbsent(a.definition().name(), CapacityMeter::new).table(units);
        if (context.throttling()) {
          context.capacity().of(a.table(), now).chargeRead(a.table(), TransactWriteItemsValidator.hash(a.storageKey()), null, units, now);
        }
      }
      if (metered) {
        consumed = new ArrayList<>(meters.size());
        for (CapacityMeter m : meters.values()) {
          consumed.add(m.render(mode, false, true));
        }
      }
    }
    Map<String, List<ItemCollectionMetrics>> metrics = CollectionMetrics.asked(request.returnItemCollectionMetrics())
        ? first.itemCollectionMetrics() : null;
    return new TransactWriteItemsResponse(consumed, metrics);
  }
}
