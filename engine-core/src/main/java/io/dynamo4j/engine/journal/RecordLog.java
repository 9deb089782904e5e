package io.dynamo4j.engine.journal;

/**
 * An append-only list of one table's journal records, in sequence order, trimmed from the head.
 *
 * <p>Records live in chunks of 1024 behind a directory; an append writes its slot and then
 * publishes the new size (a volatile write), so a reader that reads the size sees every record
 * below it. Trimming advances the head and releases whole chunks. Readers take no lock and treat a
 * record they cannot find any more as trimmed (null).
 *
 * <p>Thread-safe: appends and trims are serialised on the log; reads never block.
 */
final class RecordLog {

  private static final int BITS = 10;
  private static final int CHUNK = 1 << BITS;
  private static final int MASK = CHUNK - 1;

  /** The chunks from chunk number {@code base} on. Replaced, never changed in place except for slots. */
  private static final class Directory {
    final JournalRecord[][] chunks;
    final long base;

    Directory(JournalRecord[][] chunks, long base) {
      this.chunks = chunks;
      this.base = base;
    }
  }

  private volatile Directory directory = new Directory(new JournalRecord[4][], 0);
  private volatile long size;
  private volatile long head;

  /** Appends {@code record}, whose sequence must exceed every record's in the log. */
  synchronized void append(JournalRecord record) {
    long index = size;
    long chunk = index >>> BITS;
    Directory d = directory;
    int slot = (int) (chunk - d.base);
    if (slot >= d.chunks.length) {
      long base = head >>> BITS;
      int used = (int) (chunk - base + 1);
      JournalRecord[][] chunks = new JournalRecord[Math.max(4, used * 2)][];
      for (long c = base; c < chunk; c++) {
        int from = (int) (c - d.base);
        chunks[(int) (c - base)] = from >= 0 && from < d.chunks.length ? d.chunks[from] : null;
      }
      d = new Directory(chunks, base);
      directory = d;
      slot = (int) (chunk - base);
    }
    JournalRecord[] c = d.chunks[slot];
    if (c == null) {
      c = new JournalRecord[CHUNK];
      d.chunks[slot] = c;
    }
    c[(int) (index & MASK)] = record;
    size = index + 1;
  }

  /** The number of records ever appended (the index the next append gets). */
  long size() {
    return size;
  }

  /** The index of the oldest record still held. */
  long head() {
    return head;
  }

  /** The record at {@code index}, or null if it was trimmed or not yet appended. */
  JournalRecord get(long index) {
    if (index >= size || index < head) {
      return null;
    }
    Directory d = directory;
    int slot = (int) ((index >>> BITS) - d.base);
    if (slot < 0 || slot >= d.chunks.length) {
      return null;
    }
    JournalRecord[] c = d.chunks[slot];
    JournalRecord r = c == null ? null : c[(int) (index & MASK)];
    return index < head ? null : r;
  }

  /** The index of the first held record whose sequence is at least {@code sequence} (size() if none). */
  long indexOf(long sequence) {
    while (true) {
      long lo = head;
      long hi = size;
      boolean trimmed = false;
      while (lo < hi) {
        long mid = (lo + hi) >>> 1;
        JournalRecord r = get(mid);
        if (r == null) {
          trimmed = true;
          break;
        }
        if (r.sequence() < sequence) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      if (!trimmed) {
        return lo;
      }
    }
  }

  /** Drops the records below index {@code newHead}; returns how many were dropped. */
  synchronized long trimTo(long newHead) {
    long old = head;
    long to = Math.min(newHead, size);
    if (to <= old) {
      return 0;
    }
    head = to;
    Directory d = directory;
    for (long c = old >>> BITS; c < (to >>> BITS); c++) {
      int slot = (int) (c - d.base);
      if (slot >= 0 && slot < d.chunks.length) {
        d.chunks[slot] = null;
      }
    }
    return to - old;
  }
}
