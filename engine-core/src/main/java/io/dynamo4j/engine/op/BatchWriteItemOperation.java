package io.dynamo4j.engine.op;

import io.dynamo4j.api.BatchWriteItemRequest;
import io.dynamo4j.api.BatchWriteItemResponse;
import io.dynamo4j.api.ConsumedCapacity;
import io.dynamo4j.api.ItemCollectionMetrics;
import io.dynamo4j.api.ReturnConsumedCapacity;
import io.dynamo4j.api.WriteRequest;
import io.dynamo4j.engine.capacity.CapacityMeter;
import io.dynamo4j.engine.table.Table;
import io.dynamo4j.engine.table.TableDefinition;
import io.dynamo4j.error.DynamoException;
import io.dynamo4j.error.ProvisionedThroughputExceededException;
import io.dynamo4j.error.ThrottlingException;
import io.dynamo4j.error.TransactionConflictException;
import io.dynamo4j.model.AttributeValue;
import io.dynamo4j.model.Item;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * DynamoDB's BatchWriteItem: up to 25 puts and deletes over several tables, without conditions.
 * Everything is validated before anything is written (tables, keys, index keys, no two requests on
 * one item of a table); then each request is written on its own through {@link ItemWriter}, like a
 * PutItem or DeleteItem: the batch is not atomic, and a reader may see some of its writes before
 * others.
 *
 * <p>With throughput enforced, a request that is throttled is left undone and returned in
 * UnprocessedItems (in request order, to be sent again as it is); if every request was throttled,
 * the batch fails with the throttling exception, as DynamoDB's does. A request whose item a
 * transaction in flight holds is left undone the same way. UnprocessedItems is otherwise
 * empty (DynamoDB returns {}). ConsumedCapacity is one entry per table that wrote something, each
 * request charged on its own; ItemCollectionMetrics, when asked for, one entry per item collection
 * written of each table with a local secondary index.
 *
 * <p>Thread-safe.
 */
final class BatchWriteItemOperation {

  private final EngineContext context;

  BatchWriteItemOperation(EngineContext context) {
    this.context = context;
  }

  BatchWriteItemResponse execute(BatchWriteItemRequest request) {
    BatchWriteItemValidator.validate(request);
    Map<String, List<WriteRequest>> requestItems = request.requestItems();
    List<Table> tables = new ArrayList<>(requestItems.size());
    List<TableDefinition> definitions = new ArrayList<>(requestItems.size());
    List<byte[][]> keys = new ArrayList<>(requestItems.size());
    for (Map.Entry<String, List<WriteRequest>> entry : requestItems.entrySet()) {
      Table table = context.dataTable(entry.getKey());
      TableDefinition definition = table.definition();
      List<WriteRequest> writes = entry.getValue();
      byte[][] storageKeys = new byte[writes.size()][];
      Set<ByteBuffer> seen = new HashSet<>();
      for (int i = 0; i < storageKeys.length; i++) {
        WriteRequest write = writes.get(i);
        if (write.putRequest() != null) {
          Item item = write.putRequest().item();
          storageKeys[i] = Keys.batchItemKey(definition, item);
          ItemValidator.checkIndexKeys(definition, item);
        } else {
          storageKeys[i] = Keys.keyParameter(definition, write.deleteRequest().key());
        }
        if (!seen.add(ByteBuffer.wrap(storageKeys[i]))) {
          throw Errors.batchDuplicateKeys();
        }
      }
      tables.add(table);
      definitions.add(definition);
      keys.add(storageKeys);
    }

    ReturnConsumedCapacity mode = request.returnConsumedCapacity();
    boolean metered = mode != null && mode != ReturnConsumedCapacity.NONE;
    boolean metrics = CollectionMetrics.asked(request.returnItemCollectionMetrics());
    List<ConsumedCapacity> consumed = metered ? new ArrayList<>(tables.size()) : null;
    Map<String, List<WriteRequest>> unprocessed = new LinkedHashMap<>();
    Map<String, List<ItemCollectionMetrics>> collections = metrics ? new LinkedHashMap<>() : null;
    DynamoException throttled = null;
    int done = 0;
    int t = 0;
    for (Map.Entry<String, List<WriteRequest>> entry : requestItems.entrySet()) {
      List<WriteRequest> writes = entry.getValue();
      Table table = tables.get(t);
      TableDefinition definition = definitions.get(t);
      byte[][] storageKeys = keys.get(t);
      t++;
      CapacityMeter meter = metered ? new CapacityMeter(definition.name()) : null;
      Map<AttributeValue, ItemCollectionMetrics> tableMetrics = metrics ? new LinkedHashMap<>() : null;
      int written = 0;
      for (int i = 0; i < storageKeys.length; i++) {
        WriteRequest write = writes.get(i);
        Item item = write.putRequest() == null ? null : write.putRequest().item();
        ItemWriter.Result result;
        try {
          result = context.writer().write(table, definition, storageKeys[i],
              current -> item != null && item.equals(current) ? ItemWriter.UNCHANGED : item);
        } catch (ProvisionedThroughputExceededException | ThrottlingException | TransactionConflictException e) {
          // Throttled, or the item is in a transaction in flight: no effect, left for the caller to send again.
          throttled = throttled == null ? e : throttled;
          unprocessed.computeIfAbsent(entry.getKey(), k -> new ArrayList<>()).add(write);
          continue;
        }
        written++;
        if (meter != null) {
          ItemCapacity.write(meter, result);
        }
        if (tableMetrics != null) {
          Item keyOrItem = item != null ? item : write.deleteRequest().key();
          ItemCollectionMetrics m = CollectionMetrics.of(request.returnItemCollectionMetrics(), definition, keyOrItem,
              result.collectionBytes());
          if (m != null) {
            tableMetrics.put(m.itemCollectionKey().valueAt(0), m); // one entry per collection, its latest size
          }
        }
      }
      done += written;
      if (meter != null && written > 0) {
        consumed.add(meter.render(mode));
      }
      if (tableMetrics != null && !tableMetrics.isEmpty()) {
        collections.put(entry.getKey(), new ArrayList<>(tableMetrics.values()));
      }
    }
    if (done == 0 && throttled != null) {
      throw throttled; // nothing could be done: DynamoDB fails the whole batch
    }
    return new BatchWriteItemResponse(unprocessed, collections, consumed);
  }
}
