package io.dynamo4j.engine.capacity;

/**
 * DynamoDB's capacity-unit arithmetic (Developer Guide, "Read/write capacity unit consumption"):
 * reads in 4 KB units, half as much for eventually consistent reads; writes in 1 KB units;
 * transactional reads and writes cost twice as much.
 *
 * <p>Stateless and thread-safe.
 */
public final class CapacityUnits {

  /** Bytes per read unit. */
  public static final int READ_UNIT_BYTES = 4096;
  /** Bytes per write unit. */
  public static final int WRITE_UNIT_BYTES = 1024;

  private CapacityUnits() {}

  /**
   * Read units for reading {@code bytes} (at least one unit, even for nothing): one per started
   * 4 KB when strongly consistent, half that when eventually consistent.
   */
  public static double read(long bytes, boolean consistent) {
    long units = Math.max(1, (bytes + READ_UNIT_BYTES - 1) / READ_UNIT_BYTES);
    return consistent ? units : units / 2.0;
  }

  /** Like {@link #read} but zero bytes cost zero (a Query or Scan that read nothing). */
  public static double readOrZero(long bytes, boolean consistent) {
    return bytes == 0 ? 0 : read(bytes, consistent);
  }

  /** Write units for writing {@code bytes}: one per started 1 KB, at least one. */
  public static double write(long bytes) {
    return Math.max(1, (bytes + WRITE_UNIT_BYTES - 1) / WRITE_UNIT_BYTES);
  }
}
