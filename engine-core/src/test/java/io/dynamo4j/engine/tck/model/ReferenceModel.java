package io.dynamo4j.engine.tck.model;

import io.dynamo4j.engine.codec.ByteSink;
import io.dynamo4j.engine.codec.KeyCodec;
import io.dynamo4j.model.AttributeValue;
import io.dynamo4j.model.Item;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * A deliberately simple model of one table and its indexes, against which {@link RandomOperationsTest}
 * checks the engine: the items in a sorted map, index entries derived from them on demand, and
 * pages computed by sorting and walking lists.
 *
 * <p>The table is pk (S) + sk (N), with GSI {@code byG} (g S, gs N; INCLUDE v), GSI {@code byGs} (gs
 * N; KEYS_ONLY) and LSI {@code byL} (pk, l S; ALL). Order follows DynamoDB's documented rules: a
 * partition's place is the unsigned 64-bit hash of its encoded key (the one public piece of the
 * engine the model uses, since hash order is the engine's choice), then sort key, then (for
 * indexes) table key, values ordered as DynamoDB orders them.
 *
 * <p>Not thread-safe.
 */
final class ReferenceModel {

  /** A table or index the model can read. */
  enum Target {
    TABLE(null, "pk", "sk"),
    BY_G("byG", "g", "gs"),
    BY_GS("byGs", "gs", null),
    BY_L("byL", "pk", "l");

    final String indexName;
    final String partition;
    final String sort;

    Target(String indexName, String partition, String sort) {
      this.indexName = indexName;
      this.partition = partition;
      this.sort = sort;
    }
  }

  /**
   * One page as DynamoDB returns it.
   *
   * @param items the items (null for Select COUNT)
   * @param count items passing the filter
   * @param scannedCount items read
   * @param lastEvaluatedKey where the next page starts, or null
   */
  record Page(List<Item> items, int count, int scannedCount, Item lastEvaluatedKey) {}

  private static final Comparator<Item> TABLE_KEY = Comparator.<Item, AttributeValue>comparing(i -> i.get("pk"), ReferenceModel::compare)
      .thenComparing(i -> i.get("sk"), ReferenceModel::compare);

  private final TreeMap<Item, Item> items = new TreeMap<>(TABLE_KEY);

  /** The item with {@code key}'s table key, or null. */
  Item get(Item key) {
    return items.get(key);
  }

  void put(Item item) {
    items.put(Item.of("pk", item.get("pk"), "sk", item.get("sk")), item);
  }

  void delete(Item key) {
    items.remove(key);
  }

  /** Every item, in table key order. */
  List<Item> items() {
    return new ArrayList<>(items.values());
  }

  /** The entry {@code item} has in {@code target}, or null if it is not indexed there. */
  static Item entry(Target target, Item item) {
    switch (target) {
      case TABLE:
        return item;
      case BY_G: {
        if (!(item.get("g") instanceof AttributeValue.S) || !(item.get("gs") instanceof AttributeValue.N)) {
          return null;
        }
        Item.Builder b = Item.builder().put("pk", item.get("pk")).put("sk", item.get("sk")).put("g", item.get("g"))
            .put("gs", item.get("gs"));
        if (item.get("v") != null) {
          b.put("v", item.get("v"));
        }
        return b.build();
      }
      case BY_GS:
        return item.get("gs") instanceof AttributeValue.N
            ? Item.of("pk", item.get("pk"), "sk", item.get("sk"), "gs", item.get("gs")) : null;
      default:
        return item.get("l") instanceof AttributeValue.S ? item : null;
    }
  }

  /** The LastEvaluatedKey of an entry of {@code target}: table key plus index key. */
  static Item lastKey(Target target, Item entry) {
    Item.Builder b = Item.builder().put("pk", entry.get("pk")).put("sk", entry.get("sk"));
    if (target != Target.TABLE) {
      b.put(target.partition, entry.get(target.partition));
      if (target.sort != null) {
        b.put(target.sort, entry.get(target.sort));
      }
    }
    return b.build();
  }

