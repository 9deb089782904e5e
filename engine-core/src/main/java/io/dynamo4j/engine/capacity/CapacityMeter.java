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
    return render(mode, null, false);
  }

  /**
   * As {@link #render(ReturnConsumedCapacity)}, also naming the kind of units, as DynamoDB does for
   * transactions: {@code ReadCapacityUnits} or {@code WriteCapacityUnits} (per {@code write}) beside
   * the total and, when {@code inParts}, beside each part's units too.
   */
  public ConsumedCapacity render(ReturnConsumedCapacity mode, Boolean write, boolean inParts) {
    if (mode == null || mode == ReturnConsumedCapacity.NONE) {
      return null;
    }
    double total = total();
    ConsumedCapacity.Builder b = ConsumedCapacity.builder().tableName(tableName).capacityUnits(total);
    if (write != null) {
      if (write) {
        b.writeCapacityUnits(total);
      } else {
        b.readCapacityUnits(total);
      }
    }
    if (mode == ReturnConsumedCapacity.INDEXES) {
      Boolean partWrite = inParts ? write : null;
      b.table(part(table, partWrite));
      if (!global.isEmpty()) {
        Map<String, Capacity> g = new LinkedHashMap<>();
        global.forEach((k, v) -> g.put(k, part(v, partWrite)));
        b.globalSecondaryIndexes(g);
      }
      if (!local.isEmpty()) {
        Map<String, Capacity> l = new LinkedHashMap<>();
        local.forEach((k, v) -> l.put(k, part(v, partWrite)));
        b.localSecondaryIndexes(l);
      }
    }
    return b.build();
  }

  private static Capacity part(double units, Boolean write) {
    Capacity.Builder c = Capacity.builder().capacityUnits(units);
    if (write != null) {
      if (write) {
        c.writeCapacityUnits(units);
      } else {
        c.readCapacityUnits(units);
      }
    }
    return c.build();
  }

  /** The units charged to each global secondary index, by name. */
  public Map<String, Double> globalUnits() {
    return java.util.Collections.unmodifiableMap(global);
  }

  /** The units charged to the table and its local secondary indexes (what the table's own capacity pays). */
  public double tableAndLocalUnits() {
    double t = table;
    for (double v : local.values()) {
      t += v;
    }
    return t;
  }
}
