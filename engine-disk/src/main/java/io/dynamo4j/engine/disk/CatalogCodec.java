package io.dynamo4j.engine.disk;

import io.dynamo4j.api.DescribeTableResponse;
import io.dynamo4j.api.DescribeTimeToLiveResponse;
import io.dynamo4j.api.GlobalSecondaryIndexDescription;
import io.dynamo4j.api.IndexStatus;
import io.dynamo4j.api.ListTagsOfResourceResponse;
import io.dynamo4j.api.LocalSecondaryIndexDescription;
import io.dynamo4j.api.Operation;
import io.dynamo4j.api.ScalarAttributeType;
import io.dynamo4j.api.StreamViewType;
import io.dynamo4j.api.TableDescription;
import io.dynamo4j.engine.backup.PointInTimeRecovery;
import io.dynamo4j.engine.stream.Streams;
import io.dynamo4j.engine.table.IndexDefinition;
import io.dynamo4j.engine.table.KeyAttribute;
import io.dynamo4j.engine.table.KeySchema;
import io.dynamo4j.engine.table.TableDefinition;
import io.dynamo4j.engine.ttl.TimeToLive;
import io.dynamo4j.json.WireCodec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The catalog's binary form: every table's definition with what engine-core keeps beside it (the
 * enabled stream, point-in-time recovery and TTL settings). API shapes are stored in DynamoDB's
 * own JSON ({@link WireCodec}), so they follow the API records as they grow.
 *
 * <h2>Format (version 1)</h2>
 *
 * <pre>
 * catalog := varint(1) varint(n) table*
 * table   := definition u8 has-stream [string label, u8 viewType, instant created, varlong start]
 *            u8 has-pitr [varint days, instant enabledAt, u8 has-lost [varlong lostMillis]] u8 has-ttl [u8 on, string attr, instant, instant]
 * definition := json(description) keySchema varint(n) index* json(tags) json(ttl) optInstant(until)
 *               varint(n) (json(gsi) instant)*
 * index   := u8 kind json(description) keySchema(index) string(keyspace) optInstant(until)
 *            u8 createdByUpdate u8 backfill
 * </pre>
 *
 * <p>Stateless and thread-safe.
 */
final class CatalogCodec {

  private static final int VERSION = 1;

  private CatalogCodec() {}

  /** One table as saved. */
  record SavedTable(TableDefinition definition, Streams.Enabled stream, PointInTimeRecovery.Setting pitr,
      TimeToLive.Saved ttl) {}

  static byte[] encode(List<SavedTable> tables) {
    ItemCodec.Buf b = new ItemCodec.Buf(1024);
    b.varint(VERSION);
    b.varint(tables.size());
    for (SavedTable t : tables) {
      definition(b, t.definition());
      b.u8(t.stream() == null ? 0 : 1);
      if (t.stream() != null) {
        b.string(t.stream().label());
        b.u8(t.stream().viewType().ordinal());
        instant(b, t.stream().created());
        b.varlong(t.stream().startSequence());
      }
      b.u8(t.pitr() == null ? 0 : 1);
      if (t.pitr() != null) {
        b.varint(t.pitr().periodDays());
        instant(b, t.pitr().enabledAt());
        b.u8(t.pitr().givenUpMillis() == null ? 0 : 1);
        if (t.pitr().givenUpMillis() != null) {
          b.varlong(t.pitr().givenUpMillis());
        }
      }
      b.u8(t.ttl() == null ? 0 : 1);
      if (t.ttl() != null) {
        b.u8(t.ttl().enabled() ? 1 : 0);
        b.string(t.ttl().attributeName());
        instant(b, t.ttl().changedAt());
        instant(b, t.ttl().settledAt());
      }
    }
    return b.toByteArray();
  }

