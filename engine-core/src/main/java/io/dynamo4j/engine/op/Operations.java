package io.dynamo4j.engine.op;

import io.dynamo4j.DynamoOperations;
import io.dynamo4j.api.*;
import io.dynamo4j.engine.EngineConfig;
import io.dynamo4j.engine.storage.Storage;

/**
 * The engine's operations: one object per DynamoDB operation, all sharing one {@link EngineContext}.
 * {@link io.dynamo4j.engine.LocalEngine} forwards every call here.
 *
 * <p>Thread-safe.
 */
public final class Operations implements DynamoOperations {

  private final EngineContext context;
  private final CreateTableOperation createTable;
  private final DescribeTableOperation describeTable;
  private final ListTablesOperation listTables;
  private final DeleteTableOperation deleteTable;
  private final UpdateTableOperation updateTable;
  private final TagResourceOperation tagResource;
  private final UntagResourceOperation untagResource;
  private final ListTagsOfResourceOperation listTagsOfResource;
  private final DescribeLimitsOperation describeLimits;
  private final GetItemOperation getItem;
  private final PutItemOperation putItem;
  private final QueryOperation query;
  private final ScanOperation scan;
  private final UpdateItemOperation updateItem;
  private final DeleteItemOperation deleteItem;
  private final BatchGetItemOperation batchGetItem;
  private final BatchWriteItemOperation batchWriteItem;
  private final TransactWriteItemsOperation transactWriteItems;
  private final TransactGetItemsOperation transactGetItems;

  /** The operations of an engine over {@code storage}. */
  public Operations(Storage storage, EngineConfig config) {
    this.context = new EngineContext(storage, config);
    this.createTable = new CreateTableOperation(context);
    this.describeTable = new DescribeTableOperation(context);
    this.listTables = new ListTablesOperation(context);
    this.deleteTable = new DeleteTableOperation(context);
    this.updateTable = new UpdateTableOperation(context);
    this.tagResource = new TagResourceOperation(context);
    this.untagResource = new UntagResourceOperation(context);
    this.listTagsOfResource = new ListTagsOfResourceOperation(context);
    this.describeLimits = new DescribeLimitsOperation();
    this.getItem = new GetItemOperation(context);
    this.putItem = new PutItemOperation(context);
    this.query = new QueryOperation(context);
    this.scan = new ScanOperation(context);
    this.updateItem = new UpdateItemOperation(context);
    this.deleteItem = new DeleteItemOperation(context);
    this.batchGetItem = new BatchGetItemOperation(context);
    this.batchWriteItem = new BatchWriteItemOperation(context);
    this.transactWriteItems = new TransactWriteItemsOperation(context);
    this.transactGetItems = new TransactGetItemsOperation(context);
  }

  /** The shared context (for engine internals and tests). */
  public EngineContext context() {
    return context;
  }

  @Override
  public CreateTableResponse createTable(CreateTableRequest request) {
    return createTable.execute(request);
  }

  @Override
  public UpdateTableResponse updateTable(UpdateTableRequest request) {
    return updateTable.execute(request);
  }

  @Override
  public DeleteTableResponse deleteTable(DeleteTableRequest request) {
    return deleteTable.execute(request);
  }

  @Override
  public DescribeTableResponse describeTable(DescribeTableRequest request) {
    return describeTable.execute(request);
  }

  @Override
  public ListTablesResponse listTables(ListTablesRequest request) {
    return listTables.execute(request);
  }

  @Override
  public UpdateTimeToLiveResponse updateTimeToLive(UpdateTimeToLiveRequest request) {
    throw new UnsupportedOperationException("UpdateTimeToLive is not implemented yet");
  }

  @Override
  public DescribeTimeToLiveResponse describeTimeToLive(DescribeTimeToLiveRequest request) {
    throw new UnsupportedOperationException("DescribeTimeToLive is not implemented yet");
  }

  @Override
  public TagResourceResponse tagResource(TagResourceRequest request) {
    return tagResource.execute(request);
  }

  @Override
  public UntagResourceResponse untagResource(UntagResourceRequest request) {
    return untagResource.execute(request);
  }

  @Override
  public ListTagsOfResourceResponse listTagsOfResource(ListTagsOfResourceRequest request) {
    return listTagsOfResource.execute(request);
  }

