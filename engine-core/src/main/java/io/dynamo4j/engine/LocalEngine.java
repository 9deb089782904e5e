package io.dynamo4j.engine;

import io.dynamo4j.api.*;
import io.dynamo4j.engine.op.Operations;
import io.dynamo4j.engine.storage.Storage;
import io.dynamo4j.spi.Engine;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * DynamoDB, in process: DynamoDB's semantics over any {@link Storage}. The in-memory and persistent
 * engines are a {@code LocalEngine} over their storage; use their factories ({@code MemoryEngine.create()}).
 *
 * <p>Thread-safe: any number of threads may call any operation. {@link #close()} closes the storage.
 */
public final class LocalEngine implements Engine {

  private final Storage storage;
  private final Operations ops;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final Diagnostics diagnostics;

  private LocalEngine(Storage storage, EngineConfig config) {
    this.storage = storage;
    this.ops = new Operations(storage, config);
    this.diagnostics = new Diagnostics(ops.context());
  }

  /** An engine over {@code storage} with {@code config}. The engine owns the storage and closes it. */
  public static LocalEngine create(Storage storage, EngineConfig config) {
    return new LocalEngine(storage, config);
  }

  /** What the engine can show of its inner state: a table's partitions, an item collection's size. */
  public Diagnostics diagnostics() {
    return diagnostics;
  }

  /** The engine's internals, for engine implementations and tests in this project; not an API. */
  public Operations operations() {
    return ops;
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      storage.close();
    }
  }

  @Override
  public CreateTableResponse createTable(CreateTableRequest request) {
    return ops.createTable(request);
  }

  @Override
  public UpdateTableResponse updateTable(UpdateTableRequest request) {
    return ops.updateTable(request);
  }

  @Override
  public DeleteTableResponse deleteTable(DeleteTableRequest request) {
    return ops.deleteTable(request);
  }

  @Override
  public DescribeTableResponse describeTable(DescribeTableRequest request) {
    return ops.describeTable(request);
  }

  @Override
  public ListTablesResponse listTables(ListTablesRequest request) {
    return ops.listTables(request);
  }

  @Override
  public UpdateTimeToLiveResponse updateTimeToLive(UpdateTimeToLiveRequest request) {
    return ops.updateTimeToLive(request);
  }

  @Override
  public DescribeTimeToLiveResponse describeTimeToLive(DescribeTimeToLiveRequest request) {
    return ops.describeTimeToLive(request);
  }

  @Override
  public TagResourceResponse tagResource(TagResourceRequest request) {
    return ops.tagResource(request);
  }

  @Override
  public UntagResourceResponse untagResource(UntagResourceRequest request) {
    return ops.untagResource(request);
  }

  @Override
  public ListTagsOfResourceResponse listTagsOfResource(ListTagsOfResourceRequest request) {
    return ops.listTagsOfResource(request);
  }

  @Override
  public DescribeLimitsResponse describeLimits(DescribeLimitsRequest request) {
    return ops.describeLimits(request);
  }

  @Override
  public CreateBackupResponse createBackup(CreateBackupRequest request) {
    return ops.createBackup(request);
  }

  @Override
  public DescribeBackupResponse describeBackup(DescribeBackupRequest request) {
    return ops.describeBackup(request);
  }

  @Override
  public ListBackupsResponse listBackups(ListBackupsRequest request) {
    return ops.listBackups(request);
  }

  @Override
  public DeleteBackupResponse deleteBackup(DeleteBackupRequest request) {
    return ops.deleteBackup(request);
  }

  @Override
  public RestoreTableFromBackupResponse restoreTableFromBackup(RestoreTableFromBackupRequest request) {
    return ops.restoreTableFromBackup(request);
  }

  @Override
  public UpdateContinuousBackupsResponse updateContinuousBackups(UpdateContinuousBackupsRequest request) {
    return ops.updateContinuousBackups(request);
  }

  @Override
  public DescribeContinuousBackupsResponse describeContinuousBackups(DescribeContinuousBackupsRequest request) {
    return ops.describeContinuousBackups(request);
  }

  @Override
  public RestoreTableToPointInTimeResponse restoreTableToPointInTime(RestoreTableToPointInTimeRequest request) {
    return ops.restoreTableToPointInTime(request);
  }

  @Override
  public GetItemResponse getItem(GetItemRequest request) {
    return ops.getItem(request);
  }

  @Override
  public PutItemResponse putItem(PutItemRequest request) {
    return ops.putItem(request);
  }

  @Override
  public UpdateItemResponse updateItem(UpdateItemRequest request) {
    return ops.updateItem(request);
  }

  @Override
  public DeleteItemResponse deleteItem(DeleteItemRequest request) {
    return ops.deleteItem(request);
  }

  @Override
  public QueryResponse query(QueryRequest request) {
    return ops.query(request);
  }

  @Override
  public ScanResponse scan(ScanRequest request) {
    return ops.scan(request);
  }

  @Override
  public BatchGetItemResponse batchGetItem(BatchGetItemRequest request) {
    return ops.batchGetItem(request);
  }

  @Override
  public BatchWriteItemResponse batchWriteItem(BatchWriteItemRequest request) {
    return ops.batchWriteItem(request);
  }

  @Override
  public TransactGetItemsResponse transactGetItems(TransactGetItemsRequest request) {
    return ops.transactGetItems(request);
  }

  @Override
  public TransactWriteItemsResponse transactWriteItems(TransactWriteItemsRequest request) {
    return ops.transactWriteItems(request);
  }

  @Override
  public ExecuteStatementResponse executeStatement(ExecuteStatementRequest request) {
    return ops.executeStatement(request);
  }

  @Override
  public BatchExecuteStatementResponse batchExecuteStatement(BatchExecuteStatementRequest request) {
    return ops.batchExecuteStatement(request);
  }

  @Override
  public ExecuteTransactionResponse executeTransaction(ExecuteTransactionRequest request) {
    return ops.executeTransaction(request);
  }

  @Override
  public ListStreamsResponse listStreams(ListStreamsRequest request) {
    return ops.listStreams(request);
  }

  @Override
  public DescribeStreamResponse describeStream(DescribeStreamRequest request) {
    return ops.describeStream(request);
  }

  @Override
  public GetShardIteratorResponse getShardIterator(GetShardIteratorRequest request) {
    return ops.getShardIterator(request);
  }

  @Override
  public GetRecordsResponse getRecords(GetRecordsRequest request) {
    return ops.getRecords(request);
  }


}
