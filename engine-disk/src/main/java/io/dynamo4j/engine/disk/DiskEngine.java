package io.dynamo4j.engine.disk;

import io.dynamo4j.engine.EngineConfig;
import io.dynamo4j.engine.LocalEngine;
import io.dynamo4j.engine.capacity.TableCapacity;
import io.dynamo4j.engine.journal.JournalRecord;
import io.dynamo4j.engine.op.EngineContext;
import io.dynamo4j.engine.stream.Streams;
import io.dynamo4j.engine.table.IndexDefinition;
import io.dynamo4j.engine.table.Table;
import io.dynamo4j.engine.table.TableDefinition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import net.openhft.chronicle.queue.RollCycles;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;

/**
 * The persistent engine: DynamoDB's semantics (engine-core) over data kept in a directory, that
 * survives restarts and crashes and may be larger than the heap.
 *
 * <pre>{@code
 * try (LocalEngine engine = DiskEngine.open(Path.of("data"))) {
 *   DynamoClient client = DynamoClient.create(engine);
 *   ...
 * }
 * }</pre>
 *
 * <p>The directory holds {@code journal/} (a Chronicle Queue: the write-ahead log, and the history
 * of streams and point-in-time recovery), {@code store.mv} (an H2 MVStore with the tables and
 * indexes as of the last checkpoint) and {@code backups/}. Opening replays the journal after the
 * store's checkpoint. One engine at a time may open a directory.
 *
 * <p>Chronicle Queue needs these JVM flags on Java 17 and later: {@value #JVM_FLAGS}; {@code open}
 * fails with a message naming those missing.
 *
 * <p>The engines it returns are thread-safe. This class has no state.
 */
public final class DiskEngine {

  /** The JVM flags the engine needs (Chronicle Queue's access to JDK internals). */
  public static final String JVM_FLAGS = "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED "
      + "--add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED "
      + "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-exports=java.base/sun.nio.ch=ALL-UNNAMED "
      + "--add-exports=java.base/jdk.internal.ref=ALL-UNNAMED --add-exports=java.base/jdk.internal.misc=ALL-UNNAMED "
      + "--add-exports=jdk.unsupported/sun.misc=ALL-UNNAMED";

  private DiskEngine() {}

  /** Opens (or creates) the data in {@code dir} with the default options and configuration. */
  public static LocalEngine open(Path dir) {
    return open(dir, DiskOptions.defaults(), EngineConfig.defaults());
  }

  /** Opens (or creates) the data in {@code dir} with the default configuration. */
  public static LocalEngine open(Path dir, DiskOptions options) {
    return open(dir, options, EngineConfig.defaults());
  }

