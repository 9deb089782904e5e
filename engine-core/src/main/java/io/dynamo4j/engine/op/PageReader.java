package io.dynamo4j.engine.op;

import io.dynamo4j.api.ConsumedCapacity;
import io.dynamo4j.api.ReturnConsumedCapacity;
import io.dynamo4j.engine.capacity.CapacityMeter;
import io.dynamo4j.engine.capacity.CapacityUnits;
import io.dynamo4j.engine.expr.Condition;
import io.dynamo4j.engine.expr.Projection;
import io.dynamo4j.engine.storage.Cursor;
import io.dynamo4j.engine.storage.KeyRange;
import io.dynamo4j.model.Item;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads one page of a Query or Scan: walks a key range of the table's or an index's keyspace,
 * forwards or backwards, resuming after an ExclusiveStartKey, and stops as DynamoDB does.
 *
 * <h2>Rules</h2>
 *
 * <ul>
 *   <li>Every item (or index entry) the walk reaches is <em>read</em>: it counts toward
 *       ScannedCount, toward Limit and toward the 1 MB page, whatever the filter says. The filter
 *       then decides whether it counts toward Count and is returned.
 *   <li>The page ends after Limit items were read, or once the items read add up to 1 MB (the
 *       item that reaches the limit is still part of the page, so a page can be a little over
 *       1 MB, as DynamoDB's are). Either way the page carries a LastEvaluatedKey, the key of the
 *       last item read, even when nothing follows it; a walk that reaches the end of the range
 *       carries none.
 *   <li>The LastEvaluatedKey holds the table key and, for an index, the index key. Resuming after
 *       it needs no stored state: its storage key is rebuilt from its attributes, so the next page
 *       starts exactly after it even if that item was deleted meanwhile.
 *   <li>Capacity: the sizes of the items read (entry sizes for an index) are summed and rounded up
 *       to 4 KB units, halved for an eventually consistent read, and charged to the table or the
 *       index read; a read of nothing costs nothing, as in DynamoDB Local. A local index that
 *       fetches table items for attributes it does not project charges the table, per item, each
 *       rounded up to 4 KB, and the fetched items count toward the 1 MB page.
 * </ul>
 *
 * <p>Items are returned as stored (they are immutable): nothing is copied unless a projection asks
 * for part of an item. Stateless and thread-safe.
 */
final class PageReader {

  /** DynamoDB's page size: 1 MB of items read. */
  static final long MAX_PAGE_BYTES = 1024 * 1024;

  /**
   * What to read and how.
   *
   * @param target the table or index
   * @param range the keys to walk
   * @param reverse whether to walk in descending key order
   * @param exclusiveStart the storage key to resume after, or null
   * @param limit the most items to read, or 0 for no limit
   * @param filter the filter, or null
   * @param output how items are returned
   * @param projection the projection for the projected outputs, otherwise null
   * @param consistent whether the read is strongly consistent (for capacity)
   */
  record Plan(ReadTarget target, KeyRange range, boolean reverse, byte[] exclusiveStart, int limit, Condition filter,
      ReadTarget.Output output, Projection projection, boolean consistent) {}

  /**
   * One page read.
   *
   * @param items the items returned, or null for Select COUNT
   * @param count the items that passed the filter
   * @param scannedCount the items read
   * @param lastEvaluatedKey where to resume, or null when the range was read to its end
   * @param readBytes the summed size of the items or entries read
   * @param fetchUnits the strongly consistent read units of table items fetched for a local index
   */
  record Page(Plan plan, List<Item> items, int count, int scannedCount, Item lastEvaluatedKey, long readBytes,
      long fetchUnits) {

    /** The ConsumedCapacity to return for {@code mode}, or null when none was asked for. */
    ConsumedCapacity consumedCapacity(ReturnConsumedCapacity mode) {
      if (mode == null || mode == ReturnConsumedCapacity.NONE) {
        return null;
      }
      ReadTarget target = plan.target();
      boolean consistent = plan.consistent();
      CapacityMeter meter = new CapacityMeter(target.definition().name());
      double units = CapacityUnits.readOrZero(readBytes, consistent);
      if (target.index() == null) {
        meter.table(units);
      } else {
        if (target.index().isGlobal()) {
          meter.globalIndex(target.index().name(), units);
        } else {
          meter.localIndex(target.index().name(), units);
        }
        meter.table(consistent ? fetchUnits : fetchUnits / 2.0);
      }
      return meter.render(mode);
    }
  }

  private PageReader() {}

  /** Reads the page {@code plan} describes. */
  static Page read(Plan plan) {
    ReadTarget target = plan.target();
    KeyRange range = after(plan.range(), plan.exclusiveStart(), plan.reverse());
    int limit = plan.limit();
    Condition filter = plan.filter();
    ReadTarget.Output output = plan.output();
    Projection projection = plan.projection();
    List<Item> items = output == ReadTarget.Output.COUNT ? null : new ArrayList<>(limit > 0 ? Math.min(limit, 64) : 16);
    int count = 0;
    int scanned = 0;
    long readBytes = 0;
    long pageBytes = 0;
    long fetchUnits = 0;
    Item last = null;
    if (!range.isEmpty()) {
      try (Cursor cursor = target.keyspace().scan(range, plan.reverse())) {
        while (cursor.next()) {
          Item entry = cursor.item();
          scanned++;
          int size = entry.sizeInBytes();
          readBytes += size;
          pageBytes += size;
          if (filter == null || filter.test(entry)) {
            Item result = entry;
            if (output == ReadTarget.Output.FETCHED || output == ReadTarget.Output.FETCHED_PROJECTED) {
              result = target.fetch(entry);
              if (result != null) {
                int fetched = result.sizeInBytes();
                pageBytes += fetched;
                fetchUnits += Math.max(1, (fetched + CapacityUnits.READ_UNIT_BYTES - 1) / CapacityUnits.READ_UNIT_BYTES);
              }
            }
            if (result != null) {
              count++;
              if (items != null) {
                boolean projected = output == ReadTarget.Output.PROJECTED || output == ReadTarget.Output.FETCHED_PROJECTED;
                items.add(projected ? projection.apply(result) : result);
              }
            }
          }
          if (scanned == limit || pageBytes >= MAX_PAGE_BYTES) {
            last = entry;
            break;
          }
        }
      }
    }
    return new Page(plan, items, count, scanned, last == null ? null : target.lastEvaluatedKey(last), readBytes, fetchUnits);
  }

  /** {@code range} without the keys up to and including {@code start} in the direction of the walk. */
  static KeyRange after(KeyRange range, byte[] start, boolean reverse) {
    if (start == null) {
      return range;
    }
    if (!reverse) {
      if (range.from() != null && Arrays.compareUnsigned(start, range.from()) < 0) {
        return range;
      }
      return new KeyRange(start, false, range.to(), range.toInclusive());
    }
    if (range.to() != null && Arrays.compareUnsigned(start, range.to()) > 0) {
      return range;
    }
    return new KeyRange(range.from(), range.fromInclusive(), start, false);
  }
}
