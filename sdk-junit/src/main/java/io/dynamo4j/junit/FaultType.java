package io.dynamo4j.junit;

/** What an injected fault does to a request it applies to. See {@link Faults}. */
public enum FaultType {

  /**
   * The request is throttled, with the exception DynamoDB sends for the table's billing mode:
   * ProvisionedThroughputExceededException (provisioned) or ThrottlingException (on demand); a
   * transaction is cancelled with {@code ProvisionedThroughputExceeded} or {@code ThrottlingError}
   * as the reason of its first action on the table. A BatchWriteItem or BatchGetItem returns the
   * throttled table's requests as {@code UnprocessedItems} / {@code UnprocessedKeys} and does the
   * rest; only when every table of the batch is throttled does it fail, as DynamoDB does.
   */
  THROTTLE,

  /**
   * The request meets a transaction in progress: TransactionConflictException for a single-item
   * request; a transaction is cancelled with {@code TransactionConflict} as the reason of its
   * first action on the table (its first action, for a fault on every table).
   */
  TRANSACTION_CONFLICT,

  /** The request fails with DynamoDB's InternalServerError (HTTP 500). */
  INTERNAL_SERVER_ERROR,

  /** The request waits (real time) before it goes to the engine, then succeeds or fails as it would. */
  LATENCY
}
