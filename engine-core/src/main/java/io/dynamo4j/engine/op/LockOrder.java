package io.dynamo4j.engine.op;

/**
 * The order in which a transaction locks its keys: ascending key order. An insertion sort of
 * positions (transactions hold at most 100 keys, usually a handful), with no boxing.
 *
 * <p>Stateless and thread-safe.
 */
final class LockOrder {

  private LockOrder() {}

  /** The positions of {@code keys} in ascending key order. */
  static int[] of(KeyLocks.LockKey[] keys) {
    int[] order = new int[keys.length];
    for (int i = 0; i < order.length; i++) {
      int j = i;
      while (j > 0 && keys[order[j - 1]].compareTo(keys[i]) > 0) {
        order[j] = order[j - 1];
        j--;
      }
      order[j] = i;
    }
    return order;
  }
}
