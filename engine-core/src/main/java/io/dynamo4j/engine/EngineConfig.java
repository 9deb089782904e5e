package io.dynamo4j.engine;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link LocalEngine} behaves where the embedded setting leaves a choice: the clock, the
 * region and account in ARNs, how long transient statuses last, whether throughput is enforced,
 * how often TTL sweeps and stream shards roll over, how much history streams and point-in-time
 * recovery may keep, and the size limits tests may want lower (partition split size, item
 * collection limit). The defaults behave as DynamoDB does, with status changes immediate.
 *
 * <p>Immutable and thread-safe; build with {@link #builder()}.
 */
public final class EngineConfig {

  private static final EngineConfig DEFAULTS = builder().build();

  private final Clock clock;
  private final String region;
  private final String accountId;
  private final Duration statusDelay;
  private final boolean throttling;
  private final Duration timeToLiveSweepInterval;
  private final Duration streamShardRollover;
  private final long historyMemoryLimit;
  private final long partitionSplitBytes;
  private final long itemCollectionLimitBytes;

  /** DynamoDB's partition size: a partition that holds more splits in two. */
  public static final long DEFAULT_PARTITION_SPLIT_BYTES = 10L * 1024 * 1024 * 1024;
  /** DynamoDB's limit on an item collection of a table with a local secondary index. */
  public static final long DEFAULT_ITEM_COLLECTION_LIMIT_BYTES = 10L * 1024 * 1024 * 1024;

  private EngineConfig(Builder b) {
    this.clock = b.clock;
    this.region = b.region;
    this.accountId = b.accountId;
    this.statusDelay = b.statusDelay;
    this.throttling = b.throttling;
    this.timeToLiveSweepInterval = b.timeToLiveSweepInterval;
    this.streamShardRollover = b.streamShardRollover;
    this.historyMemoryLimit = b.historyMemoryLimit;
    this.partitionSplitBytes = b.partitionSplitBytes;
    this.itemCollectionLimitBytes = b.itemCollectionLimitBytes;
  }

  /** The default configuration. */
  public static EngineConfig defaults() {
    return DEFAULTS;
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from this configuration. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.clock = clock;
    b.region = region;
    b.accountId = accountId;
    b.statusDelay = statusDelay;
    b.throttling = throttling;
    b.timeToLiveSweepInterval = timeToLiveSweepInterval;
    b.streamShardRollover = streamShardRollover;
    b.historyMemoryLimit = historyMemoryLimit;
    b.partitionSplitBytes = partitionSplitBytes;
    b.itemCollectionLimitBytes = itemCollectionLimitBytes;
    return b;
  }

  /** The clock every time-dependent part of the engine reads. Default: the system UTC clock. */
  public Clock clock() {
    return clock;
  }

  /** The region named in ARNs and stream records. Default {@code us-east-1}. */
  public String region() {
    return region;
  }

  /** The account id named in ARNs. Default {@code 000000000000}. */
  public String accountId() {
    return accountId;
  }

  /**
   * How long CREATING, UPDATING and DELETING last, measured on {@link #clock()}. Default zero: a
   * table is ACTIVE as soon as CreateTable returns.
   */
  public Duration statusDelay() {
    return statusDelay;
  }

  /**
   * Whether provisioned and on-demand throughput limits are enforced (requests over them are
   * throttled). Default false, as DynamoDB Local; consumed capacity is computed either way.
   */
  public boolean throttling() {
    return throttling;
  }

  /**
   * How often, on {@link #clock()}, the TTL sweeper deletes expired items. Default one minute
   * (DynamoDB takes minutes to days; a test on a {@link TestClock} moves the clock or calls
   * {@link LocalEngine#sweepExpiredItems()}).
   */
  public Duration timeToLiveSweepInterval() {
    return timeToLiveSweepInterval;
  }

  /** How long a stream shard stays open before it rolls over to a successor. Default four hours, as DynamoDB. */
  public Duration streamShardRollover() {
    return streamShardRollover;
  }

  /**
   * The most (estimated) bytes of history the journal keeps for streams and point-in-time
   * recovery; beyond it the oldest records go first. Default 256 MiB.
   */
  public long historyMemoryLimit() {
    return historyMemoryLimit;
  }

  /**
   * The size (items and local index entries) past which a partition splits in two. Default 10 GB,
   * as DynamoDB; lower it to watch splits in tests.
   */
  public long partitionSplitBytes() {
    return partitionSplitBytes;
  }

  /**
   * The largest item collection (the items of one partition key value with their local secondary
   * index entries) a table with a local secondary index may hold. Default 10 GB, as DynamoDB;
   * lower it to reach ItemCollectionSizeLimitExceededException in tests.
   */
  public long itemCollectionLimitBytes() {
    return itemCollectionLimitBytes;
  }

  /** Builds an {@link EngineConfig}. Not thread-safe. */
  public static final class Builder {
    private Clock clock = Clock.systemUTC();
    private String region = "us-east-1";
    private String accountId = "000000000000";
    private Duration statusDelay = Duration.ZERO;
    private boolean throttling;
    private Duration timeToLiveSweepInterval = Duration.ofMinutes(1);
    private Duration streamShardRollover = Duration.ofHours(4);
    private long historyMemoryLimit = 256L << 20;
    private long partitionSplitBytes = DEFAULT_PARTITION_SPLIT_BYTES;
    private long itemCollectionLimitBytes = DEFAULT_ITEM_COLLECTION_LIMIT_BYTES;

    private Builder() {}

    /** Sets the clock. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** Sets the region named in ARNs. */
    public Builder region(String region) {
      this.region = Objects.requireNonNull(region, "region");
      return this;
    }

    /** Sets the account id named in ARNs (12 digits). */
    public Builder accountId(String accountId) {
      this.accountId = Objects.requireNonNull(accountId, "accountId");
      return this;
    }

    /** Sets how long transient statuses last; zero for immediate. */
    public Builder statusDelay(Duration statusDelay) {
      if (statusDelay.isNegative()) {
        throw new IllegalArgumentException("EngineConfig.statusDelay must not be negative: " + statusDelay);
      }
      this.statusDelay = statusDelay;
      return this;
    }

    /** Turns throughput enforcement on or off. */
    public Builder throttling(boolean throttling) {
      this.throttling = throttling;
      return this;
    }

    /** Sets how often the TTL sweeper runs (positive). */
    public Builder timeToLiveSweepInterval(Duration interval) {
      if (interval.isNegative() || interval.isZero()) {
        throw new IllegalArgumentException("EngineConfig.timeToLiveSweepInterval must be positive: " + interval);
      }
      this.timeToLiveSweepInterval = interval;
      return this;
    }

    /** Sets how long a stream shard stays open (positive). */
    public Builder streamShardRollover(Duration rollover) {
      if (rollover.isNegative() || rollover.isZero()) {
        throw new IllegalArgumentException("EngineConfig.streamShardRollover must be positive: " + rollover);
      }
      this.streamShardRollover = rollover;
      return this;
    }

    /** Sets the most bytes of history kept for streams and point-in-time recovery (positive). */
    public Builder historyMemoryLimit(long bytes) {
      if (bytes <= 0) {
        throw new IllegalArgumentException("EngineConfig.historyMemoryLimit must be positive: " + bytes);
      }
      this.historyMemoryLimit = bytes;
      return this;
    }

    /** Sets the size past which a partition splits (at least 1 byte). */
    public Builder partitionSplitBytes(long bytes) {
      if (bytes < 1) {
        throw new IllegalArgumentException("EngineConfig.partitionSplitBytes must be at least 1: " + bytes);
      }
      this.partitionSplitBytes = bytes;
      return this;
    }

    /** Sets the item collection size limit of tables with a local secondary index (at least 1 byte). */
    public Builder itemCollectionLimitBytes(long bytes) {
      if (bytes < 1) {
        throw new IllegalArgumentException("EngineConfig.itemCollectionLimitBytes must be at least 1: " + bytes);
      }
      this.itemCollectionLimitBytes = bytes;
      return this;
    }

    /** The configuration. */
    public EngineConfig build() {
      return new EngineConfig(this);
    }
  }
}
