package io.dynamo4j.engine.disk;

import io.dynamo4j.engine.journal.JournalRecord;
import io.dynamo4j.engine.op.CommitListener;
import io.dynamo4j.model.Item;
import java.util.List;

/**
 * The documents of the write-ahead log ({@link ChronicleLog}), versioned and self-describing.
 *
 * <h2>Format</h2>
 *
 * <pre>
 * excerpt  := u8 frame(WHOLE 1 | PART 2) i32 part i32 parts body   (a document, or one part of it)
 * document := u8 format(1) u8 kind ...
 *   COMMIT  1: varint n change*  varint m record*    one commit: storage changes + journal records
 *   DROP    2: string keyspace                        a keyspace dropped
 *   CATALOG 3: bytes catalog                          the whole catalog after a control-plane change
 *   TRIM    4: string table varlong beforeSequence    journal records trimmed
 *   FORGET  5: string table                           a table's journal records dropped
 *   STREAM  6: bytes stream                           a stream's shards changed ({@link StateCodec})
 *   PARTITIONS 7: string table bytes partitions       a table's partitions split ({@link StateCodec})
 * change   := string keyspace bytes key u8 present [item]
 * record   := varint version varlong sequence string table bytes key u8 has-old [item] u8 has-new [item]
 *             varlong time u8 cause optString transaction
 * </pre>
 *
 * <p>Items are in {@link ItemCodec}'s format. A reader meeting a format or kind it does not know
 * fails with a message saying so. Stateless and thread-safe.
 */
final class WalRecords {

  static final int WHOLE = 1;
  static final int PART = 2;

  static final int FORMAT = 1;
  static final int COMMIT = 1;
  static final int DROP = 2;
  static final int CATALOG = 3;
  static final int TRIM = 4;
  static final int FORGET = 5;
  static final int STREAM = 6;
  static final int PARTITIONS = 7;

  private WalRecords() {}

  /** One storage change: put {@code item}, or delete when it is null. */
  record Change(String keyspace, byte[] key, Item item) {}

  static ItemCodec.Buf header(int kind, int capacity) {
    ItemCodec.Buf b = new ItemCodec.Buf(capacity);
    b.u8(FORMAT);
    b.u8(kind);
    return b;
  }

  static byte[] commit(List<Change> changes, List<JournalRecord> records) {
    int size = 32;
    for (Change c : changes) {
      size += 16 + c.key().length + c.keyspace().length() + (c.item() == null ? 0 : c.item().sizeInBytes() + 8 * c.item().size());
    }
    for (JournalRecord r : records) {
      size += (int) r.estimatedBytes();
    }
    ItemCodec.Buf b = header(COMMIT, size);
    b.varint(changes.size());
    for (Change c : changes) {
      b.string(c.keyspace());
      b.bytes(c.key());
      b.u8(c.item() == null ? 0 : 1);
      if (c.item() != null) {
        ItemCodec.write(b, c.item());
      }
    }
    b.varint(records.size());
    for (JournalRecord r : records) {
      record(b, r);
    }
    return b.toByteArray();
  }

  static void record(ItemCodec.Buf b, JournalRecord r) {
    b.varint(r.version());
    b.varlong(r.sequence());
    b.string(r.tableId());
    b.bytes(r.key());
    b.u8(r.oldItem() == null ? 0 : 1);
    if (r.oldItem() != null) {
      ItemCodec.write(b, r.oldItem());
    }
    b.u8(r.newItem() == null ? 0 : 1);
    if (r.newItem() != null) {
      ItemCodec.write(b, r.newItem());
    }
    b.varlong(r.timeMillis());
    b.u8(r.cause().ordinal());
    b.optString(r.transactionId());
  }

  static JournalRecord readRecord(ItemCodec.Buf b) {
    int version = b.varint();
    if (version != JournalRecord.FORMAT) {
      throw new IllegalStateException("engine-disk: journal record format " + version + " is not known to this release");
    }
    long sequence = b.varlong();
    String table = b.string();
    byte[] key = b.bytes();
    Item oldItem = b.u8() == 0 ? null : ItemCodec.read(b);
    Item newItem = b.u8() == 0 ? null : ItemCodec.read(b);
    long time = b.varlong();
    CommitListener.Cause cause = CommitListener.Cause.values()[b.u8()];
    String txn = b.optString();
    return new JournalRecord(version, sequence, table, key, oldItem, newItem, time, cause, txn);
  }

  static byte[] drop(String keyspace) {
    ItemCodec.Buf b = header(DROP, 64);
    b.string(keyspace);
    return b.toByteArray();
  }

  static byte[] catalog(byte[] catalog) {
    ItemCodec.Buf b = header(CATALOG, catalog.length + 16);
    b.bytes(catalog);
    return b.toByteArray();
  }

  static byte[] trim(String table, long beforeSequence) {
    ItemCodec.Buf b = header(TRIM, 64);
    b.string(table);
    b.varlong(beforeSequence);
    return b.toByteArray();
  }

  static byte[] forget(String table) {
    ItemCodec.Buf b = header(FORGET, 64);
    b.string(table);
    return b.toByteArray();
  }

  static byte[] stream(byte[] stream) {
    ItemCodec.Buf b = header(STREAM, stream.length + 16);
    b.bytes(stream);
    return b.toByteArray();
  }

  static byte[] partitions(String table, byte[] partitions) {
    ItemCodec.Buf b = header(PARTITIONS, partitions.length + 64);
    b.string(table);
    b.bytes(partitions);
    return b.toByteArray();
  }

  /** Opens {@code document}: checks its format and returns a reader positioned after the kind; {@code kind[0]} receives it. */
  static ItemCodec.Buf open(byte[] document, int[] kind) {
    ItemCodec.Buf b = new ItemCodec.Buf(document);
    int format = b.u8();
    if (format != FORMAT) {
      throw new IllegalStateException("engine-disk: journal document format " + format
          + " is not known to this release; open the data with the release that wrote it");
    }
    kind[0] = b.u8();
    return b;
  }
}
