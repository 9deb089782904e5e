package io.dynamo4j.engine.disk;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.BiConsumer;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.RollCycle;
import net.openhft.chronicle.queue.RollCycles;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;

/**
 * The write-ahead log: a Chronicle Queue of opaque documents (see {@link WalRecords} for what they
 * hold), appended by one writer thread that owns the appender.
 *
 * <p>{@link #write} hands a document to the writer thread and waits until it is written: in
 * {@link DiskOptions.Durability#PROCESS} mode once it is in the memory-mapped file (it survives a
 * kill of the JVM), in {@link DiskOptions.Durability#FSYNC} mode once the file is synced. The
 * writer drains every document waiting, writes them in order and then syncs once for all of them
 * (group commit). A document larger than {@link #PART_BYTES} is written as consecutive parts, the
 * last of which completes it; replay ignores a document whose parts stop short.
 *
 * <p>No Chronicle type leaves this class. Thread-safe.
 */
final class ChronicleLog implements AutoCloseable {

  /** The largest piece of a document written as one Chronicle excerpt. */
  static final int PART_BYTES = 1 << 20;

  /** Fails writes: the fault injection of tests (null in production). */
  interface Fault {
    /** Called before each document is written; throws to fail it. */
    void beforeWrite(int documentNumber);
  }

  private record Pending(byte[] document, CompletableFuture<Long> done) {}

  private final SingleChronicleQueue queue;
  private final boolean fsync;
  private final LinkedBlockingQueue<Pending> pending = new LinkedBlockingQueue<>();
  private final Thread writer;
  private final Fault fault;
  private volatile boolean closed;
  private volatile Throwable failure;
  private volatile long lastIndex = -1;
  private volatile int documents; // written by the writer thread only
  private volatile long syncs; // written by the writer thread only

  ChronicleLog(Path dir, boolean fsync, RollCycle rollCycle, Fault fault) {
    this.queue = SingleChronicleQueueBuilder.binary(dir).rollCycle(rollCycle).blockSize(16L << 20).build();
    this.fsync = fsync;
    this.fault = fault;
    this.writer = new Thread(this::run, "dynamo4j-disk-journal-writer");
    writer.setDaemon(true);
    writer.start();
  }

  static RollCycle defaultRollCycle() {
    return RollCycles.FIVE_MINUTELY;
  }

