package io.dynamo4j.error;

import io.dynamo4j.api.CancellationReason;
import java.util.List;

/**
 * DynamoDB's {@code TransactionCanceledException}: a transaction was cancelled and had no effect.
 * {@link #cancellationReasons()} holds one reason per action, in the request's order; an action
 * that did not cause the cancellation has the code {@code None}.
 *
 * <p>Immutable; safe to share between threads.
 */
public class TransactionCanceledException extends DynamoException {

  private static final long serialVersionUID = 1L;

  private final transient List<CancellationReason> cancellationReasons;

  /** An error with the given message and reasons. */
  public TransactionCanceledException(String message, List<CancellationReason> cancellationReasons) {
    super(DYNAMODB + "TransactionCanceledException", 400, message);
    this.cancellationReasons = cancellationReasons == null ? List.of() : List.copyOf(cancellationReasons);
  }

  /**
   * DynamoDB's message for these reasons: {@code Transaction cancelled, please refer cancellation
   * reasons for specific reasons [ConditionalCheckFailed, None]}.
   */
  public static String messageFor(List<CancellationReason> reasons) {
    StringBuilder sb = new StringBuilder("Transaction cancelled, please refer cancellation reasons for specific reasons [");
    for (int i = 0; i < reasons.size(); i++) {
      if (i > 0) {
        sb.append(", ");
      }
      sb.append(reasons.get(i).code());
    }
    return sb.append(']').toString();
  }

  /** One reason per action of the transaction, in request order. */
  public List<CancellationReason> cancellationReasons() {
    return cancellationReasons;
  }
}
