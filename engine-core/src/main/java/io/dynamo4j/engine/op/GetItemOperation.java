package io.dynamo4j.engine.op;

import io.dynamo4j.api.ConsumedCapacity;
import io.dynamo4j.api.GetItemRequest;
import io.dynamo4j.api.GetItemResponse;
import io.dynamo4j.engine.capacity.CapacityUnits;
import io.dynamo4j.engine.capacity.TableCapacity;
import io.dynamo4j.engine.capacity.Throttle;
import io.dynamo4j.engine.codec.KeyCodec;
import io.dynamo4j.engine.expr.Projection;
import io.dynamo4j.engine.table.Table;
import io.dynamo4j.engine.table.TableDefinition;
import io.dynamo4j.model.Item;
import java.time.Instant;

/**
 * DynamoDB's GetItem: one read of the stored item, projected when asked. Every read here sees the
 * latest committed item, so ConsistentRead changes only the capacity consumed.
 *
 * <p>With throughput enforced, the read starts only while the table and the item's partition have
 * read capacity, and takes what it consumed afterwards.
 *
 * <p>Thread-safe; takes no lock.
 */
final class GetItemOperation {

  private final EngineContext context;

  GetItemOperation(EngineContext context) {
    this.context = context;
  }

  GetItemResponse execute(GetItemRequest request) {
    RequestConstraints.check(request);
    Projection projection = GetItemValidator.validate(request);
    Table table = context.dataTable(request.tableName());
    TableDefinition definition = table.definition();
    byte[] key = Keys.keyParameter(definition, request.key());
    boolean consistent = Boolean.TRUE.equals(request.consistentRead());
    if (context.throttling()) {
      return throttled(request, projection, table, key, consistent);
    }
    Item item = table.base().get(key);
    ConsumedCapacity consumed = ItemCapacity.ofRead(request.returnConsumedCapacity(), definition.name(), item, consistent);
    return new GetItemResponse(projection == null || item == null ? item : projection.apply(item), consumed);
  }

  /** The same read when throughput is enforced: admitted by the table and partition, then charged. */
  private GetItemResponse throttled(GetItemRequest request, Projection projection, Table table, byte[] key, boolean consistent) {
    Instant now = context.now();
    TableCapacity load = context.capacity().of(table, now);
    long hash = KeyCodec.getHash(key);
    Throttle throttle = load.admitRead(table, hash, null, now);
    if (throttle != null) {
      throw Errors.throttled(throttle);
    }
    Item item = table.base().get(key);
    load.chargeRead(table, hash, null, CapacityUnits.read(item == null ? 0 : item.sizeInBytes(), consistent), now);
    ConsumedCapacity consumed = ItemCapacity.ofRead(request.returnConsumedCapacity(), table.definition().name(), item, consistent);
    return new GetItemResponse(projection == null || item == null ? item : projection.apply(item), consumed);
  }
}