  @Override
  public DescribeLimitsResponse describeLimits(DescribeLimitsRequest request) {
    return describeLimits.execute(request);
  }

  @Override
  public CreateBackupResponse createBackup(CreateBackupRequest request) {
    throw new UnsupportedOperationException("CreateBackup is not implemented yet");
  }

  @Override
  public DescribeBackupResponse describeBackup(DescribeBackupRequest request) {
    throw new UnsupportedOperationException("DescribeBackup is not implemented yet");
  }

  @Override
  public ListBackupsResponse listBackups(ListBackupsRequest request) {
    throw new UnsupportedOperationException("ListBackups is not implemented yet");
  }

  @Override
  public DeleteBackupResponse deleteBackup(DeleteBackupRequest request) {
    throw new UnsupportedOperationException("DeleteBackup is not implemented yet");
  }

  @Override
  public RestoreTableFromBackupResponse restoreTableFromBackup(RestoreTableFromBackupRequest request) {
    throw new UnsupportedOperationException("RestoreTableFromBackup is not implemented yet");
  }

  @Override
  public UpdateContinuousBackupsResponse updateContinuousBackups(UpdateContinuousBackupsRequest request) {
    throw new UnsupportedOperationException("UpdateContinuousBackups is not implemented yet");
  }

  @Override
  public DescribeContinuousBackupsResponse describeContinuousBackups(DescribeContinuousBackupsRequest request) {
    throw new UnsupportedOperationException("DescribeContinuousBackups is not implemented yet");
  }

  @Override
  public RestoreTableToPointInTimeResponse restoreTableToPointInTime(RestoreTableToPointInTimeRequest request) {
    throw new UnsupportedOperationException("RestoreTableToPointInTime is not implemented yet");
  }

  @Override
  public GetItemResponse getItem(GetItemRequest request) {
    return getItem.execute(request);
  }

  @Override
  public PutItemResponse putItem(PutItemRequest request) {
    return putItem.execute(request);
  }

  @Override
  public UpdateItemResponse updateItem(UpdateItemRequest request) {
    return updateItem.execute(request);
  }

  @Override
  public DeleteItemResponse deleteItem(DeleteItemRequest request) {
    return deleteItem.execute(request);
  }

  @Override
  public QueryResponse query(QueryRequest request) {
    return query.execute(request);
  }

  @Override
  public ScanResponse scan(ScanRequest request) {
    return scan.execute(request);
  }

  @Override
  public BatchGetItemResponse batchGetItem(BatchGetItemRequest request) {
    return batchGetItem.execute(request);
  }

  @Override
  public BatchWriteItemResponse batchWriteItem(BatchWriteItemRequest request) {
    return batchWriteItem.execute(request);
  }

  @Override
  public TransactGetItemsResponse transactGetItems(TransactGetItemsRequest request) {
    return transactGetItems.execute(request);
  }

  @Override
  public TransactWriteItemsResponse transactWriteItems(TransactWriteItemsRequest request) {
    return transactWriteItems.execute(request);
  }

  @Override
  public ExecuteStatementResponse executeStatement(ExecuteStatementRequest request) {
    throw new UnsupportedOperationException("ExecuteStatement is not implemented yet");
  }

  @Override
  public BatchExecuteStatementResponse batchExecuteStatement(BatchExecuteStatementRequest request) {
    throw new UnsupportedOperationException("BatchExecuteStatement is not implemented yet");
  }

  @Override
  public ExecuteTransactionResponse executeTransaction(ExecuteTransactionRequest request) {
    throw new UnsupportedOperationException("ExecuteTransaction is not implemented yet");
  }

  @Override
  public ListStreamsResponse listStreams(ListStreamsRequest request) {
    throw new UnsupportedOperationException("ListStreams is not implemented yet");
  }

  @Override
  public DescribeStreamResponse describeStream(DescribeStreamRequest request) {
    throw new UnsupportedOperationException("DescribeStream is not implemented yet");
  }

  @Override
  public GetShardIteratorResponse getShardIterator(GetShardIteratorRequest request) {
    throw new UnsupportedOperationException("GetShardIterator is not implemented yet");
  }

  @Override
  public GetRecordsResponse getRecords(GetRecordsRequest request) {
    throw new UnsupportedOperationException("GetRecords is not implemented yet");
  }


}
