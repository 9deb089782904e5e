package io.dynamo4j.engine.disk;

import static org.assertj.core.api.Assertions.assertThat;

import io.dynamo4j.api.GetRecordsResponse;
import io.dynamo4j.api.Record;
import io.dynamo4j.api.Shard;
import io.dynamo4j.api.ShardIteratorType;
import io.dynamo4j.engine.LocalEngine;
import io.dynamo4j.engine.tck.Invariants;
import io.dynamo4j.model.Item;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Acceptance: a child JVM writes (puts, updates, deletes, transactions, on a table with a global
 * index and a stream) and reports each acknowledgement; it is killed with SIGKILL at random
 * moments, 50 times. After every restart each acknowledged write is there, the write in flight is
 * there entirely or not at all, the index agrees with the table, and the stream holds exactly the
 * committed changes, in order. Also: a journal failing at its k-th write, for every k of a scripted
 * run, leaves the state of a prefix of the acknowledged writes.
 */
class CrashRecoveryTest {

  private static final int KILLS = 50;

  @TempDir
  Path dir;

  @Test
  void childKilledAtRandomMoments_everyAcknowledgedWriteSurvives_nothingHalfApplied() throws Exception {
    try (LocalEngine engine = DiskEngine.open(dir)) {
      CrashWorkload.createTable(engine);
    }
    long seed = System.nanoTime();
    Random random = new Random(seed);
    Map<String, Item> model = new LinkedHashMap<>();
    List<String> changes = new ArrayList<>();
    long counter = 0;
    int acknowledged = 0;
    for (int round = 0; round < KILLS; round++) {
      Process child = start(dir, random.nextLong(), counter);
      BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
      String line = out.readLine();
      assertThat(line).as("child start (seed " + seed + ")").isEqualTo("READY");
      long killAt = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(random.nextInt(300));
      List<String> acked = new ArrayList<>();
      String inFlight = null;
      while (System.nanoTime() < killAt && (line = out.readLine()) != null) {
        if (line.startsWith("BEGIN ")) {
          inFlight = line.substring(6);
        } else if (line.equals("ACK")) {
          acked.add(inFlight);
          inFlight = null;
        }
      }
      // SIGKILL (what Process.destroyForcibly sends), without closing our end of its stdout: the
      // acknowledgements it printed before dying are still read below.
      child.toHandle().destroyForcibly();
      child.waitFor();
      // Lines printed before the kill are acknowledgements too.
      while ((line = out.readLine()) != null) {
        if (line.startsWith("BEGIN ")) {
          inFlight = line.substring(6);
        } else if (line.equals("ACK")) {
          acked.add(inFlight);
          inFlight = null;
        }
      }
      for (String op : acked) {
        CrashWorkload.apply(model, op, changes);
        counter = Math.max(counter, maxValue(op) + 1);
      }
      acknowledged += acked.size();
      if (inFlight != null) {
        counter = Math.max(counter, maxValue(inFlight) + 1);
      }
      try (LocalEngine engine = DiskEngine.open(dir)) {
        Map<String, Item> actual = scan(engine);
        Map<String, Item> withInFlight = CrashWorkload.copy(model);
        List<String> changesWithInFlight = new ArrayList<>(changes);
        if (inFlight != null) {
          CrashWorkload.apply(withInFlight, inFlight, changesWithInFlight);
        }
        String where = "round " + round + ", seed " + seed + ", in flight: " + inFlight;
        if (inFlight != null && !actual.equals(model)) {
          assertThat(actual).as("state with the write in flight whole (" + where + ")").isEqualTo(withInFlight);
          model = withInFlight;
          changes = changesWithInFlight;
        } else {
          assertThat(actual).as("state of the acknowledged writes (" + where + ")").isEqualTo(model);
        }
        Invariants.check(engine);
        assertThat(streamChanges(engine)).as("stream (" + where + ")").isEqualTo(byKey(changes));
      }
    }
    assertThat(acknowledged).as("acknowledged writes over all rounds").isGreaterThan(KILLS);
  }

