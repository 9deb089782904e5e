package io.dynamo4j.engine.capacity;

/**
 * Why a request was throttled, as far as DynamoDB's error tells it apart: a provisioned table (or
 * one of its partitions), a provisioned global secondary index, an on-demand table (or partition),
 * or an on-demand global secondary index. The operation turns it into DynamoDB's exception or
 * cancellation reason.
 */
public enum Throttle {
  /** A provisioned table or one of its partitions is out of capacity. */
  TABLE,
  /** A provisioned global secondary index is out of capacity. */
  INDEX,
  /** An on-demand table or one of its partitions is over its throughput quota. */
  ON_DEMAND_TABLE,
  /** An on-demand global secondary index is over its throughput quota. */
  ON_DEMAND_INDEX;

  /** Whether the table or index is on demand (DynamoDB answers ThrottlingException, not ProvisionedThroughputExceededException). */
  public boolean onDemand() {
    return this == ON_DEMAND_TABLE || this == ON_DEMAND_INDEX;
  }
}