  /** Writes {@code document} and returns its index once it is durable (see the class comment). */
  long write(byte[] document) {
    Throwable f = failure;
    if (f != null) {
      throw new IllegalStateException("engine-disk: the journal failed earlier; reopen the engine", f);
    }
    if (closed) {
      throw new IllegalStateException("engine-disk: the journal is closed");
    }
    CompletableFuture<Long> done = new CompletableFuture<>();
    pending.add(new Pending(document, done));
    try {
      return done.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("engine-disk: interrupted waiting for the journal", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("engine-disk: the journal write failed: " + e.getCause().getMessage(), e.getCause());
    }
  }

  /** The documents written since opening (tests). */
  int documents() {
    return documents;
  }

  /** The syncs made since opening (tests: group commit shares them). */
  long syncs() {
    return syncs;
  }

  /** The index of the last document written (-1 if none since opening). */
  long lastIndex() {
    return lastIndex;
  }

  private void run() {
    ExcerptAppender appender = queue.createAppender();
    List<Pending> batch = new ArrayList<>();
    try {
      while (true) {
        Pending first = pending.take();
        if (first.document == null) {
          first.done.complete(-1L);
          return;
        }
        batch.add(first);
        pending.drainTo(batch);
        Pending stop = null;
        List<Long> indexes = new ArrayList<>(batch.size());
        try {
          for (Pending p : batch) {
            if (p.document == null) {
              stop = p;
              break;
            }
            if (fault != null) {
              fault.beforeWrite(documents);
            }
            documents++;
            indexes.add(append(appender, p.document));
          }
          if (fsync) {
            appender.sync();
            syncs++;
          }
        } catch (Throwable t) {
          failure = t;
          for (Pending p : batch) {
            p.done.completeExceptionally(t);
          }
          for (Pending p; (p = pending.poll()) != null; ) {
            p.done.completeExceptionally(t);
          }
          batch.clear();
          continue;
        }
        for (int i = 0; i < indexes.size(); i++) {
          batch.get(i).done.complete(indexes.get(i));
        }
        if (!indexes.isEmpty()) {
          lastIndex = indexes.get(indexes.size() - 1);
        }
        batch.clear();
        if (stop != null) {
          stop.done.complete(-1L);
          return;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      appender.close();
    }
  }

  private static long append(ExcerptAppender appender, byte[] document) {
    if (document.length <= PART_BYTES) {
      appender.writeBytes(Bytes.wrapForRead(frame(WalRecords.WHOLE, 0, 1, document, 0, document.length)));
      return appender.lastIndexAppended();
    }
    int parts = (document.length + PART_BYTES - 1) / PART_BYTES;
    for (int i = 0; i < parts; i++) {
      int from = i * PART_BYTES;
      int len = Math.min(PART_BYTES, document.length - from);
      appender.writeBytes(Bytes.wrapForRead(frame(WalRecords.PART, i, parts, document, from, len)));
    }
    return appender.lastIndexAppended();
  }

  private static byte[] frame(int kind, int part, int parts, byte[] doc, int from, int len) {
    byte[] out = new byte[9 + len];
    out[0] = (byte) kind;
    putInt(out, 1, part);
    putInt(out, 5, parts);
    System.arraycopy(doc, from, out, 9, len);
    return out;
  }

  private static void putInt(byte[] b, int at, int v) {
    b[at] = (byte) (v >>> 24);
    b[at + 1] = (byte) (v >>> 16);
    b[at + 2] = (byte) (v >>> 8);
    b[at + 3] = (byte) v;
  }

  private static int getInt(byte[] b, int at) {
    return ((b[at] & 0xff) << 24) | ((b[at + 1] & 0xff) << 16) | ((b[at + 2] & 0xff) << 8) | (b[at + 3] & 0xff);
  }

  /**
   * Reads every whole document in order, handing each with its index to {@code reader}; a
   * document cut short by a crash (missing parts at the end) is skipped.
   */
  void replay(BiConsumer<Long, byte[]> reader) {
    try (ExcerptTailer tailer = queue.createTailer()) {
      List<byte[]> parts = new ArrayList<>();
      Bytes<?> bytes = Bytes.allocateElasticOnHeap(256);
      while (true) {
        bytes.clear();
        if (!tailer.readBytes(bytes)) {
          break;
        }
        long index = tailer.lastReadIndex();
        byte[] raw = bytes.toByteArray();
        if (raw.length < 9) {
          continue;
        }
        int kind = raw[0];
        int part = getInt(raw, 1);
        int total = getInt(raw, 5);
        byte[] body = java.util.Arrays.copyOfRange(raw, 9, raw.length);
        if (kind == WalRecords.WHOLE) {
          parts.clear();
          reader.accept(index, body);
        } else if (kind == WalRecords.PART) {
          if (part == 0) {
            parts.clear();
          }
          if (part != parts.size()) {
            parts.clear();
            continue;
          }
          parts.add(body);
          if (parts.size() == total) {
            int size = 0;
            for (byte[] p : parts) {
              size += p.length;
            }
            byte[] doc = new byte[size];
            int at = 0;
            for (byte[] p : parts) {
              System.arraycopy(p, 0, doc, at, p.length);
              at += p.length;
            }
            parts.clear();
            reader.accept(index, doc);
          }
        }
      }
      bytes.releaseLast();
    }
  }

  /** The directory of the queue's files. */
  File directory() {
    return queue.file();
  }

  /** The roll cycle holding {@code index}. */
  int cycleOf(long index) {
    return queue.rollCycle().toCycle(index);
  }

  /** The cycle being written now. */
  int currentCycle() {
    return queue.cycle();
  }

  /**
   * Deletes the files of cycles below {@code beforeCycle} (never the current one); returns how many.
   * Chronicle names cycle files by the roll cycle's date format.
   */
  int deleteCyclesBefore(int beforeCycle) {
    int limit = Math.min(beforeCycle, queue.cycle());
    int deleted = 0;
    try {
      for (Long cycle : queue.listCyclesBetween(queue.firstCycle(), limit - 1)) {
        if (cycle >= limit) {
          continue;
        }
        File f = fileOf(cycle.intValue());
        if (f != null && f.delete()) {
          deleted++;
        }
      }
    } catch (RuntimeException e) {
      return deleted;
    }
    if (deleted > 0) {
      queue.refreshDirectoryListing();
    }
    return deleted;
  }

  private File fileOf(int cycle) {
    RollCycle rc = queue.rollCycle();
    java.time.format.DateTimeFormatter f = java.time.format.DateTimeFormatter.ofPattern(rc.format())
        .withZone(java.time.ZoneOffset.UTC);
    String name = f.format(java.time.Instant.ofEpochMilli((long) cycle * rc.lengthInMillis())) + ".cq4";
    File file = new File(queue.file(), name);
    return file.exists() ? file : null;
  }

  /** Stops the writer (after the documents waiting) and closes the queue. Idempotent. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    CompletableFuture<Long> done = new CompletableFuture<>();
    pending.add(new Pending(null, done));
    try {
      writer.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    queue.close();
  }
}
