package io.dynamo4j.engine.capacity;

import io.dynamo4j.api.Capacity;
import io.dynamo4j.api.ConsumedCapacity;
import io.dynamo4j.api.ReturnConsumedCapacity;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Adds up the capacity one request consumes on one table and its indexes, and renders it as the
 * {@code ConsumedCapacity} DynamoDB returns: {@code TOTAL} gives the table name and total units,
 * {@code INDEXES} adds the table's own units and each index's.
 *
 * <p>Not thread-safe: one meter per request and table.
 */
public final class CapacityMeter {

  private final String tableName;
  private double table;
  private final Map<String, Double> global = new LinkedHashMap<>();
  private final Map<String, Double> local = new LinkedHashMap<>();

  /** A meter for {@code tableName}, at zero. */
  public CapacityMeter(String tableName) {
    this.tableName = tableName;
  }

  /** The table this meter is for. */
  public String tableName() {
    return tableName;
  }

  /** Charges {@code units} to the table itself. */
  public CapacityMeter table(double units) {
    table += units;
    return this;
  }

  /** Charges {@code units} to a global secondary index. */
  public CapacityMeter globalIndex(String index, double units) {
    global.merge(index, units, Double::sum);
    return this;
  }

  /** Charges {@code units} to a local secondary index. */
  public CapacityMeter localIndex(String index, double units) {
    local.merge(index, units, Double::sum);
    return this;
  }

  /** Adds everything {@code other} (for the same table) charged. */
  public CapacityMeter add(CapacityMeter other) {
    table += other.table;
    other.global.forEach((k, v) -> global.merge(k, v, Double::sum));
    other.local.forEach((k, v) -> local.merge(k, v, Double::sum));
    return this;
  }

  /** Multiplies every charge by {@code factor} (2 for transactions). */
  public CapacityMeter scale(double factor) {
    table *= factor;
    global.replaceAll((k, v) -> v * factor);
    local.replaceAll((k, v) -> v * factor);
    return this;
  }

  /** The total of every charge. */
  public double total() {
    double t = table;
    for (double v : global.values()) {
      t += v;
    }
    for (double v : local.values()) {
      t += v;
    }
    return t;
  }

  /** The units charged to the table itself. */
  public double tableUnits() {
    return table;
  }

  /**
   * The {@code ConsumedCapacity} to return for {@code mode}, or null when none was asked for
   * ({@code null} or {@code NONE}).
   */
  public ConsumedCapacity render(ReturnConsumedCapacity mode) {
    if (mode == null || mode == ReturnConsumedCapacity.NONE) {
      return null;
    }
    ConsumedCapacity.Builder b = ConsumedCapacity.builder().tableName(tableName).capacityUnits(total());
    if (mode == ReturnConsumedCapacity.INDEXES) {
      b.table(Capacity.builder().capacityUnits(table).build());
      if (!global.isEmpty()) {
        Map<String, Capacity> g = new LinkedHashMap<>();
        global.forEach((k, v) -> g.put(k, Capacity.builder().capacityUnits(v).build()));
        b.globalSecondaryIndexes(g);
      }
      if (!local.isEmpty()) {
        Map<String, Capacity> l = new LinkedHashMap<>();
        local.forEach((k, v) -> l.put(k, Capacity.builder().capacityUnits(v).build()));
        b.localSecondaryIndexes(l);
      }
    }
    return b.build();
  }
}
