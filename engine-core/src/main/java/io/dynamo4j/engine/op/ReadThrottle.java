package io.dynamo4j.engine.op;

import io.dynamo4j.engine.capacity.CapacityUnits;
import io.dynamo4j.engine.capacity.TableCapacity;
import io.dynamo4j.engine.capacity.Throttle;
import io.dynamo4j.engine.codec.KeyCodec;
import io.dynamo4j.engine.table.IndexDefinition;
import java.time.Instant;

/**
 * Query and Scan pages when throughput is enforced: a page starts only while the bucket it reads
 * from has capacity (a global index's own, otherwise the table's; for a Query of the table or a
 * local index, also the partition's), then takes the units the page consumed: the entries read,
 * and for a local index the table items it fetched.
 *
 * <p>Stateless and thread-safe.
 */
final class ReadThrottle {

  private ReadThrottle() {}

  /** Reads the page {@code plan} describes; {@code query} says whether it stays in one partition. */
  static PageReader.Page read(EngineContext context, PageReader.Plan plan, boolean query) {
    if (!context.throttling()) {
      return PageReader.read(plan);
    }
    ReadTarget target = plan.target();
    Instant now = context.now();
    TableCapacity load = context.capacity().of(target.table(), now);
    IndexDefinition global = target.isGlobalIndex() ? target.index() : null;
    Long hash = query && global == null && plan.range().from() != null ? KeyCodec.getHash(plan.range().from()) : null;
    Throttle throttle = load.admitRead(target.table(), hash, global, now);
    if (throttle != null) {
      throw Errors.throttled(throttle);
    }
    PageReader.Page page = PageReader.read(plan);
    boolean consistent = plan.consistent();
    double units = CapacityUnits.readOrZero(page.readBytes(), consistent);
    if (global == null) {
      units += consistent ? page.fetchUnits() : page.fetchUnits() / 2.0;
    }
    load.chargeRead(target.table(), hash, global, units, now);
    return page;
  }
}
