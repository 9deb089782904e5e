package io.dynamo4j.engine.op;

import io.dynamo4j.api.ProvisionedThroughput;
import io.dynamo4j.api.ProvisionedThroughputDescription;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * DynamoDB's limit on decreasing provisioned throughput (Developer Guide, "Service quotas"): a
 * table or global index may decrease its read or write units four times in a UTC day at any time,
 * and after that once every hour, counted from the last decrease; the count starts again at
 * midnight UTC. A request over the limit fails with LimitExceededException naming the count, the
 * last decrease and when the next may be made.
 *
 * <p>Stateless and thread-safe.
 */
final class ThroughputDecreases {

  /** Decreases allowed at any time in a UTC day. */
  static final int FREE_DECREASES = 4;
  /** After those, one decrease per this much time since the last. */
  static final Duration INTERVAL = Duration.ofHours(1);

  private ThroughputDecreases() {}

  /** Throws DynamoDB's LimitExceededException if changing {@code current} to {@code requested} at {@code now} is a decrease over the limit. */
  static void check(ProvisionedThroughputDescription current, ProvisionedThroughput requested, Instant now) {
    if (current == null || requested == null) {
      return;
    }
    long read = current.readCapacityUnits() == null ? 0 : current.readCapacityUnits();
    long write = current.writeCapacityUnits() == null ? 0 : current.writeCapacityUnits();
    boolean decrease = requested.readCapacityUnits() < read || requested.writeCapacityUnits() < write;
    Instant last = current.lastDecreaseDateTime();
    if (!decrease || last == null || current.numberOfDecreasesToday() == null) {
      return;
    }
    LocalDate today = now.atZone(ZoneOffset.UTC).toLocalDate();
    long count = last.atZone(ZoneOffset.UTC).toLocalDate().equals(today) ? current.numberOfDecreasesToday() : 0;
    Instant after = last.plus(INTERVAL);
    if (count >= FREE_DECREASES && now.isBefore(after)) {
      Instant midnight = today.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
      throw Errors.decreaseLimit(count, last, after.isBefore(midnight) ? after : midnight);
    }
  }
}
