package io.dynamo4j.engine.disk;

import io.dynamo4j.api.BackupType;
import io.dynamo4j.api.TimeToLiveDescription;
import io.dynamo4j.api.TimeToLiveStatus;
import io.dynamo4j.engine.backup.Backup;
import io.dynamo4j.engine.backup.BackupStore;
import io.dynamo4j.engine.backup.TableSnapshot;
import io.dynamo4j.engine.table.TableDefinition;
import io.dynamo4j.model.Item;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Backups on disk: one file per backup (a consistent copy engine-core took), written to a
 * temporary file, synced and renamed into place, so a backup is whole or absent after a crash.
 * All backups are loaded when the engine opens.
 *
 * <h2>File format (version 1)</h2>
 *
 * <pre>
 * varint(1) string arn string name u8 type instant created u8 has-expiry [instant]
 * definition (see {@link CatalogCodec}) u8 has-ttl [u8 status string? attribute]
 * varlong sizeBytes varint n item*
 * </pre>
 *
 * <p>Thread-safe.
 */
final class DiskBackupStore implements BackupStore {

  private static final int VERSION = 1;

  private final Path dir;
  private final ConcurrentHashMap<String, Backup> backups = new ConcurrentHashMap<>();

  DiskBackupStore(Path dir) {
    this.dir = dir;
    try {
      Files.createDirectories(dir);
      try (var files = Files.list(dir)) {
        for (Path f : (Iterable<Path>) files::iterator) {
          String name = f.getFileName().toString();
          if (name.endsWith(".tmp")) {
            Files.deleteIfExists(f);
          } else if (name.endsWith(".backup")) {
            Backup b = read(Files.readAllBytes(f));
            backups.put(b.arn(), b);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("engine-disk: cannot read the backups in " + dir, e);
    }
  }

  @Override
  public void put(Backup backup) {
    Path file = fileOf(backup.arn());
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    try {
      Files.write(tmp, write(backup));
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
        ch.force(true);
      }
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("engine-disk: cannot write backup " + backup.arn() + " to " + dir, e);
    }
    backups.put(backup.arn(), backup);
  }

  @Override
  public Backup get(String arn) {
    return backups.get(arn);
  }

  @Override
  public Backup remove(String arn) {
    Backup b = backups.remove(arn);
    if (b != null) {
      try {
        Files.deleteIfExists(fileOf(arn));
      } catch (IOException e) {
        throw new UncheckedIOException("engine-disk: cannot delete backup " + arn + " in " + dir, e);
      }
    }
    return b;
  }

  @Override
  public List<Backup> all() {
    return new ArrayList<>(backups.values());
  }

  /** Nothing to release: every backup is on disk already. */
  @Override
  public void close() {}

  private Path fileOf(String arn) {
    return dir.resolve(UUID.nameUUIDFromBytes(arn.getBytes(StandardCharsets.UTF_8)) + ".backup");
  }

  private static byte[] write(Backup b) {
    TableSnapshot s = b.snapshot();
    ItemCodec.Buf out = new ItemCodec.Buf((int) Math.min(Integer.MAX_VALUE - 64, 1024 + 2 * s.sizeBytes()));
    out.varint(VERSION);
    out.string(b.arn());
    out.string(b.name());
    out.u8(b.type().ordinal());
    CatalogCodec.instant(out, b.created());
    out.u8(b.expires() == null ? 0 : 1);
    if (b.expires() != null) {
      CatalogCodec.instant(out, b.expires());
    }
    CatalogCodec.definition(out, s.definition());
    out.u8(s.timeToLive() == null ? 0 : 1);
    if (s.timeToLive() != null) {
      out.u8(s.timeToLive().timeToLiveStatus().ordinal());
      out.optString(s.timeToLive().attributeName());
    }
    out.varlong(s.sizeBytes());
    out.varint(s.items().size());
    for (Item item : s.items()) {
      ItemCodec.write(out, item);
    }
    return out.toByteArray();
  }

  private static Backup read(byte[] bytes) {
    ItemCodec.Buf in = new ItemCodec.Buf(bytes);
    int version = in.varint();
    if (version != VERSION) {
      throw new IllegalStateException("engine-disk: backup format " + version + " is not known to this release");
    }
    String arn = in.string();
    String name = in.string();
    BackupType type = BackupType.values()[in.u8()];
    java.time.Instant created = CatalogCodec.readInstant(in);
    java.time.Instant expires = in.u8() == 0 ? null : CatalogCodec.readInstant(in);
    TableDefinition definition = CatalogCodec.readDefinition(in);
    TimeToLiveDescription ttl = null;
    if (in.u8() == 1) {
      ttl = new TimeToLiveDescription(TimeToLiveStatus.values()[in.u8()], in.optString());
    }
    long size = in.varlong();
    int n = in.varint();
    List<Item> items = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      items.add(ItemCodec.read(in));
    }
    return new Backup(arn, name, type, created, expires, new TableSnapshot(definition, ttl, items, size));
  }
}