  static List<SavedTable> decode(byte[] bytes) {
    ItemCodec.Buf b = new ItemCodec.Buf(bytes);
    int version = b.varint();
    if (version != VERSION) {
      throw new IllegalStateException("engine-disk: catalog format " + version + " is not known to this release");
    }
    int n = b.varint();
    List<SavedTable> tables = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      TableDefinition d = readDefinition(b);
      Streams.Enabled stream = null;
      if (b.u8() == 1) {
        stream = new Streams.Enabled(b.string(), StreamViewType.values()[b.u8()], readInstant(b), b.varlong());
      }
      PointInTimeRecovery.Setting pitr = null;
      if (b.u8() == 1) {
        int days = b.varint();
        Instant enabledAt = readInstant(b);
        pitr = new PointInTimeRecovery.Setting(days, enabledAt, b.u8() == 0 ? null : b.varlong());
      }
      TimeToLive.Saved ttl = null;
      if (b.u8() == 1) {
        ttl = new TimeToLive.Saved(b.u8() == 1, b.string(), readInstant(b), readInstant(b));
      }
      tables.add(new SavedTable(d, stream, pitr, ttl));
    }
    return tables;
  }

  static void definition(ItemCodec.Buf b, TableDefinition d) {
    b.bytes(WireCodec.writeResponse(Operation.DESCRIBE_TABLE, new DescribeTableResponse(d.description())));
    keySchema(b, d.primaryKey());
    b.varint(d.indexes().size());
    for (IndexDefinition i : d.indexes()) {
      b.u8(i.isGlobal() ? 0 : 1);
      TableDescription holder = i.isGlobal()
          ? TableDescription.builder().globalSecondaryIndexes(List.of(i.globalDescription())).build()
          : TableDescription.builder().localSecondaryIndexes(List.of(i.localDescription())).build();
      b.bytes(WireCodec.writeResponse(Operation.DESCRIBE_TABLE, new DescribeTableResponse(holder)));
      keySchema(b, i.keySchema());
      b.string(i.keyspaceId());
      optInstant(b, i.statusUntil());
      b.u8(i.createdByUpdate() ? 1 : 0);
      b.u8(i.backfillInProgress() ? 1 : 0);
    }
    b.bytes(WireCodec.writeResponse(Operation.LIST_TAGS_OF_RESOURCE, new ListTagsOfResourceResponse(d.tags(), null)));
    b.bytes(WireCodec.writeResponse(Operation.DESCRIBE_TIME_TO_LIVE, new DescribeTimeToLiveResponse(d.timeToLive())));
    optInstant(b, d.statusUntil());
    b.varint(d.deletingIndexes().size());
    for (TableDefinition.DeletingIndex g : d.deletingIndexes()) {
      TableDescription holder = TableDescription.builder().globalSecondaryIndexes(List.of(g.description())).build();
      b.bytes(WireCodec.writeResponse(Operation.DESCRIBE_TABLE, new DescribeTableResponse(holder)));
      instant(b, g.until());
    }
  }

  static TableDefinition readDefinition(ItemCodec.Buf b) {
    TableDescription description = describe(b.bytes());
    KeySchema primaryKey = readKeySchema(b);
    int n = b.varint();
    List<IndexDefinition> indexes = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      boolean global = b.u8() == 0;
      TableDescription holder = describe(b.bytes());
      KeySchema keySchema = readKeySchema(b);
      String keyspace = b.string();
      Instant until = readOptInstant(b);
      boolean createdByUpdate = b.u8() == 1;
      boolean backfill = b.u8() == 1;
      IndexDefinition index;
      if (global) {
        GlobalSecondaryIndexDescription g = holder.globalSecondaryIndexes().get(0);
        index = IndexDefinition.global(g, keySchema, primaryKey, keyspace);
        if (createdByUpdate) {
          index = index.withBackfill(backfill);
        }
        if (until != null || (g.indexStatus() != null && g.indexStatus() != IndexStatus.ACTIVE)) {
          index = index.withStatus(g.indexStatus(), until);
        }
      } else {
        LocalSecondaryIndexDescription l = holder.localSecondaryIndexes().get(0);
        index = IndexDefinition.local(l, keySchema, primaryKey, keyspace);
      }
      indexes.add(index);
    }
    ListTagsOfResourceResponse tags = (ListTagsOfResourceResponse) WireCodec.readResponse(Operation.LIST_TAGS_OF_RESOURCE, b.bytes());
    DescribeTimeToLiveResponse ttl = (DescribeTimeToLiveResponse) WireCodec.readResponse(Operation.DESCRIBE_TIME_TO_LIVE, b.bytes());
    Instant until = readOptInstant(b);
    int deleting = b.varint();
    List<TableDefinition.DeletingIndex> gone = new ArrayList<>(deleting);
    for (int i = 0; i < deleting; i++) {
      TableDescription holder = describe(b.bytes());
      gone.add(new TableDefinition.DeletingIndex(holder.globalSecondaryIndexes().get(0), readInstant(b)));
    }
    return new TableDefinition(description, primaryKey, indexes, tags.tags() == null ? List.of() : tags.tags(),
        ttl.timeToLiveDescription(), until, gone);
  }

  private static TableDescription describe(byte[] json) {
    return ((DescribeTableResponse) WireCodec.readResponse(Operation.DESCRIBE_TABLE, json)).table();
  }

  static void keySchema(ItemCodec.Buf b, KeySchema k) {
    attributes(b, k.partition());
    attributes(b, k.sort());
  }

  private static void attributes(ItemCodec.Buf b, List<KeyAttribute> list) {
    b.varint(list.size());
    for (KeyAttribute a : list) {
      b.string(a.name());
      b.u8(a.type().ordinal());
    }
  }

  static KeySchema readKeySchema(ItemCodec.Buf b) {
    return new KeySchema(readAttributes(b), readAttributes(b));
  }

  private static List<KeyAttribute> readAttributes(ItemCodec.Buf b) {
    int n = b.varint();
    List<KeyAttribute> list = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      list.add(new KeyAttribute(b.string(), ScalarAttributeType.values()[b.u8()]));
    }
    return list;
  }

  static void instant(ItemCodec.Buf b, Instant t) {
    b.i64(t.getEpochSecond());
    b.varint(t.getNano());
  }

  static Instant readInstant(ItemCodec.Buf b) {
    long s = b.i64();
    return Instant.ofEpochSecond(s, b.varint());
  }

  static void optInstant(ItemCodec.Buf b, Instant t) {
    b.u8(t == null ? 0 : 1);
    if (t != null) {
      instant(b, t);
    }
  }

  static Instant readOptInstant(ItemCodec.Buf b) {
    return b.u8() == 0 ? null : readInstant(b);
  }
}
