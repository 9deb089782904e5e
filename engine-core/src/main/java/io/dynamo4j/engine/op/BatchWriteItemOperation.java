package io.dynamo4j.engine.op;

import io.dynamo4j.api.BatchWriteItemRequest;
import io.dynamo4j.api.BatchWriteItemResponse;
import io.dynamo4j.api.ConsumedCapacity;
import io.dynamo4j.api.ReturnConsumedCapacity;
import io.dynamo4j.api.WriteRequest;
import io.dynamo4j.engine.capacity.CapacityMeter;
import io.dynamo4j.engine.table.Table;
import io.dynamo4j.engine.table.TableDefinition;
import io.dynamo4j.model.Item;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashSet;
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
 * <p>UnprocessedItems is empty (DynamoDB returns {}) until throttling can leave requests undone;
 * ConsumedCapacity is one entry per table, each request charged on its own.
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
    List<ConsumedCapacity> consumed = metered ? new ArrayList<>(tables.size()) : null;
    int t = 0;
    for (List<WriteRequest> writes : requestItems.values()) {
      Table table = tables.get(t);
      TableDefinition definition = definitions.get(t);
      byte[][] storageKeys = keys.get(t);
      t++;
      CapacityMeter meter = metered ? new CapacityMeter(definition.name()) : null;
      for (int i = 0; i < storageKeys.length; i++) {
        WriteRequest write = writes.get(i);
        Item item = write.putRequest() == null ? null : write.putRequest().item();
        ItemWriter.Result result = context.writer().write(table, definition, storageKeys[i],
            current -> item != null && item.equals(current) ? ItemWriter.UNCHANGED : item);
        if (meter != null) {
          ItemCapacity.write(meter, result);
        }
      }
      if (meter != null) {
        consumed.add(meter.render(mode));
      }
    }
    return new BatchWriteItemResponse(Map.of(), null, consumed);
  }
}