  /**
   * Opens (or creates) the data in {@code dir}: recovers every acknowledged write, then serves.
   *
   * @throws IllegalStateException if a JVM flag is missing, another engine has the directory open,
   *     or the data was written in a format this release does not know
   * @throws UncheckedIOException if the directory cannot be read or written
   */
  public static LocalEngine open(Path dir, DiskOptions options, EngineConfig config) {
    System.setProperty("chronicle.analytics.disable", "true");
    checkJvmFlags();
    FileLock lock = lock(dir);
    DiskStorage storage = null;
    ChronicleLog log = null;
    try {
      storage = new DiskStorage(dir.resolve("store.mv"), options);
      ChronicleJournal journal = new ChronicleJournal(storage, storage.storedNextSequence());
      log = new ChronicleLog(dir.resolve("journal"), options.durability() == DiskOptions.Durability.FSYNC,
          options.secondlyJournalFiles ? RollCycles.TEST_SECONDLY : ChronicleLog.defaultRollCycle(), options.fault);
      byte[] stored = storage.storedState();
      Recovered state = new Recovered(stored == null ? null : StateCodec.decode(stored));
      state.trims.forEach(journal::recoveredTrim);
      replay(storage, journal, log, state);
      storage.attach(log, journal);
      DiskBackupStore backups = new DiskBackupStore(dir.resolve("backups"));
      LocalEngine engine = LocalEngine.create(storage, journal, backups, config);
      EngineContext context = engine.operations().context();
      byte[] catalog = storage.storedCatalog();
      TableState tables = new TableState(context, storage);
      restore(context, storage, catalog == null ? List.of() : CatalogCodec.decode(catalog), state, journal, tables);
      Object monitor = new Object();
      DiskStorage opened = storage;
      context.addControlPlaneListener(() -> {
        tables.watchAll();
        // A journal write that failed during the operation (a stream's or partitions' document)
        // leaves it unsaved: it must not be acknowledged.
        opened.checkWritable();
        saveCatalog(context, opened, monitor);
      });
      context.streams().addShardListener(tables::streamChanged);
      storage.state(() -> StateCodec.encode(new StateCodec.State(context.streams().save(), tables.partitions(),
          journal.trims())));
      storage.checkpoint();
      ChronicleLog wal = log;
      DiskStorage s = storage;
      ScheduledExecutorService checkpointer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "dynamo4j-disk-checkpoint");
        t.setDaemon(true);
        return t;
      });
      long every = options.checkpointInterval().toMillis();
      int[] runs = new int[1];
      checkpointer.scheduleWithFixedDelay(() -> {
        try {
          long index = s.checkpoint();
          if (index >= 0) {
            deleteJournalFiles(wal, journal, index);
          }
          if (++runs[0] % 10 == 0) {
            s.compact(200);
          }
        } catch (RuntimeException e) {
          // A failed checkpoint is retried at the next interval; writes keep going to the journal.
        }
      }, every, every, TimeUnit.MILLISECONDS);
      storage.onClose(() -> {
        saveCatalog(context, opened, monitor); // what changes without a control-plane operation (history given up)
        checkpointer.shutdownNow();
        try {
          checkpointer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }, () -> {
        wal.close();
        release(lock);
      });
      return engine;
    } catch (RuntimeException | Error e) {
      if (storage != null) {
        storage.abandon();
      }
      if (log != null) {
        log.close();
      }
      release(lock);
      throw e;
    }
  }

  /** Replays the journal: everything after the store's checkpoint, and the history still held. */
  private static void replay(DiskStorage storage, ChronicleJournal journal, ChronicleLog log, Recovered state) {
    long checkpoint = storage.checkpointIndex();
    int[] kind = new int[1];
    log.replay((index, document) -> {
      ItemCodec.Buf b = WalRecords.open(document, kind);
      boolean after = index > checkpoint;
      switch (kind[0]) {
        case WalRecords.COMMIT -> {
          int n = b.varint();
          List<WalRecords.Change> changes = new ArrayList<>(n);
          for (int i = 0; i < n; i++) {
            String keyspace = b.string();
            byte[] key = b.bytes();
            changes.add(new WalRecords.Change(keyspace, key, b.u8() == 0 ? null : ItemCodec.read(b)));
          }
          if (after) {
            storage.replay(changes);
          }
          int m = b.varint();
          long max = -1;
          for (int i = 0; i < m; i++) {
            JournalRecord r = WalRecords.readRecord(b);
            journal.recovered(r);
            max = Math.max(max, r.sequence());
          }
          if (max >= 0) {
            journal.noteCycle(log.cycleOf(index), max);
          }
        }
        case WalRecords.DROP -> {
          String id = b.string();
          if (after) {
            storage.replayDrop(id);
          }
        }
        case WalRecords.CATALOG -> {
          byte[] catalog = b.bytes();
          if (after) {
            storage.replayCatalog(catalog);
          }
        }
        case WalRecords.TRIM -> journal.recoveredTrim(b.string(), b.varlong());
        case WalRecords.FORGET -> journal.recoveredDrop(b.string());
        case WalRecords.STREAM -> {
          byte[] stream = b.bytes();
          if (after) {
            Streams.SavedStream s = StateCodec.decodeStream(stream);
            state.streams.put(s.arn(), s);
          }
        }
        case WalRecords.PARTITIONS -> {
          String table = b.string();
          byte[] partitions = b.bytes();
          if (after) {
            state.partitions.put(table, StateCodec.decodePartitions(partitions));
          }
        }
        default -> throw new IllegalStateException("engine-disk: journal document kind " + kind[0]
            + " is not known to this release; open the data with the release that wrote it");
      }
    });
  }

  /**
   * What recovery found of the streams' and partitions' state: the checkpoint's, then each stream
   * and table's partitions as the log documents after the checkpoint left them.
   */
  private static final class Recovered {
    final long iteratorKey;
    final boolean present;
    final Map<String, Streams.SavedStream> streams = new LinkedHashMap<>();
    final List<Streams.SavedCheckpoint> checkpoints = new ArrayList<>();
    final Map<String, StateCodec.SavedPartitions> partitions = new HashMap<>();
    final Map<String, Long> trims = new HashMap<>();

    Recovered(StateCodec.State stored) {
      present = stored != null;
      iteratorKey = stored == null ? 0 : stored.streams().iteratorKey();
      if (stored != null) {
        stored.streams().streams().forEach(s -> streams.put(s.arn(), s));
        checkpoints.addAll(stored.streams().checkpoints());
        partitions.putAll(stored.partitions());
        trims.putAll(stored.trimmedBefore());
      }
    }
  }

  /**
   * Rebuilds the catalog (tables, counters, partitions, TTL, recovery) from its saved form, then
   * the streams with their shards and consumers' checkpoints.
   */
  private static void restore(EngineContext context, DiskStorage storage, List<CatalogCodec.SavedTable> catalog,
      Recovered state, ChronicleJournal journal, TableState tables) {
    Map<String, String> enabledLabels = new HashMap<>();
    List<Table> withStream = new ArrayList<>();
    for (CatalogCodec.SavedTable saved : catalog) {
      TableDefinition d = saved.definition();
      List<IndexDefinition> unfinished = new ArrayList<>();
      for (IndexDefinition i : d.indexes()) {
        if (i.backfillInProgress()) {
          unfinished.add(i);
        }
      }
      Table table = new Table(storage, d);
      if (!context.catalog().add(table)) {
        continue;
      }
      long[] base = storage.sizes(d.id());
      table.baseCounters().add(base[0], base[1]);
      for (IndexDefinition i : d.indexes()) {
        long[] s = storage.sizes(i.keyspaceId());
        table.counters(i).add(s[0], s[1]);
      }
      StateCodec.SavedPartitions partitions = state.partitions.get(d.id());
      if (partitions != null) {
        table.partitions().restore(partitions.history(), partitions.current(), partitions.bytes());
      }
      TableCapacity.ensurePartitions(table, context.now(), (from, to) -> 0);
      if (saved.ttl() != null) {
        context.timeToLive().restore(table, saved.ttl());
      }
      if (saved.pitr() != null) {
        context.pointInTimeRecovery().restore(table, saved.pitr());
      }
      if (saved.stream() != null) {
        enabledLabels.put(d.arn() + "/stream/" + saved.stream().label(), d.id());
        withStream.add(table);
      }
      if (!unfinished.isEmpty()) {
        IndexRebuild.run(context, table, unfinished);
      }
    }
    // A stream enabled by an UpdateTable whose catalog was never saved (a crash in between) was
    // not acknowledged: it is left out.
    List<Streams.SavedStream> streams = new ArrayList<>();
    for (Streams.SavedStream s : state.streams.values()) {
      if (s.disabledAt() != null || enabledLabels.containsKey(s.arn())) {
        streams.add(s);
      }
    }
    if (state.present) {
      context.streams().restore(new Streams.Saved(state.iteratorKey, streams, state.checkpoints), journal::trimmedBefore);
    }
    // Data written before streams were saved whole: resume the stream from its start.
    for (Table table : withStream) {
      for (CatalogCodec.SavedTable saved : catalog) {
        if (saved.definition().id().equals(table.definition().id())) {
          context.streams().resume(table, saved.stream());
        }
      }
    }
    tables.watchAll();
  }

  private static void saveCatalog(EngineContext context, DiskStorage storage, Object monitor) {
    if (storage.failed()) {
      return;
    }
    synchronized (monitor) {
      List<CatalogCodec.SavedTable> tables = new ArrayList<>();
      for (Table t : context.catalog().all()) {
        tables.add(new CatalogCodec.SavedTable(t.definition(), context.streams().enabled(t),
            context.pointInTimeRecovery().setting(t), context.timeToLive().saved(t)));
      }
      storage.saveCatalog(CatalogCodec.encode(tables));
    }
  }

  /**
   * Deletes journal files that the store contains (before the checkpoint's file) and that hold no
   * history still kept for streams or point-in-time recovery.
   */
  static int deleteJournalFiles(ChronicleLog log, ChronicleJournal journal, long checkpointIndex) {
    int limit = Math.min(log.cycleOf(checkpointIndex), journal.firstCycleHolding(journal.oldestHeld()));
    return log.deleteCyclesBefore(limit);
  }

  private static FileLock lock(Path dir) {
    try {
      Files.createDirectories(dir);
      FileChannel ch = FileChannel.open(dir.resolve("lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = ch.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null;
      }
      if (lock == null) {
        ch.close();
        throw new IllegalStateException("engine-disk: " + dir + " is open in another engine (its lock file is held); "
            + "close that engine first");
      }
      return lock;
    } catch (IOException e) {
      throw new UncheckedIOException("engine-disk: cannot open " + dir, e);
    }
  }

  private static void release(FileLock lock) {
    try {
      lock.release();
      lock.channel().close();
    } catch (IOException e) {
      // the lock goes with the process anyway
    }
  }

  /** Fails with a message naming the JVM flags Chronicle Queue needs that this JVM lacks. */
  static void checkJvmFlags() {
    Module chronicle = SingleChronicleQueue.class.getModule();
    Module base = Object.class.getModule();
    List<String> missing = new ArrayList<>();
    for (String p : new String[] {"java.lang.reflect", "java.lang", "java.nio", "sun.nio.ch"}) {
      if (!base.isOpen(p, chronicle)) {
        missing.add("--add-opens=java.base/" + p + "=ALL-UNNAMED");
      }
    }
    for (String p : new String[] {"sun.nio.ch", "jdk.internal.ref", "jdk.internal.misc"}) {
      if (!base.isExported(p, chronicle)) {
        missing.add("--add-exports=java.base/" + p + "=ALL-UNNAMED");
      }
    }
    if (!missing.isEmpty()) {
      throw new IllegalStateException("engine-disk needs these JVM flags for Chronicle Queue, missing here: "
          + String.join(" ", missing) + " (the full set: " + JVM_FLAGS + ")");
    }
  }
}
