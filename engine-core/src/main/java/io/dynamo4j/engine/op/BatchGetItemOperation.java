package io.dynamo4j.engine.op;

import io.dynamo4j.api.BatchGetItemRequest;
import io.dynamo4j.api.BatchGetItemResponse;
import io.dynamo4j.api.ConsumedCapacity;
import io.dynamo4j.api.KeysAndAttributes;
import io.dynamo4j.api.ReturnConsumedCapacity;
import io.dynamo4j.engine.capacity.CapacityMeter;
import io.dynamo4j.engine.capacity.CapacityUnits;
import io.dynamo4j.engine.capacity.TableCapacity;
import io.dynamo4j.engine.capacity.Throttle;
import io.dynamo4j.engine.codec.KeyCodec;
import io.dynamo4j.engine.expr.Projection;
import io.dynamo4j.engine.table.Table;
import io.dynamo4j.engine.table.TableDefinition;
import io.dynamo4j.error.DynamoException;
import io.dynamo4j.model.Item;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * DynamoDB's BatchGetItem: up to 100 keys over several tables, each read like a GetItem (its own
 * projection and ConsistentRead per table, each item charged on its own, an absent one too).
 *
 * <p>A response holds at most 16 MB of items: keys are read in request order, and once the next
 * item would pass the limit it and every later key are returned in UnprocessedKeys, each table's
 * entry carrying its projection and ConsistentRead, so the map can be sent again as it is.
 * Responses names every table asked, with an empty list when none of its items exist.
 *
 * <p>With throughput enforced, a key whose table or partition is out of read capacity is left for
 * the next call in UnprocessedKeys (in request order, with the keys cut by the 16 MB limit); if no
 * key could be read, the batch fails with the throttling exception, as DynamoDB's does.
 *
 * <p>Thread-safe; takes no lock. The items are read one by one, not as one snapshot, as DynamoDB
 * does.
 */
final class BatchGetItemOperation {

  /** DynamoDB's limit on the items of one response. */
  static final long MAX_RESPONSE_BYTES = 16L * 1024 * 1024;

  private final EngineContext context;

  BatchGetItemOperation(EngineContext context) {
    this.context = context;
  }

  BatchGetItemResponse execute(BatchGetItemRequest request) {
    List<Projection> projections = BatchGetItemValidator.validate(request);
    Map<String, KeysAndAttributes> requestItems = request.requestItems();
    List<Table> tables = new ArrayList<>(requestItems.size());
    List<byte[][]> keys = new ArrayList<>(requestItems.size());
    for (Map.Entry<String, KeysAndAttributes> entry : requestItems.entrySet()) {
      Table table = context.dataTable(entry.getKey());
      TableDefinition definition = table.definition();
      List<Item> tableKeys = entry.getValue().keys();
      byte[][] storageKeys = new byte[tableKeys.size()][];
      for (int i = 0; i < storageKeys.length; i++) {
        storageKeys[i] = Keys.keyParameter(definition, tableKeys.get(i));
      }
      tables.add(table);
      keys.add(storageKeys);
    }

    ReturnConsumedCapacity mode = request.returnConsumedCapacity();
    boolean metered = mode != null && mode != ReturnConsumedCapacity.NONE;
    Map<String, List<Item>> responses = new LinkedHashMap<>();
    Map<String, KeysAndAttributes> unprocessed = new LinkedHashMap<>();
    List<ConsumedCapacity> consumed = metered ? new ArrayList<>() : null;
    long bytes = 0;
    boolean full = false;
    boolean throttling = context.throttling();
    Instant now = throttling ? context.now() : null;
    DynamoException throttled = null;
    int done = 0;
    int t = 0;
    for (Map.Entry<String, KeysAndAttributes> entry : requestItems.entrySet()) {
      KeysAndAttributes asked = entry.getValue();
      Table table = tables.get(t);
      Projection projection = projections.get(t);
      byte[][] storageKeys = keys.get(t);
      t++;
      boolean consistent = Boolean.TRUE.equals(asked.consistentRead());
      CapacityMeter meter = metered ? new CapacityMeter(table.definition().name()) : null;
      TableCapacity load = throttling ? context.capacity().of(table, now) : null;
      List<Item> found = new ArrayList<>();
      List<Item> left = new ArrayList<>();
      int read = 0;
      for (int i = 0; i < storageKeys.length; i++) {
        if (full) {
          left.add(asked.keys().get(i));
          continue;
        }
        long hash = KeyCodec.getHash(storageKeys[i]);
        if (load != null) {
          Throttle throttle = load.admitRead(table, hash, null, now);
          if (throttle != null) {
            throttled = throttled == null ? Errors.throttled(throttle) : throttled;
            left.add(asked.keys().get(i));
            continue;
          }
        }
        Item item = table.base().get(storageKeys[i]);
        if (item != null && bytes + item.sizeInBytes() > MAX_RESPONSE_BYTES) {
          full = true; // this item and every later key are left for the next call
          left.add(asked.keys().get(i));
          continue;
        }
        if (item != null) {
          bytes += item.sizeInBytes();
          found.add(projection == null ? item : projection.apply(item));
        }
        if (meter != null) {
          ItemCapacity.read(meter, item, consistent);
        }
        if (load != null) {
          load.chargeRead(table, hash, null, CapacityUnits.read(item == null ? 0 : item.sizeInBytes(), consistent), now);
        }
        read++;
      }
      done += read;
      responses.put(entry.getKey(), found);
      if (!left.isEmpty()) {
        unprocessed.put(entry.getKey(), asked.toBuilder().keys(left).build());
      }
      if (meter != null && read > 0) {
        consumed.add(meter.render(mode));
      }
    }
    if (done == 0 && throttled != null) {
      throw throttled; // nothing could be read: DynamoDB fails the whole batch
    }
    return new BatchGetItemResponse(responses, unprocessed, consumed);
  }
}
