package io.dynamo4j.mapper;

import io.dynamo4j.error.TransactionCanceledException;
import io.dynamo4j.model.Item;
import io.dynamo4j.model.Key;
import java.math.BigDecimal;
import java.util.List;

/**
 * DynamoDB cancelled a {@link TransactWrite} or {@link TransactGet}: nothing was written. Each
 * {@link Failure} is one action that caused it, with the typed object or key it was given, the
 * table, DynamoDB's cancellation code ({@code ConditionalCheckFailed},
 * {@code TransactionConflict}, {@code ValidationError}, ...) and whether a version check failed.
 * The cause is DynamoDB's {@link TransactionCanceledException}. Immutable.
 */
public class TransactionFailedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** What the mapper remembers of each action, to map reasons back. */
  record Action(MappedTable<?> table, Object subject, Key key, String versionAttribute, BigDecimal expected) {}

  /**
   * One action that caused the cancellation.
   *
   * @param index the action's position in the transaction, from 0
   * @param table its table
   * @param subject the object (for puts, object updates and deletes) or the key it was given
   * @param key the item's key
   * @param code DynamoDB's cancellation reason code
   * @param message DynamoDB's message, or null
   * @param item the item as it was, when DynamoDB returned it (conditional check failures), or null
   * @param optimisticLock whether the action's version check is what failed
   */
  public record Failure(int index, MappedTable<?> table, Object subject, Key key, String code, String message, Item item,
      boolean optimisticLock) {}

  private final transient List<Failure> failures;

  TransactionFailedException(TransactionCanceledException cause, List<Failure> failures) {
    super(message(cause, failures), cause);
    this.failures = List.copyOf(failures);
  }

  private static String message(TransactionCanceledException cause, List<Failure> failures) {
    StringBuilder sb = new StringBuilder(cause.getMessage());
    for (Failure f : failures) {
      sb.append("; action ").append(f.index()).append(" on ").append(f.table().tableName()).append(' ')
          .append(f.key() == null ? "" : f.key().toItem()).append(": ").append(f.code())
          .append(f.optimisticLock() ? " (version check)" : "");
    }
    return sb.toString();
  }

  /** The actions that caused the cancellation, in request order. */
  public List<Failure> failures() {
    return failures;
  }

  /** The cancellation reason DynamoDB gave. */
  @Override
  public synchronized TransactionCanceledException getCause() {
    return (TransactionCanceledException) super.getCause();
  }
}
