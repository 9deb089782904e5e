package io.dynamo4j;

import io.dynamo4j.api.*;
import io.dynamo4j.spi.Engine;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * An {@link Engine} for client tests: each operation answers with the handler a test gave it
 * ({@link #on}), and throws {@link UnsupportedOperationException} if it has none. Every call is
 * recorded, in order, with its request. Not thread-safe; one per test.
 */
final class FakeEngine implements Engine {

  /** One call the engine received. */
  record Call(Operation operation, Object request) {}

  private final Map<Operation, Function<Object, Object>> handlers = new EnumMap<>(Operation.class);
  final List<Call> calls = new ArrayList<>();
  boolean closed;

  /** Answers {@code operation} with {@code handler} (which may throw). */
  @SuppressWarnings("unchecked")
  <Q, R> FakeEngine on(Operation operation, Function<Q, R> handler) {
    handlers.put(operation, request -> handler.apply((Q) request));
    return this;
  }

  /** The requests of the calls of {@code operation}, in order. */
  @SuppressWarnings("unchecked")
  <Q> List<Q> requests(Operation operation) {
    List<Q> requests = new ArrayList<>();
    for (Call call : calls) {
      if (call.operation() == operation) {
        requests.add((Q) call.request());
      }
    }
    return requests;
  }

  @SuppressWarnings("unchecked")
  private <R> R handle(Operation operation, Object request) {
    calls.add(new Call(operation, request));
    Function<Object, Object> handler = handlers.get(operation);
    if (handler == null) {
      throw new UnsupportedOperationException("FakeEngine has no handler for " + operation.wireName());
    }
    return (R) handler.apply(request);
  }

  @Override
  public void close() {
    closed = true;
  }

  @Override
  public CreateTableResponse createTable(CreateTableRequest request) {
    return handle(Operation.CREATE_TABLE, request);
  }

  @Override
  public UpdateTableResponse updateTable(UpdateTableRequest request) {
    return handle(Operation.UPDATE_TABLE, request);
  }

  @Override
  public DeleteTableResponse deleteTable(DeleteTableRequest request) {
    return handle(Operation.DELETE_TABLE, request);
  }

  @Override
  public DescribeTableResponse describeTable(DescribeTableRequest request) {
    return handle(Operation.DESCRIBE_TABLE, request);
  }

  @Override
  public ListTablesResponse listTables(ListTablesRequest request) {
    return handle(Operation.LIST_TABLES, request);
  }

  @Override
  public UpdateTimeToLiveResponse updateTimeToLive(UpdateTimeToLiveRequest request) {
    return handle(Operation.UPDATE_TIME_TO_LIVE, request);
  }

  @Override
  public DescribeTimeToLiveResponse describeTimeToLive(DescribeTimeToLiveRequest request) {
    return handle(Operation.DESCRIBE_TIME_TO_LIVE, request);
  }

  @Override
  public TagResourceResponse tagResource(TagResourceRequest request) {
    return handle(Operation.TAG_RESOURCE, request);
  }

  @Override
  public UntagResourceResponse untagResource(UntagResourceRequest request) {
    return handle(Operation.UNTAG_RESOURCE, request);
  }

  @Override
  public ListTagsOfResourceResponse listTagsOfResource(ListTagsOfResourceRequest request) {
    return handle(Operation.LIST_TAGS_OF_RESOURCE, request);
  }

  @Override
  public DescribeLimitsResponse describeLimits(DescribeLimitsRequest request) {
    return handle(Operation.DESCRIBE_LIMITS, request);
  }

  @Override
  public CreateBackupResponse createBackup(CreateBackupRequest request) {
    return handle(Operation.CREATE_BACKUP, request);
  }

  @Override
  public DescribeBackupResponse describeBackup(DescribeBackupRequest request) {
    return handle(Operation.DESCRIBE_BACKUP, request);
  }

  @Override
  public ListBackupsResponse listBackups(ListBackupsRequest request) {
    return handle(Operation.LIST_BACKUPS, request);
  }

  @Override
  public DeleteBackupResponse deleteBackup(DeleteBackupRequest request) {
    return handle(Operation.DELETE_BACKUP, request);
  }

  @Override
  public RestoreTableFromBackupResponse restoreTableFromBackup(RestoreTableFromBackupRequest request) {
    return handle(Operation.RESTORE_TABLE_FROM_BACKUP, request);
  }

  @Override
  public UpdateContinuousBackupsResponse updateContinuousBackups(UpdateContinuousBackupsRequest request) {
    return handle(Operation.UPDATE_CONTINUOUS_BACKUPS, request);
  }

  @Override
  public DescribeContinuousBackupsResponse describeContinuousBackups(DescribeContinuousBackupsRequest request) {
    return handle(Operation.DESCRIBE_CONTINUOUS_BACKUPS, request);
  }

  @Override
  public RestoreTableToPointInTimeResponse restoreTableToPointInTime(RestoreTableToPointInTimeRequest request) {
    return handle(Operation.RESTORE_TABLE_TO_POINT_IN_TIME, request);
  }

  @Override
  public GetItemResponse getItem(GetItemRequest request) {
    return handle(Operation.GET_ITEM, request);
  }

  @Override
  public PutItemResponse putItem(PutItemRequest request) {
    return handle(Operation.PUT_ITEM, request);
  }

  @Override
  public UpdateItemResponse updateItem(UpdateItemRequest request) {
    return handle(Operation.UPDATE_ITEM, request);
  }

  @Override
  public DeleteItemResponse deleteItem(DeleteItemRequest request) {
    return handle(Operation.DELETE_ITEM, request);
  }

  @Override
  public QueryResponse query(QueryRequest request) {
    return handle(Operation.QUERY, request);
  }

  @Override
  public ScanResponse scan(ScanRequest request) {
    return handle(Operation.SCAN, request);
  }

  @Override
  public BatchGetItemResponse batchGetItem(BatchGetItemRequest request) {
    return handle(Operation.BATCH_GET_ITEM, request);
  }

  @Override
  public BatchWriteItemResponse batchWriteItem(BatchWriteItemRequest request) {
    return handle(Operation.BATCH_WRITE_ITEM, request);
  }

  @Override
  public TransactGetItemsResponse transactGetItems(TransactGetItemsRequest request) {
    return handle(Operation.TRANSACT_GET_ITEMS, request);
  }

  @Override
  public TransactWriteItemsResponse transactWriteItems(TransactWriteItemsRequest request) {
    return handle(Operation.TRANSACT_WRITE_ITEMS, request);
  }

  @Override
  public ExecuteStatementResponse executeStatement(ExecuteStatementRequest request) {
    return handle(Operation.EXECUTE_STATEMENT, request);
  }

  @Override
  public BatchExecuteStatementResponse batchExecuteStatement(BatchExecuteStatementRequest request) {
    return handle(Operation.BATCH_EXECUTE_STATEMENT, request);
  }

  @Override
  public ExecuteTransactionResponse executeTransaction(ExecuteTransactionRequest request) {
    return handle(Operation.EXECUTE_TRANSACTION, request);
  }

  @Override
  public ListStreamsResponse listStreams(ListStreamsRequest request) {
    return handle(Operation.LIST_STREAMS, request);
  }

  @Override
  public DescribeStreamResponse describeStream(DescribeStreamRequest request) {
    return handle(Operation.DESCRIBE_STREAM, request);
  }

  @Override
  public GetShardIteratorResponse getShardIterator(GetShardIteratorRequest request) {
    return handle(Operation.GET_SHARD_ITERATOR, request);
  }

  @Override
  public GetRecordsResponse getRecords(GetRecordsRequest request) {
    return handle(Operation.GET_RECORDS, request);
  }
}
