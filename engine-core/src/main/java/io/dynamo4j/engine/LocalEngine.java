package io.dynamo4j.engine;

import io.dynamo4j.api.*;
import io.dynamo4j.engine.backup.BackupStore;
import io.dynamo4j.engine.journal.Journal;
import io.dynamo4j.engine.journal.JournalStatistics;
import io.dynamo4j.engine.op.Operations;
import io.dynamo4j.engine.storage.Storage;
import io.dynamo4j.engine.stream.Subscriber;
import io.dynamo4j.engine.stream.Subscription;
import io.dynamo4j.spi.Engine;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * DynamoDB, in process: DynamoDB's semantics over any {@link Storage}. The in-memory and persistent
 * engines are a {@code LocalEngine} over their storage; use their factories ({@code MemoryEngine.create()}).
 *
 * <p>Beyond DynamoDB's operations, an engine runs in-process stream consumers
 * ({@link #subscribe}), and lets a program (a test, typically) run the clock-driven background
 * work now rather than when the clock says: {@link #runDueWork()}, {@link #sweepExpiredItems()}.
 * On a {@link TestClock} the background work runs as the clock is moved.
 *
 * <p>Thread-safe: any number of threads may call any operation. {@link #close()} stops the
 * subscriptions and background work and closes the storage.
 */
public final class LocalEngine implements Engine {

  private final Storage storage;
  private final Operations ops;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final Diagnostics diagnostics;

  private LocalEngine(Storage storage, Operations ops) {
    this.storage = storage;
    this.ops = ops;
    this.diagnostics = new Diagnostics(ops.context());
  }

  /**
   * An engine over {@code storage} with {@code config}, keeping stream and point-in-time history
   * and backups in memory. The engine owns the storage and closes it.
   */
  public static LocalEngine create(Storage storage, EngineConfig config) {
    return new LocalEngine(storage, new Operations(storage, config));
  }

  /**
   * An engine over {@code storage} that keeps history in {@code journal} and backups in
   * {@code backups} (a persistent engine brings its own). The engine owns all three and closes them.
   */
  public static LocalEngine create(Storage storage, Journal journal, BackupStore backups, EngineConfig config) {
    return new LocalEngine(storage, new Operations(storage, journal, backups, config));
  }

  /**
   * Starts an in-process consumer of a table's stream (see {@link Subscriber} for what it is
   * promised). Throws IllegalArgumentException if the table has no enabled stream, and
   * IllegalStateException if a consumer of that name is already running on it.
   */
  public Subscription subscribe(Subscriber subscriber) {
    return ops.context().streams().subscribe(subscriber);
  }

  /**
   * Runs the background work that is due on the engine's clock now (TTL sweeps, stream trimming and
   * shard roll-over, history retention, backup expiry); returns how many tasks ran.
   */
  public int runDueWork() {
    return ops.context().scheduler().runDue();
  }

  /** Runs a TTL sweep now, whatever the sweep interval says; returns how many expired items it deleted. */
  public int sweepExpiredItems() {
    return ops.context().timeToLive().sweep();
  }

  /**
   * How much history (stream records and point-in-time recovery) the engine holds, against
   * {@link EngineConfig#historyMemoryLimit()}.
   */
  public JournalStatistics journalStatistics() {
    return ops.context().feed().journal().statistics();
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
      try {
        ops.context().close();
      } finally {
        storage.close();
      }
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
