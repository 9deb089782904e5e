package io.dynamo4j.error;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Turns an error read from the wire ({@code __type} and message) back into its
 * {@link DynamoException} subtype. Errors whose type is unknown become {@link InternalServerError}
 * for 5xx statuses and {@link ValidationException} otherwise, with the original type kept in the
 * message.
 *
 * <p>Stateless and thread-safe.
 */
public final class DynamoErrors {

  private static final Map<String, Function<String, DynamoException>> BY_CODE = new HashMap<>();

  static {
    register("ValidationException", ValidationException::new);
    register("SerializationException", SerializationException::new);
    register("UnknownOperationException", UnknownOperationException::new);
    register("MissingAuthenticationTokenException", MissingAuthenticationTokenException::new);
    register("UnrecognizedClientException", UnrecognizedClientException::new);
    register("IncompleteSignatureException", IncompleteSignatureException::new);
    register("AccessDeniedException", AccessDeniedException::new);
    register("ResourceNotFoundException", ResourceNotFoundException::new);
    register("ResourceInUseException", ResourceInUseException::new);
    register("LimitExceededException", LimitExceededException::new);
    register("ProvisionedThroughputExceededException", ProvisionedThroughputExceededException::new);
    register("ThrottlingException", ThrottlingException::new);
    register("RequestLimitExceeded", RequestLimitExceeded::new);
    register("TransactionConflictException", TransactionConflictException::new);
    register("TransactionInProgressException", TransactionInProgressException::new);
    register("IdempotentParameterMismatchException", IdempotentParameterMismatchException::new);
    register("ItemCollectionSizeLimitExceededException", ItemCollectionSizeLimitExceededException::new);
    register("InternalServerError", InternalServerError::new);
    register("ServiceUnavailableException", ServiceUnavailableException::new);
    register("BackupNotFoundException", BackupNotFoundException::new);
    register("BackupInUseException", BackupInUseException::new);
    register("TableNotFoundException", TableNotFoundException::new);
    register("TableInUseException", TableInUseException::new);
    register("TableAlreadyExistsException", TableAlreadyExistsException::new);
    register("ContinuousBackupsUnavailableException", ContinuousBackupsUnavailableException::new);
    register("PointInTimeRecoveryUnavailableException", PointInTimeRecoveryUnavailableException::new);
    register("InvalidRestoreTimeException", InvalidRestoreTimeException::new);
    register("ExpiredIteratorException", ExpiredIteratorException::new);
    register("TrimmedDataAccessException", TrimmedDataAccessException::new);
    register("DuplicateItemException", DuplicateItemException::new);
    register("IndexNotFoundException", IndexNotFoundException::new);
    register("GlobalTableNotFoundException", GlobalTableNotFoundException::new);
    register("GlobalTableAlreadyExistsException", GlobalTableAlreadyExistsException::new);
    register("ReplicaNotFoundException", ReplicaNotFoundException::new);
    register("ReplicaAlreadyExistsException", ReplicaAlreadyExistsException::new);
    register("ReplicatedWriteConflictException", ReplicatedWriteConflictException::new);
    register("ExportNotFoundException", ExportNotFoundException::new);
    register("ExportConflictException", ExportConflictException::new);
    register("InvalidExportTimeException", InvalidExportTimeException::new);
    register("ImportNotFoundException", ImportNotFoundException::new);
    register("ImportConflictException", ImportConflictException::new);
    register("PolicyNotFoundException", PolicyNotFoundException::new);
    register("InvalidEndpointException", InvalidEndpointException::new);
    register("ConditionalCheckFailedException", m -> new ConditionalCheckFailedException(m, null));
  }

  private DynamoErrors() {}

  private static void register(String code, Function<String, DynamoException> factory) {
    BY_CODE.put(code, factory);
  }

  /**
   * The exception for a wire error.
   *
   * @param wireType the {@code __type}, with or without namespace
   * @param message the message, or null
   * @param status the HTTP status the error came with
   */
  public static DynamoException fromWire(String wireType, String message, int status) {
    String code = wireType == null ? "" : wireType.substring(wireType.indexOf('#') + 1);
    Function<String, DynamoException> f = BY_CODE.get(code);
    if (f != null) {
      return f.apply(message);
    }
    String text = code + (message == null ? "" : ": " + message);
    return status >= 500 ? new InternalServerError(text) : new ValidationException(text);
  }

  /** Whether {@code code} (without namespace) names a known DynamoDB error. */
  public static boolean isKnown(String code) {
    return BY_CODE.containsKey(code);
  }
}