  @Test
  void journalFailingAtEachWrite_leavesAPrefixOfTheAcknowledgedWrites() {
    Random random = new Random(42);
    long[] counter = {0};
    List<String> script = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      script.add(CrashWorkload.next(random, counter));
    }
    int documents = 0;
    for (int k = 0; ; k++) {
      Path run = dir.resolve("k" + k);
      int failAt = k;
      int[] written = {0};
      DiskOptions failing = DiskOptions.builder().fault(n -> {
        written[0] = n + 1;
        if (n == failAt) {
          throw new IllegalStateException("injected fault at journal write " + n);
        }
      }).build();
      List<String> acked = new ArrayList<>();
      boolean created = false;
      boolean failed = false;
      LocalEngine engine = DiskEngine.open(run, failing, io.dynamo4j.engine.EngineConfig.defaults());
      try {
        CrashWorkload.createTable(engine);
        created = true;
        for (String op : script) {
          CrashWorkload.execute(engine, op);
          acked.add(op);
        }
      } catch (RuntimeException e) {
        failed = true;
      } finally {
        try {
          engine.close();
        } catch (RuntimeException e) {
          failed = true; // the fault hit the catalog saved at close
        }
      }
      try (LocalEngine reopened = DiskEngine.open(run)) {
        if (!created) {
          assertThat(reopened.listTables(l -> {}).tableNames()).as("k=" + k).isEmpty();
          continue;
        }
        Map<String, Item> model = new LinkedHashMap<>();
        List<String> changes = new ArrayList<>();
        for (String op : acked) {
          CrashWorkload.apply(model, op, changes);
        }
        assertThat(scan(reopened)).as("state after a fault at journal write " + k).isEqualTo(model);
        Invariants.check(reopened);
        assertThat(streamChanges(reopened)).as("stream after a fault at journal write " + k).isEqualTo(byKey(changes));
      }
      if (!failed) {
        documents = written[0];
        break;
      }
    }
    // Deletes of absent items write nothing; everything else one document each, plus the catalog.
    assertThat(documents).as("journal writes of the scripted run").isGreaterThan(script.size() / 2);
  }

  private static long maxValue(String op) {
    String[] w = op.split(" ");
    long max = -1;
    for (int i = 2; i < w.length; i += 2) {
      max = Math.max(max, Long.parseLong(w[i]));
    }
    return max;
  }

  private static Process start(Path dir, long seed, long counter) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd = new ArrayList<>();
    cmd.add(java);
    cmd.add("-Xmx128m");
    cmd.add("-XX:TieredStopAtLevel=1");
    cmd.add("-Xshare:auto");
    cmd.add("-XX:+UseSerialGC"); // starts faster than G1 and needs no GC threads for a small heap
    cmd.add("-XX:-UsePerfData");
    cmd.addAll(List.of(DiskEngine.JVM_FLAGS.split(" ")));
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(CrashChild.class.getName());
    cmd.add(dir.toString());
    cmd.add(Long.toString(seed));
    cmd.add(Long.toString(counter));
    return new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
  }

  static Map<String, Item> scan(LocalEngine engine) {
    Map<String, Item> items = new HashMap<>();
    Map<String, io.dynamo4j.model.AttributeValue> start = null;
    do {
      Map<String, io.dynamo4j.model.AttributeValue> from = start;
      var page = engine.scan(s -> s.tableName(CrashWorkload.TABLE).consistentRead(true).exclusiveStartKey(from == null ? null : Item.copyOf(from)));
      for (Item i : page.items()) {
        items.put(i.getS("pk"), i);
      }
      start = page.lastEvaluatedKey() == null || page.lastEvaluatedKey().isEmpty() ? null : page.lastEvaluatedKey();
    } while (start != null);
    return items;
  }

  /** Each key's changes in the stream, in order: {@code key=value} or {@code key=-}. */
  static Map<String, List<String>> streamChanges(LocalEngine engine) {
    String arn = engine.describeTable(d -> d.tableName(CrashWorkload.TABLE)).table().latestStreamArn();
    Map<String, List<String>> byKey = new TreeMap<>();
    for (Shard shard : engine.describeStream(d -> d.streamArn(arn)).streamDescription().shards()) {
      String it = engine.getShardIterator(g -> g.streamArn(arn).shardId(shard.shardId())
          .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
      while (it != null) {
        String from = it;
        GetRecordsResponse r = engine.getRecords(g -> g.shardIterator(from));
        for (Record rec : r.records()) {
          String key = rec.dynamodb().keys().getS("pk");
          Item image = rec.dynamodb().newImage();
          byKey.computeIfAbsent(key, k -> new ArrayList<>())
              .add(key + "=" + (image == null ? "-" : image.getN("v").toPlainString()));
        }
        it = r.records().isEmpty() ? null : r.nextShardIterator();
      }
    }
    return byKey;
  }

  static Map<String, List<String>> byKey(List<String> changes) {
    Map<String, List<String>> byKey = new TreeMap<>();
    for (String c : changes) {
      byKey.computeIfAbsent(c.substring(0, c.indexOf('=')), k -> new ArrayList<>()).add(c);
    }
    return byKey;
  }
}
