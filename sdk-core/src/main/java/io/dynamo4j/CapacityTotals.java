package io.dynamo4j;

import io.dynamo4j.api.Capacity;
import io.dynamo4j.api.ConsumedCapacity;
import io.dynamo4j.api.VectorCapacity;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BinaryOperator;

/**
 * The {@code ConsumedCapacity} of several responses added up, one entry per table, in the order
 * the tables first appeared: the shape DynamoDB gives a single batch response. A member absent
 * from every response stays absent. Not thread-safe; one instance per batch helper call.
 */
final class CapacityTotals {

  private final Map<String, ConsumedCapacity> byTable = new LinkedHashMap<>();
  private boolean any;

  void add(List<ConsumedCapacity> consumed) {
    if (consumed == null) {
      return;
    }
    any = true;
    for (ConsumedCapacity c : consumed) {
      byTable.merge(c.tableName(), c, CapacityTotals::sum);
    }
  }

  /** The totals, or null if no response carried {@code ConsumedCapacity}. */
  List<ConsumedCapacity> result() {
    return any ? List.copyOf(byTable.values()) : null;
  }

  private static ConsumedCapacity sum(ConsumedCapacity a, ConsumedCapacity b) {
    return ConsumedCapacity.builder()
        .tableName(a.tableName())
        .capacityUnits(plus(a.capacityUnits(), b.capacityUnits()))
        .readCapacityUnits(plus(a.readCapacityUnits(), b.readCapacityUnits()))
        .writeCapacityUnits(plus(a.writeCapacityUnits(), b.writeCapacityUnits()))
        .table(both(a.table(), b.table(), CapacityTotals::sum))
        .localSecondaryIndexes(merge(a.localSecondaryIndexes(), b.localSecondaryIndexes(), CapacityTotals::sum))
        .globalSecondaryIndexes(merge(a.globalSecondaryIndexes(), b.globalSecondaryIndexes(), CapacityTotals::sum))
        .vectorIndexes(merge(a.vectorIndexes(), b.vectorIndexes(), CapacityTotals::sum))
        .build();
  }

  private static Capacity sum(Capacity a, Capacity b) {
    return Capacity.builder()
        .readCapacityUnits(plus(a.readCapacityUnits(), b.readCapacityUnits()))
        .writeCapacityUnits(plus(a.writeCapacityUnits(), b.writeCapacityUnits()))
        .capacityUnits(plus(a.capacityUnits(), b.capacityUnits()))
        .build();
  }

  private static VectorCapacity sum(VectorCapacity a, VectorCapacity b) {
    return VectorCapacity.builder()
        .vectorSearchRequestBytes(plus(a.vectorSearchRequestBytes(), b.vectorSearchRequestBytes()))
        .vectorWriteRequestBytes(plus(a.vectorWriteRequestBytes(), b.vectorWriteRequestBytes()))
        .build();
  }

  private static Double plus(Double a, Double b) {
    return both(a, b, Double::sum);
  }

  private static <T> T both(T a, T b, BinaryOperator<T> combine) {
    return a == null ? b : b == null ? a : combine.apply(a, b);
  }

  private static <V> Map<String, V> merge(Map<String, V> a, Map<String, V> b, BinaryOperator<V> combine) {
    if (a == null || b == null) {
      return a == null ? b : a;
    }
    Map<String, V> sum = new LinkedHashMap<>(a);
    b.forEach((name, v) -> sum.merge(name, v, combine));
    return sum;
  }
}
