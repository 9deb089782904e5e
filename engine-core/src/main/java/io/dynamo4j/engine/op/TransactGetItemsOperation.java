package io.dynamo4j.engine.op;

import io.dynamo4j.api.CancellationReason;
import io.dynamo4j.api.ConsumedCapacity;
import io.dynamo4j.api.ItemResponse;
import io.dynamo4j.api.ReturnConsumedCapacity;
import io.dynamo4j.api.TransactGetItemsRequest;
import io.dynamo4j.api.TransactGetItemsResponse;
import io.dynamo4j.engine.capacity.CapacityMeter;
import io.dynamo4j.engine.capacity.CapacityUnits;
import io.dynamo4j.engine.capacity.TableCapacity;
import io.dynamo4j.engine.capacity.Throttle;
import io.dynamo4j.engine.codec.KeyCodec;
import io.dynamo4j.model.Item;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * DynamoDB's TransactGetItems: up to 100 items over several tables, read as one consistent state.
 *
 * <p>Every key is locked for reading (shared with other transactional reads) before any item is
 * read and released after the last: no write can commit to any of them in between, so the items
 * returned are what they were at one moment, even while transactions commit. A key that a write
 * holds (or waits for) cancels the read at once with {@code TransactionConflict} on that item, as
 * DynamoDB cancels a TransactGetItems that meets an ongoing PutItem, UpdateItem, DeleteItem,
 * BatchWriteItem or TransactWriteItems; it never waits. With throughput enforced, an item whose
 * table or partition is out of read capacity cancels it with {@code ProvisionedThroughputExceeded}
 * ({@code ThrottlingError} on demand).
 *
 * <p>Capacity: two read units per started 4 KB of each item, an absent item too (a transactional
 * read); ConsumedCapacity names ReadCapacityUnits beside the total, as DynamoDB does.
 *
 * <p>Thread-safe.
 */
final class TransactGetItemsOperation {

  private final EngineContext context;

  TransactGetItemsOperation(EngineContext context) {
    this.context = context;
  }

  TransactGetItemsResponse execute(TransactGetItemsRequest request) {
    RequestConstraints.check(request);
    List<TransactGetItemsValidator.Action> actions = TransactGetItemsValidator.validate(context, request);
    int n = actions.size();
    KeyLocks.LockKey[] lockKeys = new KeyLocks.LockKey[n];
    for (int i = 0; i < n; i++) {
      lockKeys[i] = actions.get(i).lockKey();
    }
    int[] order = LockOrder.of(lockKeys);
    boolean throttling = context.throttling();
    Instant now = throttling ? context.now() : null;
    Map<Object, TableCapacity> loads = throttling ? new LinkedHashMap<>() : null;
    boolean[] held = new boolean[n];
    Item[] items = new Item[n];
    try {
      for (int k : order) {
        if (!context.locks().tryLockShared(lockKeys[k])) {
          throw TransactWriteItemsOperation.cancelled(n, k,
              TransactWriteItemsValidator.reason("TransactionConflict", Errors.TRANSACTION_CONFLICT));
        }
        held[k] = true;
      }
      if (throttling) {
        CancellationReason[] reasons = new CancellationReason[n];
        boolean cancel = false;
        for (int i = 0; i < n; i++) {
          TransactGetItemsValidator.Action a = actions.get(i);
          TableCapacity load = loads.computeIfAbsent(a.table(), t -> context.capacity().of(a.table(), now));
          Throttle t = load.admitRead(a.table(), KeyCodec.getHash(a.storageKey()), null, now);
          if (t != null) {
            reasons[i] = TransactWriteItemsValidator.reason(Errors.throttleCode(t), Errors.throttleMessage(t));
            cancel = true;
          }
        }
        if (cancel) {
          throw TransactWriteItemsOperation.cancelled(reasons);
        }
      }
      for (int i = 0; i < n; i++) {
        TransactGetItemsValidator.Action a = actions.get(i);
        items[i] = a.table().base().get(a.storageKey());
      }
    } finally {
      for (int i = 0; i < n; i++) {
        if (held[i]) {
          context.locks().unlock(lockKeys[i]);
        }
      }
    }

    ReturnConsumedCapacity mode = request.returnConsumedCapacity();
    boolean metered = mode != null && mode != ReturnConsumedCapacity.NONE;
    Map<String, CapacityMeter> meters = metered ? new LinkedHashMap<>() : null;
    List<ItemResponse> responses = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      TransactGetItemsValidator.Action a = actions.get(i);
      Item item = items[i];
      double units = 2 * CapacityUnits.read(item == null ? 0 : item.sizeInBytes(), true);
      if (meters != null) {
        meters.computeIfAbsent(a.definition().name(), CapacityMeter::new).table(units);
      }
      if (throttling) {
        loads.get(a.table()).chargeRead(a.table(), KeyCodec.getHash(a.storageKey()), null, units, now);
      }
      responses.add(new ItemResponse(item == null || a.projection() == null ? item : a.projection().apply(item)));
    }
    List<ConsumedCapacity> consumed = null;
    if (meters != null) {
      consumed = new ArrayList<>(meters.size());
      for (CapacityMeter m : meters.values()) {
        consumed.add(m.render(mode, false, false));
      }
    }
    return new TransactGetItemsResponse(consumed, responses);
  }
}
