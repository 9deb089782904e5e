package io.dynamo4j.engine.disk;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.dynamo4j.engine.journal.JournalRecord;
import io.dynamo4j.engine.storage.Cursor;
import io.dynamo4j.engine.storage.KeyRange;
import io.dynamo4j.engine.storage.Keyspace;
import io.dynamo4j.engine.storage.Storage;
import io.dynamo4j.engine.storage.WriteBatch;
import io.dynamo4j.model.Item;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * Storage on disk: the materialised keyspaces in an H2 MVStore, every change first in the
 * write-ahead log ({@link ChronicleLog}).
 *
 * <h2>Design</h2>
 *
 * <p><b>Commits.</b> A thread's {@link #apply} opens a commit (or joins the one it has open):
 * the changes go into the MVStore maps at once (readers see them, as with the memory engine) and
 * into the commit; journal records appended on the thread meanwhile ({@link #join}) go into it
 * too; {@link #endCommit} writes the commit as one log document and returns once it is durable.
 * So a commit (a single write, or a whole transaction with its index entries and stream records)
 * is in the log entirely or not at all.
 *
 * <p><b>Checkpoints.</b> The MVStore never commits by itself. {@link #checkpoint} takes the commit
 * lock exclusively (an open commit holds it shared from its first apply until its document is
 * written), so every change in the maps is in a document at or before the log's last index; it
 * stores that index, the keyspace sizes and the catalog in the meta map and commits the MVStore:
 * one atomic write. Recovery replays the log after that index. Checkpoints run every
 * {@link DiskOptions#checkpointInterval()} and whenever the unsaved changes pass
 * {@link DiskOptions#checkpointBytes()}, which bounds the heap the store needs.
 *
 * <p><b>Failures.</b> If a log write fails, the changes of that commit are in the maps but not in
 * the log: the storage stops (every later apply fails, no further checkpoint is taken), and a
 * reopen recovers the acknowledged state.
 *
 * <p><b>Cache.</b> Decoded items sit in a Caffeine cache bounded by their size; the maps hold
 * encoded values {@code varint(size) item}.
 *
 * <p>Thread-safe.
 */
final class DiskStorage implements Storage {

  private static final String KEYSPACE_PREFIX = "ks:";
  private static final byte[] META_LOG_INDEX = "logIndex".getBytes(StandardCharsets.UTF_8);
  private static final byte[] META_SIZES = "sizes".getBytes(StandardCharsets.UTF_8);
  private static final byte[] META_CATALOG = "catalog".getBytes(StandardCharsets.UTF_8);
  private static final byte[] META_SEQUENCE = "nextSequence".getBytes(StandardCharsets.UTF_8);
  private static final byte[] META_STATE = "state".getBytes(StandardCharsets.UTF_8);

  private final MVStore store;
  private final MVMap<byte[], byte[]> meta;
  private final ConcurrentHashMap<String, DiskKeyspace> keyspaces = new ConcurrentHashMap<>();
  private final Cache<CacheKey, Item> cache;
  private final ReentrantReadWriteLock commitLock = new ReentrantReadWriteLock();
  private final ReentrantLock checkpointLock = new ReentrantLock();
  private final ThreadLocal<Commit> open = new ThreadLocal<>();
  private final long checkpointBytes;
  private volatile ChronicleLog log;
  private volatile ChronicleJournal journal;
  private volatile Throwable failure;
  private volatile byte[] catalog;
  private volatile boolean closed;
  private volatile java.util.function.Supplier<byte[]> state;
  private long checkpointIndex;

  private static final class Commit {
    final List<WalRecords.Change> changes = new ArrayList<>();
    final List<JournalRecord> records = new ArrayList<>(1);
  }

  private record CacheKey(DiskKeyspace keyspace, byte[] key, int hash) {
    CacheKey(DiskKeyspace keyspace, byte[] key) {
      this(keyspace, key, 31 * System.identityHashCode(keyspace) + Arrays.hashCode(key));
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof CacheKey k && k.hash == hash && k.keyspace == keyspace && Arrays.equals(k.key, key);
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }

  DiskStorage(Path file, DiskOptions options) {
    this.store = new MVStore.Builder()
        .fileName(file.toString())
        .autoCommitDisabled()
        .cacheSize(options.storeCacheMegabytes())
        .open();
    if (options.storeRetentionMillis >= 0) {
      store.setRetentionTime(options.storeRetentionMillis);
    }
    this.meta = store.openMap("meta", new MVMap.Builder<byte[], byte[]>()
        .keyType(ByteArrayType.INSTANCE).valueType(ByteArrayType.INSTANCE));
    this.cache = Caffeine.newBuilder()
        .maximumWeight(options.cacheBytes())
        .weigher((CacheKey k, Item v) -> 64 + k.key.length + v.sizeInBytes())
        .build();
    this.checkpointBytes = options.checkpointBytes();
    byte[] index = meta.get(META_LOG_INDEX);
    this.checkpointIndex = index == null ? -1 : new ItemCodec.Buf(index).i64();
    this.catalog = meta.get(META_CATALOG);
    for (String name : store.getMapNames()) {
      if (name.startsWith(KEYSPACE_PREFIX)) {
        String id = name.substring(KEYSPACE_PREFIX.length());
        keyspaces.put(id, new DiskKeyspace(id));
      }
    }
    byte[] sizes = meta.get(META_SIZES);
    if (sizes != null) {
      ItemCodec.Buf b = new ItemCodec.Buf(sizes);
      int n = b.varint();
      for (int i = 0; i < n; i++) {
        String id = b.string();
        long count = b.varlong();
        long bytes = b.varlong();
        DiskKeyspace ks = keyspaces.get(id);
        if (ks != null) {
          ks.count.set(count);
          ks.bytes.set(bytes);
        }
      }
    }
  }

  // ---- recovery ----

  /** The log index the store contains (-1 for none). */
  long checkpointIndex() {
    return checkpointIndex;
  }

  /** The catalog as of the last checkpoint, or null. */
  byte[] storedCatalog() {
    return catalog;
  }

  /** The streams' and partitions' state saved with the last checkpoint ({@link StateCodec}), or null. */
  byte[] storedState() {
    return meta.get(META_STATE);
  }

  /** Sets what produces the streams' and partitions' state stored with each checkpoint. */
  void state(java.util.function.Supplier<byte[]> state) {
    this.state = state;
  }

  /** The journal sequence saved with the last checkpoint (1 if none). */
  long storedNextSequence() {
    byte[] b = meta.get(META_SEQUENCE);
    return b == null ? 1 : new ItemCodec.Buf(b).i64();
  }

  /** Replays a commit's changes (recovery: no log, no commit). */
  void replay(List<WalRecords.Change> changes) {
    for (WalRecords.Change c : changes) {
      keyspaceFor(c.keyspace()).write(c.key(), c.item());
    }
  }

  /** Replays a keyspace drop. */
  void replayDrop(String id) {
    dropLocal(id);
  }

  /** The catalog replayed from the log (recovery). */
  void replayCatalog(byte[] bytes) {
    catalog = bytes;
  }

  /** The log (null before {@link #attach}). */
  ChronicleLog log() {
    return log;
  }

  /** Starts logging: from now on every change goes to {@code log} first. */
  void attach(ChronicleLog log, ChronicleJournal journal) {
    this.log = log;
    this.journal = journal;
  }

  /** The size of each keyspace, for the tables' counters. */
  long[] sizes(String id) {
    DiskKeyspace ks = keyspaces.get(id);
    return ks == null ? new long[2] : new long[] {ks.count.get(), ks.bytes.get()};
  }

  // ---- Storage ----

  @Override
  public Keyspace keyspace(String id) {
    return keyspaceFor(id);
  }

  private DiskKeyspace keyspaceFor(String id) {
    return keyspaces.computeIfAbsent(id, DiskKeyspace::new);
  }

  @Override
  public void drop(String id) {
    checkUsable();
    commitLock.readLock().lock();
    try {
      dropLocal(id);
      write(WalRecords.drop(id));
    } finally {
      commitLock.readLock().unlock();
    }
  }

  private void dropLocal(String id) {
    DiskKeyspace ks = keyspaces.remove(id);
    if (ks != null) {
      store.removeMap(ks.map);
    } else if (store.hasMap(KEYSPACE_PREFIX + id)) {
      store.removeMap(KEYSPACE_PREFIX + id);
    }
  }

  @Override
  public void apply(WriteBatch batch) {
    checkUsable();
    Commit c = open.get();
    if (c == null) {
      commitLock.readLock().lock();
      c = new Commit();
      open.set(c);
    }
    for (WriteBatch.Change change : batch.changes()) {
      keyspaceFor(change.keyspace()).write(change.key(), change.item());
      c.changes.add(new WalRecords.Change(change.keyspace(), change.key(), change.item()));
    }
  }

  /** Adds a journal record to this thread's open commit; false if none is open. */
  boolean join(JournalRecord record) {
    Commit c = open.get();
    if (c == null) {
      return false;
    }
    c.records.add(record);
    return true;
  }

  @Override
  public void endCommit() {
    Commit c = open.get();
    if (c == null) {
      return;
    }
    open.remove();
    try {
      if (!c.changes.isEmpty() || !c.records.isEmpty()) {
        long index = write(WalRecords.commit(c.changes, c.records));
        noteRecords(index, c.records);
      }
    } finally {
      commitLock.readLock().unlock();
    }
    if (store.getUnsavedMemory() > checkpointBytes && !checkpointLock.isLocked()) {
      checkpoint();
    }
  }

  /** Writes a document outside a commit (journal trims, the catalog), holding the commit lock shared. */
  void writeAlone(byte[] document) {
    checkUsable();
    commitLock.readLock().lock();
    try {
      write(document);
    } finally {
      commitLock.readLock().unlock();
    }
  }

  /** Saves {@code bytes} as the catalog: logged now, stored with the next checkpoint. */
  void saveCatalog(byte[] bytes) {
    checkUsable();
    commitLock.readLock().lock();
    try {
      catalog = bytes;
      write(WalRecords.catalog(bytes));
    } finally {
      commitLock.readLock().unlock();
    }
  }

  private void noteRecords(long index, List<JournalRecord> records) {
    if (index >= 0 && !records.isEmpty()) {
      long max = -1;
      for (JournalRecord r : records) {
        max = Math.max(max, r.sequence());
      }
      journal.noteCycle(log.cycleOf(index), max);
    }
  }

  /** Writes a journal record outside any commit (engine-core appends it on its own). */
  void writeRecordAlone(JournalRecord record) {
    checkUsable();
    commitLock.readLock().lock();
    try {
      noteRecords(write(WalRecords.commit(List.of(), List.of(record))), List.of(record));
    } finally {
      commitLock.readLock().unlock();
    }
  }

  private long write(byte[] document) {
    ChronicleLog l = log;
    if (l == null) {
      return -1;
    }
    try {
      return l.write(document);
    } catch (RuntimeException | Error e) {
      failure = e;
      throw e;
    }
  }

  /** Fails if a journal write failed or the storage closed (nothing more can be made durable). */
  void checkWritable() {
    checkUsable();
  }

  private void checkUsable() {
    Throwable f = failure;
    if (f != null) {
      throw new IllegalStateException("engine-disk: a journal write failed, so this engine accepts no more writes; "
          + "close it and open the data again (acknowledged writes are kept)", f);
    }
    if (closed) {
      throw new IllegalStateException("engine-disk: the storage is closed");
    }
  }

  /**
   * Makes the store contain everything logged so far, with the log index, in one MVStore commit;
   * returns the index (-1 if nothing was ever logged). Does nothing after a log failure.
   */
  long checkpoint() {
    checkpointLock.lock();
    try {
      if (failure != null || store.isClosed()) {
        return checkpointIndex;
      }
      commitLock.writeLock().lock();
      try {
        checkpointExclusive();
      } finally {
        commitLock.writeLock().unlock();
      }
      return checkpointIndex;
    } finally {
      checkpointLock.unlock();
    }
  }

  /** The checkpoint itself; the caller holds both locks. */
  private void checkpointExclusive() {
    ChronicleLog l = log;
    long index = Math.max(checkpointIndex, l == null ? -1 : l.lastIndex());
    ItemCodec.Buf b = new ItemCodec.Buf(16);
    b.i64(index);
    meta.put(META_LOG_INDEX, b.toByteArray());
    meta.put(META_SIZES, encodeSizes());
    byte[] cat = catalog;
    if (cat != null) {
      meta.put(META_CATALOG, cat);
    }
    java.util.function.Supplier<byte[]> st = state;
    if (st != null) {
      meta.put(META_STATE, st.get());
    }
    ChronicleJournal j = journal;
    if (j != null) {
      ItemCodec.Buf s = new ItemCodec.Buf(16);
      s.i64(j.nextSequence());
      meta.put(META_SEQUENCE, s.toByteArray());
    }
    store.commit();
    checkpointIndex = index;
  }

  /**
   * Checkpoints, then rewrites the store's sparse chunks (overwritten and deleted items) for at
   * most about {@code millis}, so their space is reused; false if it did not run. Writers wait
   * meanwhile: the rewrite commits the store, which must then hold exactly the checkpoint.
   */
  boolean compact(int millis) {
    checkpointLock.lock();
    try {
      if (failure != null || store.isClosed()) {
        return false;
      }
      commitLock.writeLock().lock();
      try {
        checkpointExclusive();
        long stop = System.nanoTime() + millis * 1_000_000L;
        while (store.compact(90, 16 << 20) && System.nanoTime() < stop) {
          store.commit();
        }
        store.commit();
      } finally {
        commitLock.writeLock().unlock();
      }
      return true;
    } finally {
      checkpointLock.unlock();
    }
  }

  private byte[] encodeSizes() {
    ItemCodec.Buf b = new ItemCodec.Buf(64 * (keyspaces.size() + 1));
    List<DiskKeyspace> all = new ArrayList<>(keyspaces.values());
    b.varint(all.size());
    for (DiskKeyspace ks : all) {
      b.string(ks.id);
      b.varlong(ks.count.get());
      b.varlong(ks.bytes.get());
    }
    return b.toByteArray();
  }

  /** Whether a log write failed (the engine must be reopened). */
  boolean failed() {
    return failure != null;
  }

  private final List<Runnable> beforeClose = new java.util.concurrent.CopyOnWriteArrayList<>();
  private final List<Runnable> afterClose = new java.util.concurrent.CopyOnWriteArrayList<>();

  /** Adds what runs when the storage closes: before the final checkpoint, and after the store closed. */
  void onClose(Runnable before, Runnable after) {
    beforeClose.add(0, before);
    afterClose.add(after);
  }

  /** Checkpoints (unless a log write failed) and closes the store, then the log. Idempotent. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    RuntimeException first = null;
    for (Runnable r : beforeClose) {
      try {
        r.run();
      } catch (RuntimeException e) {
        first = first == null ? e : first;
      }
    }
    try {
      checkpoint();
    } catch (RuntimeException e) {
      // the journal still holds everything: the next open replays it
    }
    closed = true;
    checkpointLock.lock();
    try {
      if (failure != null) {
        store.closeImmediately();
      } else {
        store.close(200);
      }
    } finally {
      checkpointLock.unlock();
      cache.invalidateAll();
      for (Runnable r : afterClose) {
        try {
          r.run();
        } catch (RuntimeException e) {
          first = first == null ? e : first;
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }

  /** Closes the store without a checkpoint, as a crash would leave it (tests). */
  void abandon() {
    closed = true;
    store.closeImmediately();
    afterClose.forEach(Runnable::run);
  }

  private final class DiskKeyspace implements Keyspace {
    final String id;
    final MVMap<byte[], byte[]> map;
    final AtomicLong count = new AtomicLong();
    final AtomicLong bytes = new AtomicLong();

    DiskKeyspace(String id) {
      this.id = id;
      this.map = store.openMap(KEYSPACE_PREFIX + id, new MVMap.Builder<byte[], byte[]>()
          .keyType(ByteArrayType.INSTANCE).valueType(ByteArrayType.INSTANCE));
    }

    void write(byte[] key, Item item) {
      byte[] old;
      if (item == null) {
        old = map.remove(key);
        cache.invalidate(new CacheKey(this, key));
      } else {
        int size = item.sizeInBytes();
        ItemCodec.Buf b = new ItemCodec.Buf(16 + size + 8 * item.size());
        b.varint(size);
        ItemCodec.write(b, item);
        old = map.put(key, b.toByteArray());
        cache.put(new CacheKey(this, key), item);
        count.incrementAndGet();
        bytes.addAndGet(size);
      }
      if (old != null) {
        count.decrementAndGet();
        bytes.addAndGet(-new ItemCodec.Buf(old).varint());
      }
    }

    @Override
    public String id() {
      return id;
    }

    @Override
    public Item get(byte[] key) {
      return cache.get(new CacheKey(this, key), k -> decode(map.get(k.key)));
    }

    @Override
    public Cursor scan(KeyRange range, boolean reverse) {
      if (range.isEmpty()) {
        return new DiskCursor(null, range);
      }
      byte[] from = reverse ? range.to() : range.from();
      byte[] to = reverse ? range.from() : range.to();
      return new DiskCursor(map.cursor(from, to, reverse), range);
    }

    @Override
    public long count() {
      return count.get();
    }

    private final class DiskCursor implements Cursor {
      private final org.h2.mvstore.Cursor<byte[], byte[]> it;
      private final KeyRange range;
      private byte[] key;
      private Item item;

      DiskCursor(org.h2.mvstore.Cursor<byte[], byte[]> it, KeyRange range) {
        this.it = it;
        this.range = range;
      }

      @Override
      public boolean next() {
        while (it != null && it.hasNext()) {
          byte[] k = it.next();
          if (!range.contains(k)) {
            continue;
          }
          key = k;
          Item cached = cache.getIfPresent(new CacheKey(DiskKeyspace.this, k));
          item = cached != null ? cached : decode(it.getValue());
          return true;
        }
        key = null;
        item = null;
        return false;
      }

      @Override
      public byte[] key() {
        return key;
      }

      @Override
      public Item item() {
        return item;
      }

      @Override
      public void close() {}
    }
  }

  private static Item decode(byte[] value) {
    if (value == null) {
      return null;
    }
    ItemCodec.Buf b = new ItemCodec.Buf(value);
    b.varint();
    return ItemCodec.read(b);
  }

  /** Every keyspace id (tests, recovery checks). */
  Map<String, Long> counts() {
    Map<String, Long> m = new java.util.TreeMap<>();
    keyspaces.forEach((id, ks) -> m.put(id, ks.count.get()));
    return m;
  }
}
