package io.dynamo4j.engine.disk;

import static org.assertj.core.api.Assertions.assertThat;

import io.dynamo4j.api.DescribeContinuousBackupsRequest;
import io.dynamo4j.api.DescribeTableRequest;
import io.dynamo4j.api.DescribeTimeToLiveRequest;
import io.dynamo4j.api.ListBackupsRequest;
import io.dynamo4j.engine.LocalEngine;
import io.dynamo4j.engine.op.EngineContext;
import io.dynamo4j.engine.storage.Cursor;
import io.dynamo4j.engine.storage.KeyRange;
import io.dynamo4j.engine.storage.Keyspace;
import io.dynamo4j.engine.table.IndexDefinition;
import io.dynamo4j.engine.table.Table;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeMap;

/**
 * Everything an engine shows, as comparable text: each table's description, TTL and continuous
 * backups, its items and index entries as stored, its partitions, every stream with its shards,
 * and the backups. Two engines in the same state
 * give equal states.
 */
record EngineState(TreeMap<String, String> parts) {

  static EngineState of(LocalEngine engine) {
    EngineContext context = engine.operations().context();
    TreeMap<String, String> parts = new TreeMap<>();
    for (Table t : context.catalog().all()) {
      String name = t.definition().name();
      parts.put(name + " describe", String.valueOf(safe(() -> engine.describeTable(new DescribeTableRequest(name)).table())));
      parts.put(name + " ttl", String.valueOf(safe(() -> engine.describeTimeToLive(new DescribeTimeToLiveRequest(name)))));
      parts.put(name + " pitr", String.valueOf(safe(() -> engine.describeContinuousBackups(
          DescribeContinuousBackupsRequest.builder().tableName(name).build()))));
      parts.put(name + " items", dump(t.base()));
      for (IndexDefinition i : t.definition().indexes()) {
        parts.put(name + " index " + i.name(), dump(t.keyspace(i)));
      }
    }
    for (var stream : engine.listStreams(io.dynamo4j.api.ListStreamsRequest.builder().build()).streams()) {
      parts.put("stream " + stream.streamArn(), String.valueOf(safe(() -> engine.describeStream(
          io.dynamo4j.api.DescribeStreamRequest.builder().streamArn(stream.streamArn()).build()).streamDescription())));
    }
    for (Table t : context.catalog().all()) {
      parts.put(t.definition().name() + " partitions", String.valueOf(t.partitions().current()));
    }
    parts.put("backups", String.valueOf(safe(() -> engine.listBackups(ListBackupsRequest.builder().build()))));
    return new EngineState(parts);
  }

  private static Object safe(java.util.function.Supplier<Object> s) {
    try {
      return s.get();
    } catch (RuntimeException e) {
      return e.getClass().getSimpleName() + ": " + e.getMessage();
    }
  }

  private static String dump(Keyspace ks) {
    if (ks == null) {
      return "none";
    }
    List<String> lines = new ArrayList<>();
    try (Cursor c = ks.scan(KeyRange.all(), false)) {
      while (c.next()) {
        lines.add(HexFormat.of().formatHex(c.key()) + "=" + c.item());
      }
    }
    return String.join("\n", lines);
  }

  void assertSameAs(EngineState before) {
    assertThat(parts.keySet()).as("tables and parts after reopening").isEqualTo(before.parts.keySet());
    for (String k : before.parts.keySet()) {
      assertThat(parts.get(k)).as(k + " after reopening").isEqualTo(before.parts.get(k));
    }
  }
}
