package io.dynamo4j.engine.op;

import io.dynamo4j.api.ConsumedCapacity;
import io.dynamo4j.api.ReturnConsumedCapacity;
import io.dynamo4j.engine.capacity.CapacityMeter;
import io.dynamo4j.engine.capacity.CapacityUnits;
import io.dynamo4j.model.Item;

/**
 * The capacity single-item reads and writes consume, by DynamoDB's rules (Developer Guide, "Read
 * and write capacity unit consumption" and "Provisioned throughput considerations for global
 * secondary indexes"):
 *
 * <ul>
 *   <li>a read: one unit per started 4 KB of the whole item (a projection does not reduce it), half
 *       when eventually consistent, at least one unit even when there is no item;
 *   <li>a write: one unit per started 1 KB of the larger of the item before and after, at least
 *       one, also when nothing changes or there was nothing to delete;
 *   <li>each secondary index whose entry changes: a put of the new entry, a delete of the old one,
 *       both when the entry's key changes, or one write of the larger when only projected
 *       attributes change; an entry counts its projected size plus 100 bytes of overhead;
 *   <li>a write whose condition fails: the size of the existing item, at least one unit.
 * </ul>
 *
 * <p>Stateless and thread-safe.
 */
final class ItemCapacity {

  /** The bytes DynamoDB adds to an index entry's size (Developer Guide, "Item sizes and formats"). */
  static final int INDEX_ENTRY_OVERHEAD = 100;

  private ItemCapacity() {}

  /** The ConsumedCapacity of one write for {@code mode}, or null when none was asked for. */
  static ConsumedCapacity ofWrite(ReturnConsumedCapacity mode, String tableName, ItemWriter.Result result) {
    if (mode == null || mode == ReturnConsumedCapacity.NONE) {
      return null;
    }
    CapacityMeter meter = new CapacityMeter(tableName);
    write(meter, result);
    return meter.render(mode);
  }

  /** The ConsumedCapacity of one read of {@code item} (null: absent) for {@code mode}, or null when none was asked for. */
  static ConsumedCapacity ofRead(ReturnConsumedCapacity mode, String tableName, Item item, boolean consistent) {
    if (mode == null || mode == ReturnConsumedCapacity.NONE) {
      return null;
    }
    CapacityMeter meter = new CapacityMeter(tableName);
    read(meter, item, consistent);
    return meter.render(mode);
  }

  /** Charges reading {@code item} (null: absent) to {@code meter}. */
  static void read(CapacityMeter meter, Item item, boolean consistent) {
    meter.table(CapacityUnits.read(item == null ? 0 : item.sizeInBytes(), consistent));
  }

  /** Charges a write and its index changes to {@code meter}. */
  static void write(CapacityMeter meter, ItemWriter.Result result) {
    int before = result.oldItem() == null ? 0 : result.oldItem().sizeInBytes();
    int after = result.newItem() == null ? 0 : result.newItem().sizeInBytes();
    meter.table(CapacityUnits.write(Math.max(before, after)));
    for (ItemWriter.IndexChange change : result.indexChanges()) {
      double units;
      if (change.oldSize() < 0) {
        units = entry(change.newSize());
      } else if (change.newSize() < 0) {
        units = entry(change.oldSize());
      } else if (change.moved()) {
        units = entry(change.oldSize()) + entry(change.newSize());
      } else {
        units = entry(Math.max(change.oldSize(), change.newSize()));
      }
      if (change.index().isGlobal()) {
        meter.globalIndex(change.index().name(), units);
      } else {
        meter.localIndex(change.index().name(), units);
      }
    }
  }

  /** The units a write whose condition failed consumes: the existing item's size, at least one unit. */
  static double failedWrite(Item current) {
    return CapacityUnits.write(current == null ? 0 : current.sizeInBytes());
  }

  private static double entry(int size) {
    return CapacityUnits.write(size + INDEX_ENTRY_OVERHEAD);
  }
}
