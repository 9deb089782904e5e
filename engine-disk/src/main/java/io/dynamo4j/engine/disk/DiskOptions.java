package io.dynamo4j.engine.disk;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link DiskEngine} keeps its data: the durability of acknowledged writes, how often the
 * store is checkpointed (which bounds the journal replayed at start-up) and how much memory the
 * caches take.
 *
 * <p>Immutable and thread-safe; build with {@link #builder()}.
 */
public final class DiskOptions {

  /** When a write is acknowledged. */
  public enum Durability {
    /**
     * Once the write is in the journal's memory-mapped file: it survives a crash or kill -9 of the
     * JVM, not a power loss or an operating system crash. The default.
     */
    PROCESS,
    /**
     * Once the journal file is synced to the device: it survives power loss. Concurrent writers
     * share each sync (group commit).
     */
    FSYNC
  }

  private static final DiskOptions DEFAULTS = builder().build();

  private final Durability durability;
  private final Duration checkpointInterval;
  private final long checkpointBytes;
  private final long cacheBytes;
  private final int storeCacheMegabytes;
  final ChronicleLog.Fault fault;
  final boolean secondlyJournalFiles;
  final int storeRetentionMillis;

  private DiskOptions(Builder b) {
    this.durability = b.durability;
    this.checkpointInterval = b.checkpointInterval;
    this.checkpointBytes = b.checkpointBytes;
    this.cacheBytes = b.cacheBytes;
    this.storeCacheMegabytes = b.storeCacheMegabytes;
    this.fault = b.fault;
    this.secondlyJournalFiles = b.secondlyJournalFiles;
    this.storeRetentionMillis = b.storeRetentionMillis;
  }

  /** The defaults: PROCESS durability, a checkpoint every 30 s or 32 MiB, a 64 MiB item cache. */
  public static DiskOptions defaults() {
    return DEFAULTS;
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** When a write is acknowledged. Default {@link Durability#PROCESS}. */
  public Durability durability() {
    return durability;
  }

  /** How often the store is checkpointed. Default 30 seconds. */
  public Duration checkpointInterval() {
    return checkpointInterval;
  }

  /** The unsaved changes (estimated bytes) past which a checkpoint is taken at once. Default 32 MiB. */
  public long checkpointBytes() {
    return checkpointBytes;
  }

  /** The most (estimated) bytes of decoded items kept in the cache. Default 64 MiB. */
  public long cacheBytes() {
    return cacheBytes;
  }

  /** The store's page cache, in MiB. Default 16. */
  public int storeCacheMegabytes() {
    return storeCacheMegabytes;
  }

  /** Builds {@link DiskOptions}. Not thread-safe. */
  public static final class Builder {
    private Durability durability = Durability.PROCESS;
    private Duration checkpointInterval = Duration.ofSeconds(30);
    private long checkpointBytes = 32L << 20;
    private long cacheBytes = 64L << 20;
    private int storeCacheMegabytes = 16;
    private ChronicleLog.Fault fault;
    private boolean secondlyJournalFiles;
    private int storeRetentionMillis = -1;

    private Builder() {}

    /** Sets when writes are acknowledged. */
    public Builder durability(Durability durability) {
      this.durability = Objects.requireNonNull(durability, "durability");
      return this;
    }

    /** Sets how often the store is checkpointed (positive). */
    public Builder checkpointInterval(Duration interval) {
      if (interval.isNegative() || interval.isZero()) {
        throw new IllegalArgumentException("DiskOptions.checkpointInterval must be positive: " + interval);
      }
      this.checkpointInterval = interval;
      return this;
    }

    /** Sets the unsaved bytes that force a checkpoint (at least 1 MiB). */
    public Builder checkpointBytes(long bytes) {
      if (bytes < (1L << 20)) {
        throw new IllegalArgumentException("DiskOptions.checkpointBytes must be at least 1 MiB: " + bytes);
      }
      this.checkpointBytes = bytes;
      return this;
    }

    /** Sets the item cache's bound in bytes (0 for no cache). */
    public Builder cacheBytes(long bytes) {
      if (bytes < 0) {
        throw new IllegalArgumentException("DiskOptions.cacheBytes must not be negative: " + bytes);
      }
      this.cacheBytes = bytes;
      return this;
    }

    /** Sets the store's page cache in MiB (at least 1). */
    public Builder storeCacheMegabytes(int megabytes) {
      if (megabytes < 1) {
        throw new IllegalArgumentException("DiskOptions.storeCacheMegabytes must be at least 1: " + megabytes);
      }
      this.storeCacheMegabytes = megabytes;
      return this;
    }

    /** Tests: fails journal writes. */
    Builder fault(ChronicleLog.Fault fault) {
      this.fault = fault;
      return this;
    }

    /** Tests: one journal file per second, so files age quickly. */
    Builder secondlyJournalFiles() {
      this.secondlyJournalFiles = true;
      return this;
    }

    /**
     * Tests: how long the store keeps chunks freed by compaction before reusing their space
     * (MVStore's retention time, 45 s by default, which lets a scan read pages a commit replaced).
     */
    Builder storeRetention(java.time.Duration retention) {
      this.storeRetentionMillis = (int) retention.toMillis();
      return this;
    }

    /** The options. */
    public DiskOptions build() {
      return new DiskOptions(this);
    }
  }
}
