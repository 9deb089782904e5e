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
  // Streams, TTL, backups, point-in-time recovery
  private final UpdateTimeToLiveOperation updateTimeToLive;
  private final DescribeTimeToLiveOperation describeTimeToLive;
  private final CreateBackupOperation createBackup;
  private final DescribeBackupOperation describeBackup;
  private final ListBackupsOperation listBackups;
  private final DeleteBackupOperation deleteBackup;
  private final RestoreTableFromBackupOperation restoreTableFromBackup;
  private final UpdateContinuousBackupsOperation updateContinuousBackups;
  private final DescribeContinuousBackupsOperation describeContinuousBackups;
  private final RestoreTableToPointInTimeOperation restoreTableToPointInTime;
  private final ListStreamsOperation listStreams;
  private final DescribeStreamOperation describeStream;
  private final GetShardIteratorOperation getShardIterator;
  private final GetRecordsOperation getRecords;
  private final TransactWriteItemsOperation transactWriteItems;
  private final TransactGetItemsOperation transactGetItems;

  /** The operations of an engine over {@code storage}, with history and backups in memory. */
  public Operations(Storage storage, EngineConfig config) {
    this(new EngineContext(storage, config));
  }

  /** The operations of an engine over {@code storage}, with history in {@code journal} and backups in {@code backups}. */
  public Operations(Storage storage, io.dynamo4j.engine.journal.Journal journal, io.dynamo4j.engine.backup.BackupStore backups,
      EngineConfig config) {
    this(new EngineContext(storage, journal, backups, config));
  }

  private Operations(EngineContext context) {
    this.context = context;
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
    this.updateTimeToLive = new UpdateTimeToLiveOperation(context);
    this.describeTimeToLive = new DescribeTimeToLiveOperation(context);
    this.createBackup = new CreateBackupOperation(context);
    this.describeBackup = new DescribeBackupOperation(context);
    this.listBackups = new ListBackupsOperation(context);
    this.deleteBackup = new DeleteBackupOperation(context);
    this.restoreTableFromBackup = new RestoreTableFromBackupOperation(context);
    this.updateContinuousBackups = new UpdateContinuousBackupsOperation(context);
    this.describeContinuousBackups = new DescribeContinuousBackupsOperation(context);
    this.restoreTableToPointInTime = new RestoreTableToPointInTimeOperation(context);
    this.listStreams = new ListStreamsOperation(context);
    this.describeStream = new DescribeStreamOperation(context);
    this.getShardIterator = new GetShardIteratorOperation(context);
    this.getRecords = new GetRecordsOperation(context);
    this.transactWriteItems = new TransactWriteItemsOperation(context);
    this.transactGetItems = new TransactGetItemsOperation(context);
  }

  /** The shared context (for engine internals and tests). */
  public EngineContext context() {
    return context;
  }

  @Override
  public CreateTableResponse createTable(CreateTableRequest request) {
    try {
      return createTable.execute(request);
    } finally {
      context.controlPlaneChanged();
    }
  }

  @Override
  public UpdateTableResponse updateTable(UpdateTableRequest request) {
    try {
      return updateTable.execute(request);
    } finally {
      context.controlPlaneChanged();
    }
  }

  @Override
  public DeleteTableResponse deleteTable(DeleteTableRequest request) {
    try {
      return deleteTable.execute(request);
    } finally {
      context.controlPlaneChanged();
    }
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
    try {
      return updateTimeToLive.execute(request);
    } finally {
      context.controlPlaneChanged();
    }
  }

  @Override
  public DescribeTimeToLiveResponse describeTimeToLive(DescribeTimeToLiveRequest request) {
    return describeTimeToLive.execute(request);
  }

  @Override
  public TagResourceResponse tagResource(TagResourceRequest request) {
    try {
      return tagResource.execute(request);
    } finally {
      context.controlPlaneChanged();
    }
  }

  @Override
  public UntagResourceResponse untagResource(UntagResourceRequest request) {
    try {
      return untagResource.execute(request);
    } finally {
      context.controlPlaneChanged();
    }
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
    try {
      return createBackup.execute(request);
    } finally {
      context.controlPlaneChanged();
    }
  }

  @Override
  public DescribeBackupResponse describeBackup(DescribeBackupRequest request) {
    return describeBackup.execute(request);
  }

  @Override
  public ListBackupsResponse listBackups(ListBackupsRequest request) {
    return listBackups.execute(request);
  }

  @Override
  public DeleteBackupResponse deleteBackup(DeleteBackupRequest request) {
    try {
      return deleteBackup.execute(request);
    } finally {
      context.controlPlaneChanged();
    }
  }

  @Override
  public RestoreTableFromBackupResponse restoreTableFromBackup(RestoreTableFromBackupRequest request) {
    try {
      return restoreTableFromBackup.execute(request);
    } finally {
      context.controlPlaneChanged();
    }
  }

  @Override
  public UpdateContinuousBackupsResponse updateContinuousBackups(UpdateContinuousBackupsRequest request) {
    try {
      return updateContinuousBackups.execute(request);
    } finally {
      context.controlPlaneChanged();
    }
  }

  @Override
  public DescribeContinuousBackupsResponse describeContinuousBackups(DescribeContinuousBackupsRequest request) {
    return describeContinuousBackups.execute(request);
  }

  @Override
  public RestoreTableToPointInTimeResponse restoreTableToPointInTime(RestoreTableToPointInTimeRequest request) {
    try {
      return restoreTableToPointInTime.execute(request);
    } finally {
      context.controlPlaneChanged();
    }
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
    return listStreams.execute(request);
  }

  @Override
  public DescribeStreamResponse describeStream(DescribeStreamRequest request) {
    return describeStream.execute(request);
  }

  @Override
  public GetShardIteratorResponse getShardIterator(GetShardIteratorRequest request) {
    return getShardIterator.execute(request);
  }

  @Override
  public GetRecordsResponse getRecords(GetRecordsRequest request) {
    return getRecords.execute(request);
  }


}