  /** The entries of {@code target} in the order its keyspace holds them (a Scan's order). */
  List<Item> entries(Target target) {
    List<Item> out = new ArrayList<>();
    for (Item item : items.values()) {
      Item entry = entry(target, item);
      if (entry != null) {
        out.add(entry);
      }
    }
    out.sort(order(target));
    return out;
  }

  /** Keyspace order of {@code target}: partition hash, partition value, sort value, table key. */
  static Comparator<Item> order(Target target) {
    Comparator<Item> c = Comparator.comparing((Item i) -> hash(i.get(target.partition)), Long::compareUnsigned)
        .thenComparing(i -> i.get(target.partition), ReferenceModel::compare);
    if (target.sort != null) {
      c = c.thenComparing(i -> i.get(target.sort), ReferenceModel::compare);
    }
    return target == Target.TABLE ? c : c.thenComparing(TABLE_KEY);
  }

  /** The partition placement hash of a key value. */
  static long hash(AttributeValue partitionValue) {
    ByteSink sink = new ByteSink(32);
    KeyCodec.encode(partitionValue, sink);
    return KeyCodec.hash(sink.buffer(), 0, sink.size());
  }

  /** DynamoDB's order of two key values of one type: numbers by value, strings by UTF-8 bytes, binary unsigned. */
  static int compare(AttributeValue a, AttributeValue b) {
    if (a instanceof AttributeValue.N x && b instanceof AttributeValue.N y) {
      return x.value().compareTo(y.value());
    }
    if (a instanceof AttributeValue.S x && b instanceof AttributeValue.S y) {
      return Arrays.compareUnsigned(x.value().getBytes(StandardCharsets.UTF_8), y.value().getBytes(StandardCharsets.UTF_8));
    }
    if (a instanceof AttributeValue.B x && b instanceof AttributeValue.B y) {
      return Arrays.compareUnsigned(x.value().toByteArray(), y.value().toByteArray());
    }
    throw new IllegalArgumentException("not comparable key values: " + a + ", " + b);
  }

  /**
   * The page a read returns: the entries of {@code target} that {@code selected} keeps, in order
   * (reversed if asked), after {@code start}, at most {@code limit} read (0: all), the filter
   * deciding Count and Items.
   */
  Page page(Target target, Predicate<Item> selected, boolean reverse, Item start, int limit, Predicate<Item> filter,
      boolean countOnly) {
    List<Item> entries = new ArrayList<>();
    for (Item e : entries(target)) {
      if (selected.test(e)) {
        entries.add(e);
      }
    }
    Comparator<Item> order = order(target);
    if (reverse) {
      Collections.reverse(entries);
      order = order.reversed();
    }
    List<Item> result = countOnly ? null : new ArrayList<>();
    int count = 0;
    int scanned = 0;
    Item last = null;
    for (Item e : entries) {
      if (start != null && order.compare(e, start) <= 0) {
        continue;
      }
      scanned++;
      if (filter == null || filter.test(e)) {
        count++;
        if (result != null) {
          result.add(e);
        }
      }
      if (scanned == limit) {
        last = lastKey(target, e);
        break;
      }
    }
    return new Page(result, count, scanned, last);
  }

  /** Whether {@code value}'s partition hash lies in segment {@code segment} of {@code total}. */
  static boolean inSegment(AttributeValue value, int segment, int total) {
    BigInteger space = BigInteger.ONE.shiftLeft(64);
    BigInteger h = new BigInteger(Long.toUnsignedString(hash(value)));
    BigInteger low = space.multiply(BigInteger.valueOf(segment)).divide(BigInteger.valueOf(total));
    BigInteger high = space.multiply(BigInteger.valueOf(segment + 1)).divide(BigInteger.valueOf(total));
    return h.compareTo(low) >= 0 && h.compareTo(high) < 0;
  }

  /** A number's value, or null if {@code v} is not a number. */
  static BigDecimal number(AttributeValue v) {
    return v instanceof AttributeValue.N n ? n.value() : null;
  }
}
