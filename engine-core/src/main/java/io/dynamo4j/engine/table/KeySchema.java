package io.dynamo4j.engine.table;

import io.dynamo4j.engine.codec.ByteSink;
import io.dynamo4j.engine.codec.KeyCodec;
import io.dynamo4j.model.AttributeValue;
import io.dynamo4j.model.Item;
import java.util.ArrayList;
import java.util.List;

/**
 * The key of a table or index: its partition key attributes (one for tables and local indexes, up
 * to four for a global index) and sort key attributes (none or one, up to four for a global index),
 * in key-schema order; plus the encoding of items into storage keys (see {@link KeyCodec}).
 *
 * <p>Immutable and thread-safe.
 *
 * @param partition the partition (HASH) attributes, in order
 * @param sort the sort (RANGE) attributes, in order; empty for a partition-only key
 */
public record KeySchema(List<KeyAttribute> partition, List<KeyAttribute> sort) {

  public KeySchema {
    partition = List.copyOf(partition);
    sort = List.copyOf(sort);
  }

  /** A table or local-index key: one partition attribute and at most one sort attribute. */
  public static KeySchema of(KeyAttribute partition, KeyAttribute sortOrNull) {
    return new KeySchema(List.of(partition), sortOrNull == null ? List.of() : List.of(sortOrNull));
  }

  /** Whether there are sort attributes. */
  public boolean hasSort() {
    return !sort.isEmpty();
  }

  /** The first partition attribute (the only one for tables and local indexes). */
  public KeyAttribute hashKey() {
    return partition.get(0);
  }

  /** The first sort attribute, or null. */
  public KeyAttribute rangeKey() {
    return sort.isEmpty() ? null : sort.get(0);
  }

  /** Every key attribute: partition ones, then sort ones. */
  public List<KeyAttribute> attributes() {
    List<KeyAttribute> all = new ArrayList<>(partition.size() + sort.size());
    all.addAll(partition);
    all.addAll(sort);
    return all;
  }

  /** Whether {@code name} is one of the key attributes. */
  public boolean contains(String name) {
    for (KeyAttribute a : partition) {
      if (a.name().equals(name)) {
        return true;
      }
    }
    for (KeyAttribute a : sort) {
      if (a.name().equals(name)) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code item} has every key attribute (types are not checked). */
  public boolean isPresentIn(Item item) {
    for (KeyAttribute a : partition) {
      if (!item.containsKey(a.name())) {
        return false;
      }
    }
    for (KeyAttribute a : sort) {
      if (!item.containsKey(a.name())) {
        return false;
      }
    }
    return true;
  }

  /** The key attributes of {@code item} as an item, in key-schema order (attributes it lacks are skipped). */
  public Item keyOf(Item item) {
    Item.Builder b = Item.builder(partition.size() + sort.size());
    for (KeyAttribute a : partition) {
      AttributeValue v = item.get(a.name());
      if (v != null) {
        b.put(a.name(), v);
      }
    }
    for (KeyAttribute a : sort) {
      AttributeValue v = item.get(a.name());
      if (v != null) {
        b.put(a.name(), v);
      }
    }
    return b.build();
  }

  /**
   * The storage key of {@code item}: hash, partition components, sort components, then
   * {@code suffix} (the table key components, for index entries; null for table entries). Returns
   * null if the item lacks a key attribute. Key attribute types must have been validated.
   */
  public byte[] storageKey(Item item, byte[] suffix) {
    ByteSink out = new ByteSink(64);
    out.skip(KeyCodec.HASH_LENGTH);
    for (KeyAttribute a : partition) {
      AttributeValue v = item.get(a.name());
      if (v == null) {
        return null;
      }
      KeyCodec.encode(v, out);
    }
    long hash = KeyCodec.hash(out.buffer(), KeyCodec.HASH_LENGTH, out.size() - KeyCodec.HASH_LENGTH);
    for (KeyAttribute a : sort) {
      AttributeValue v = item.get(a.name());
      if (v == null) {
        return null;
      }
      KeyCodec.encode(v, out);
    }
    if (suffix != null) {
      out.put(suffix);
    }
    byte[] key = out.toByteArray();
    KeyCodec.putHash(key, hash);
    return key;
  }

  /**
   * The key components of {@code item} without the hash (partition then sort components): the
   * suffix an index appends to its own key. Returns null if the item lacks a key attribute.
   */
  public byte[] components(Item item) {
    ByteSink out = new ByteSink(48);
    for (KeyAttribute a : attributes()) {
      AttributeValue v = item.get(a.name());
      if (v == null) {
        return null;
      }
      KeyCodec.encode(v, out);
    }
    return out.toByteArray();
  }

  /**
   * The key prefix shared by every entry of one partition: hash and partition components, for the
   * partition values in key-schema order.
   */
  public byte[] partitionPrefix(List<AttributeValue> partitionValues) {
    ByteSink out = new ByteSink(48);
    out.skip(KeyCodec.HASH_LENGTH);
    for (AttributeValue v : partitionValues) {
      KeyCodec.encode(v, out);
    }
    byte[] key = out.toByteArray();
    KeyCodec.putHash(key, KeyCodec.hash(key, KeyCodec.HASH_LENGTH, key.length - KeyCodec.HASH_LENGTH));
    return key;
  }
}
