package io.dynamo4j.engine.disk;

import io.dynamo4j.api.KeySchemaElement;
import io.dynamo4j.api.KeyType;
import io.dynamo4j.api.StreamViewType;
import io.dynamo4j.engine.partition.Partition;
import io.dynamo4j.engine.stream.Streams;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The binary form of what engine-core keeps beside the catalog and must outlive a restart: the
 * streams (shards, lineage, consumers' checkpoints, the iterator key) and the tables' partitions
 * (stream shards follow them). The store holds it whole at each checkpoint; the log holds a
 * stream or a table's partitions whenever they change.
 *
 * <h2>Format (version 1)</h2>
 *
 * <pre>
 * state      := varint(1) i64 iteratorKey varint n stream* varint m checkpoint* varint k (string tableId partitions)*
 *               varint t (string tableId varlong trimmedBefore)*
 * stream     := string arn, string label, string tableName, string tableId, u8 viewType, instant created,
 *               optInstant disabledAt, varint n (string attribute, u8 keyType)*, keySchema primaryKey,
 *               varint shardCounter, varint n shard*
 * shard      := string id, i64 startHash, i64 endHash, optString parentId, varlong startSequence,
 *               instant created, i64 endSequence, optInstant closedAt
 * checkpoint := string streamArn, string consumer, varint n (string shardId, i64 position)*
 * partitions := varint n partition* (every partition, oldest first) varint m (string id, varlong bytes)*
 *               (the current ones, in hash order)
 * partition  := string id, i64 startHash, i64 endHash, optString parentId, instant created
 * </pre>
 *
 * <p>Stateless and thread-safe.
 */
final class StateCodec {

  private static final int VERSION = 1;

  private StateCodec() {}

  /**
   * A table's partitions as saved.
   *
   * @param history every partition, oldest first
   * @param current the current ones, in hash order
   * @param bytes the current ones' sizes
   */
  record SavedPartitions(List<Partition> history, List<Partition> current, long[] bytes) {}

  /** Everything saved: streams, partitions by table id, and where each table's journal was trimmed. */
  record State(Streams.Saved streams, Map<String, SavedPartitions> partitions, Map<String, Long> trimmedBefore) {}

  static byte[] encode(State state) {
    ItemCodec.Buf b = new ItemCodec.Buf(1024);
    b.varint(VERSION);
    b.i64(state.streams().iteratorKey());
    b.varint(state.streams().streams().size());
    for (Streams.SavedStream s : state.streams().streams()) {
      stream(b, s);
    }
    b.varint(state.streams().checkpoints().size());
    for (Streams.SavedCheckpoint c : state.streams().checkpoints()) {
      b.string(c.streamArn());
      b.string(c.consumerName());
      b.varint(c.positions().size());
      for (Map.Entry<String, Long> e : c.positions().entrySet()) {
        b.string(e.getKey());
        b.i64(e.getValue());
      }
    }
    b.varint(state.partitions().size());
    for (Map.Entry<String, SavedPartitions> e : state.partitions().entrySet()) {
      b.string(e.getKey());
      partitions(b, e.getValue());
    }
    b.varint(state.trimmedBefore().size());
    for (Map.Entry<String, Long> e : state.trimmedBefore().entrySet()) {
      b.string(e.getKey());
      b.varlong(e.getValue());
    }
    return b.toByteArray();
  }

  static State decode(byte[] bytes) {
    ItemCodec.Buf b = new ItemCodec.Buf(bytes);
    version(b);
    long key = b.i64();
    int n = b.varint();
    List<Streams.SavedStream> streams = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      streams.add(readStream(b));
    }
    int m = b.varint();
    List<Streams.SavedCheckpoint> checkpoints = new ArrayList<>(m);
    for (int i = 0; i < m; i++) {
      String arn = b.string();
      String consumer = b.string();
      int k = b.varint();
      Map<String, Long> positions = new HashMap<>();
      for (int j = 0; j < k; j++) {
        positions.put(b.string(), b.i64());
      }
      checkpoints.add(new Streams.SavedCheckpoint(arn, consumer, positions));
    }
    int t = b.varint();
    Map<String, SavedPartitions> partitions = new LinkedHashMap<>();
    for (int i = 0; i < t; i++) {
      partitions.put(b.string(), readPartitions(b));
    }
    int r = b.varint();
    Map<String, Long> trims = new HashMap<>();
    for (int i = 0; i < r; i++) {
      trims.put(b.string(), b.varlong());
    }
    return new State(new Streams.Saved(key, streams, checkpoints), partitions, trims);
  }

  /** One stream, alone (a log document). */
  static byte[] encodeStream(Streams.SavedStream s) {
    ItemCodec.Buf b = new ItemCodec.Buf(256 + 96 * s.shards().size());
    b.varint(VERSION);
    stream(b, s);
    return b.toByteArray();
  }

  static Streams.SavedStream decodeStream(byte[] bytes) {
    ItemCodec.Buf b = new ItemCodec.Buf(bytes);
    version(b);
    return readStream(b);
  }

  /** One table's partitions, alone (a log document). */
  static byte[] encodePartitions(SavedPartitions p) {
    ItemCodec.Buf b = new ItemCodec.Buf(64 + 64 * p.history().size());
    b.varint(VERSION);
    partitions(b, p);
    return b.toByteArray();
  }

  static SavedPartitions decodePartitions(byte[] bytes) {
    ItemCodec.Buf b = new ItemCodec.Buf(bytes);
    version(b);
    return readPartitions(b);
  }

  private static void version(ItemCodec.Buf b) {
    int version = b.varint();
    if (version != VERSION) {
      throw new IllegalStateException("engine-disk: stream and partition state format " + version
          + " is not known to this release; open the data with the release that wrote it");
    }
  }

  private static void stream(ItemCodec.Buf b, Streams.SavedStream s) {
    b.string(s.arn());
    b.string(s.label());
    b.string(s.tableName());
    b.string(s.tableId());
    b.u8(s.viewType().ordinal());
    CatalogCodec.instant(b, s.created());
    CatalogCodec.optInstant(b, s.disabledAt());
    b.varint(s.keySchema().size());
    for (KeySchemaElement e : s.keySchema()) {
      b.string(e.attributeName());
      b.u8(e.keyType().ordinal());
    }
    CatalogCodec.keySchema(b, s.primaryKey());
    b.varint(s.shardCounter());
    b.varint(s.shards().size());
    for (Streams.SavedShard x : s.shards()) {
      b.string(x.id());
      b.i64(x.startHash());
      b.i64(x.endHash());
      b.optString(x.parentId());
      b.varlong(x.startSequence());
      CatalogCodec.instant(b, x.created());
      b.i64(x.endSequence());
      CatalogCodec.optInstant(b, x.closedAt());
    }
  }

  private static Streams.SavedStream readStream(ItemCodec.Buf b) {
    String arn = b.string();
    String label = b.string();
    String tableName = b.string();
    String tableId = b.string();
    StreamViewType viewType = StreamViewType.values()[b.u8()];
    var created = CatalogCodec.readInstant(b);
    var disabledAt = CatalogCodec.readOptInstant(b);
    int k = b.varint();
    List<KeySchemaElement> keySchema = new ArrayList<>(k);
    for (int i = 0; i < k; i++) {
      keySchema.add(new KeySchemaElement(b.string(), KeyType.values()[b.u8()]));
    }
    var primaryKey = CatalogCodec.readKeySchema(b);
    int counter = b.varint();
    int n = b.varint();
    List<Streams.SavedShard> shards = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      shards.add(new Streams.SavedShard(b.string(), b.i64(), b.i64(), b.optString(), b.varlong(),
          CatalogCodec.readInstant(b), b.i64(), CatalogCodec.readOptInstant(b)));
    }
    return new Streams.SavedStream(arn, label, tableName, tableId, viewType, created, disabledAt, keySchema, primaryKey,
        counter, shards);
  }

  private static void partitions(ItemCodec.Buf b, SavedPartitions p) {
    b.varint(p.history().size());
    for (Partition x : p.history()) {
      b.string(x.id());
      b.i64(x.startHash());
      b.i64(x.endHash());
      b.optString(x.parentId());
      CatalogCodec.instant(b, x.created());
    }
    b.varint(p.current().size());
    for (int i = 0; i < p.current().size(); i++) {
      b.string(p.current().get(i).id());
      b.varlong(Math.max(0, p.bytes()[i]));
    }
  }

  private static SavedPartitions readPartitions(ItemCodec.Buf b) {
    int n = b.varint();
    List<Partition> history = new ArrayList<>(n);
    Map<String, Partition> byId = new HashMap<>();
    for (int i = 0; i < n; i++) {
      Partition p = new Partition(b.string(), b.i64(), b.i64(), b.optString(), CatalogCodec.readInstant(b));
      history.add(p);
      byId.put(p.id(), p);
    }
    int m = b.varint();
    List<Partition> current = new ArrayList<>(m);
    long[] bytes = new long[m];
    for (int i = 0; i < m; i++) {
      Partition p = byId.get(b.string());
      if (p == null) {
        throw new IllegalStateException("engine-disk: saved partitions name a current partition missing from their history");
      }
      current.add(p);
      bytes[i] = b.varlong();
    }
    return new SavedPartitions(history, current, bytes);
  }
}
