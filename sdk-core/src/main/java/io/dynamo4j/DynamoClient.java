package io.dynamo4j;

import io.dynamo4j.api.*;
import io.dynamo4j.error.DynamoException;
import io.dynamo4j.model.Item;
import io.dynamo4j.spi.Engine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The typed DynamoDB client: every operation of {@link DynamoOperations}, over any
 * {@link Engine} (in-memory, persistent or remote), with what an application needs on top:
 * retries with backoff, paginators, batch helpers and waiters.
 *
 * <pre>{@code
 * DynamoClient client = DynamoClient.create(engine);
 * client.putItem(r -> r.tableName("Orders").item(order));
 * for (Item line : client.queryPaginator(r -> r.tableName("Lines")
 *     .keyConditionExpression("orderId = :o")
 *     .expressionAttributeValues(Map.of(":o", AttributeValue.s("o-1")))).items()) { ... }
 * }</pre>
 *
 * <h2>Retries</h2>
 *
 * Every operation goes to the engine through one retry path: an attempt that fails with a
 * {@link DynamoException} the {@link RetryPolicy} retries is made again after a backoff with full
 * jitter, up to {@link RetryPolicy#maxAttempts()} attempts in all. Then the exception of the last
 * attempt is thrown, the very instance the engine threw, with the earlier attempts' exceptions
 * attached as {@linkplain Throwable#getSuppressed() suppressed}. Errors the policy does not
 * retry, and exceptions that are not {@code DynamoException}s, are thrown at once. If the thread
 * is interrupted during a backoff, the client stops, restores the interrupt flag, and throws the
 * last attempt's exception with the {@link InterruptedException} suppressed.
 *
 * <h2>Paginators, batch helpers, waiters</h2>
 *
 * {@link #queryPaginator}, {@link #scanPaginator}, {@link #listTablesPaginator},
 * {@link #listBackupsPaginator} and {@link #listStreamsPaginator} return {@link Pages}, which
 * fetch lazily. {@link #batchWriteItemAll} and {@link #batchGetItemAll} resend what DynamoDB
 * leaves unprocessed. {@link #waitUntilTableActive} and {@link #waitUntilTableDeleted} poll
 * {@code DescribeTable}. All of them call the operations of this client, so each call is retried.
 *
 * <h2>The engine</h2>
 *
 * The client does not own its engine: {@link #close()} leaves it open, and whoever created the
 * engine closes it, so several clients (with different configurations, say) can share one. A
 * client built with {@link Builder#ownsEngine(boolean) ownsEngine(true)} closes the engine in
 * {@code close()}.
 *
 * <p>Thread-safe: the client holds no mutable state, and engines are thread-safe, so one client
 * may serve every thread of an application (given a thread-safe {@link ClientConfig}, which the
 * default is).
 */
public final class DynamoClient implements DynamoOperations, AutoCloseable {

  private final Engine engine;
  private final ClientConfig config;
  private final boolean ownsEngine;

  private DynamoClient(Engine engine, ClientConfig config, boolean ownsEngine) {
    this.engine = engine;
    this.config = config;
    this.ownsEngine = ownsEngine;
  }

  /** A client over {@code engine} with {@link ClientConfig#defaults()}; it does not own the engine. */
  public static DynamoClient create(Engine engine) {
    return builder().engine(engine).build();
  }

  /** A builder: {@code DynamoClient.builder().engine(engine).config(config).build()}. */
  public static Builder builder() {
    return new Builder();
  }

  /** The engine the client calls. */
  public Engine engine() {
    return engine;
  }

  /** The client's configuration. */
  public ClientConfig config() {
    return config;
  }

  // ---------------------------------------------------------------- the retry path

  /**
   * Calls {@code engineCall} with {@code request} until it succeeds, fails with an error the
   * policy does not retry, or has been attempted {@code maxAttempts} times.
   */
  private <Q, R> R call(Operation operation, Q request, Function<Q, R> engineCall) {
    RetryPolicy policy = config.retryPolicy();
    List<DynamoException> failures = null;
    for (int attempt = 1; ; attempt++) {
      DynamoException failure;
      try {
        return engineCall.apply(request);
      } catch (DynamoException e) {
        failure = e;
      }
      if (attempt >= policy.maxAttempts() || !policy.shouldRetry(operation, failure)) {
        throw withEarlier(failure, failures);
      }
      if (failures == null) {
        failures = new ArrayList<>();
      }
      failures.add(failure);
      try {
        pause(attempt);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        failures.remove(failures.size() - 1);
        failure.addSuppressed(e);
        throw withEarlier(failure, failures);
      }
    }
  }

  /** {@code last}, with the distinct earlier failures attached as suppressed. */
  private static DynamoException withEarlier(DynamoException last, List<DynamoException> earlier) {
    if (earlier != null) {
      Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
      seen.add(last);
      Collections.addAll(seen, last.getSuppressed());
      for (DynamoException e : earlier) {
        if (seen.add(e)) {
          last.addSuppressed(e);
        }
      }
    }
    return last;
  }

  /**
   * Sleeps before retry (or batch round) {@code retry}, 1 for the first: a random duration in
   * {@code [0, min(maxDelay, baseDelay × 2^(retry-1))]}.
   */
  void pause(int retry) throws InterruptedException {
    long ceiling = config.retryPolicy().delayCeilingNanos(retry);
    long nanos = ceiling == 0 ? 0 : config.random().nextLong(ceiling + 1);
    config.sleeper().sleep(Duration.ofNanos(nanos));
  }

  // ---------------------------------------------------------------- operations

  /** DynamoDB's {@code CreateTable}, retried as the {@link RetryPolicy} says. */
  @Override
  public CreateTableResponse createTable(CreateTableRequest request) {
    return call(Operation.CREATE_TABLE, request, engine::createTable);
  }

  /** DynamoDB's {@code UpdateTable}, retried as the {@link RetryPolicy} says. */
  @Override
  public UpdateTableResponse updateTable(UpdateTableRequest request) {
    return call(Operation.UPDATE_TABLE, request, engine::updateTable);
  }

  /** DynamoDB's {@code DeleteTable}, retried as the {@link RetryPolicy} says. */
  @Override
  public DeleteTableResponse deleteTable(DeleteTableRequest request) {
    return call(Operation.DELETE_TABLE, request, engine::deleteTable);
  }

  /** DynamoDB's {@code DescribeTable}, retried as the {@link RetryPolicy} says. */
  @Override
  public DescribeTableResponse describeTable(DescribeTableRequest request) {
    return call(Operation.DESCRIBE_TABLE, request, engine::describeTable);
  }

  /** DynamoDB's {@code ListTables}, retried as the {@link RetryPolicy} says. */
  @Override
  public ListTablesResponse listTables(ListTablesRequest request) {
    return call(Operation.LIST_TABLES, request, engine::listTables);
  }

  /** DynamoDB's {@code UpdateTimeToLive}, retried as the {@link RetryPolicy} says. */
  @Override
  public UpdateTimeToLiveResponse updateTimeToLive(UpdateTimeToLiveRequest request) {
    return call(Operation.UPDATE_TIME_TO_LIVE, request, engine::updateTimeToLive);
  }

  /** DynamoDB's {@code DescribeTimeToLive}, retried as the {@link RetryPolicy} says. */
  @Override
  public DescribeTimeToLiveResponse describeTimeToLive(DescribeTimeToLiveRequest request) {
    return call(Operation.DESCRIBE_TIME_TO_LIVE, request, engine::describeTimeToLive);
  }

  /** DynamoDB's {@code TagResource}, retried as the {@link RetryPolicy} says. */
  @Override
  public TagResourceResponse tagResource(TagResourceRequest request) {
    return call(Operation.TAG_RESOURCE, request, engine::tagResource);
  }

  /** DynamoDB's {@code UntagResource}, retried as the {@link RetryPolicy} says. */
  @Override
  public UntagResourceResponse untagResource(UntagResourceRequest request) {
    return call(Operation.UNTAG_RESOURCE, request, engine::untagResource);
  }

  /** DynamoDB's {@code ListTagsOfResource}, retried as the {@link RetryPolicy} says. */
  @Override
  public ListTagsOfResourceResponse listTagsOfResource(ListTagsOfResourceRequest request) {
    return call(Operation.LIST_TAGS_OF_RESOURCE, request, engine::listTagsOfResource);
  }

  /** DynamoDB's {@code DescribeLimits}, retried as the {@link RetryPolicy} says. */
  @Override
  public DescribeLimitsResponse describeLimits(DescribeLimitsRequest request) {
    return call(Operation.DESCRIBE_LIMITS, request, engine::describeLimits);
  }

  /** DynamoDB's {@code CreateBackup}, retried as the {@link RetryPolicy} says. */
  @Override
  public CreateBackupResponse createBackup(CreateBackupRequest request) {
    return call(Operation.CREATE_BACKUP, request, engine::createBackup);
  }

  /** DynamoDB's {@code DescribeBackup}, retried as the {@link RetryPolicy} says. */
  @Override
  public DescribeBackupResponse describeBackup(DescribeBackupRequest request) {
    return call(Operation.DESCRIBE_BACKUP, request, engine::describeBackup);
  }

  /** DynamoDB's {@code ListBackups}, retried as the {@link RetryPolicy} says. */
  @Override
  public ListBackupsResponse listBackups(ListBackupsRequest request) {
    return call(Operation.LIST_BACKUPS, request, engine::listBackups);
  }

  /** DynamoDB's {@code DeleteBackup}, retried as the {@link RetryPolicy} says. */
  @Override
  public DeleteBackupResponse deleteBackup(DeleteBackupRequest request) {
    return call(Operation.DELETE_BACKUP, request, engine::deleteBackup);
  }

  /** DynamoDB's {@code RestoreTableFromBackup}, retried as the {@link RetryPolicy} says. */
  @Override
  public RestoreTableFromBackupResponse restoreTableFromBackup(RestoreTableFromBackupRequest request) {
    return call(Operation.RESTORE_TABLE_FROM_BACKUP, request, engine::restoreTableFromBackup);
  }

  /** DynamoDB's {@code UpdateContinuousBackups}, retried as the {@link RetryPolicy} says. */
  @Override
  public UpdateContinuousBackupsResponse updateContinuousBackups(UpdateContinuousBackupsRequest request) {
    return call(Operation.UPDATE_CONTINUOUS_BACKUPS, request, engine::updateContinuousBackups);
  }

  /** DynamoDB's {@code DescribeContinuousBackups}, retried as the {@link RetryPolicy} says. */
  @Override
  public DescribeContinuousBackupsResponse describeContinuousBackups(DescribeContinuousBackupsRequest request) {
    return call(Operation.DESCRIBE_CONTINUOUS_BACKUPS, request, engine::describeContinuousBackups);
  }

  /** DynamoDB's {@code RestoreTableToPointInTime}, retried as the {@link RetryPolicy} says. */
  @Override
  public RestoreTableToPointInTimeResponse restoreTableToPointInTime(RestoreTableToPointInTimeRequest request) {
    return call(Operation.RESTORE_TABLE_TO_POINT_IN_TIME, request, engine::restoreTableToPointInTime);
  }

  /** DynamoDB's {@code GetItem}, retried as the {@link RetryPolicy} says. */
  @Override
  public GetItemResponse getItem(GetItemRequest request) {
    return call(Operation.GET_ITEM, request, engine::getItem);
  }

  /** DynamoDB's {@code PutItem}, retried as the {@link RetryPolicy} says. */
  @Override
  public PutItemResponse putItem(PutItemRequest request) {
    return call(Operation.PUT_ITEM, request, engine::putItem);
  }

  /** DynamoDB's {@code UpdateItem}, retried as the {@link RetryPolicy} says. */
  @Override
  public UpdateItemResponse updateItem(UpdateItemRequest request) {
    return call(Operation.UPDATE_ITEM, request, engine::updateItem);
  }

  /** DynamoDB's {@code DeleteItem}, retried as the {@link RetryPolicy} says. */
  @Override
  public DeleteItemResponse deleteItem(DeleteItemRequest request) {
    return call(Operation.DELETE_ITEM, request, engine::deleteItem);
  }

  /** DynamoDB's {@code Query}, retried as the {@link RetryPolicy} says. */
  @Override
  public QueryResponse query(QueryRequest request) {
    return call(Operation.QUERY, request, engine::query);
  }

  /** DynamoDB's {@code Scan}, retried as the {@link RetryPolicy} says. */
  @Override
  public ScanResponse scan(ScanRequest request) {
    return call(Operation.SCAN, request, engine::scan);
  }

  /** DynamoDB's {@code BatchGetItem}, retried as the {@link RetryPolicy} says. */
  @Override
  public BatchGetItemResponse batchGetItem(BatchGetItemRequest request) {
    return call(Operation.BATCH_GET_ITEM, request, engine::batchGetItem);
  }

  /** DynamoDB's {@code BatchWriteItem}, retried as the {@link RetryPolicy} says. */
  @Override
  public BatchWriteItemResponse batchWriteItem(BatchWriteItemRequest request) {
    return call(Operation.BATCH_WRITE_ITEM, request, engine::batchWriteItem);
  }

  /** DynamoDB's {@code TransactGetItems}, retried as the {@link RetryPolicy} says. */
  @Override
  public TransactGetItemsResponse transactGetItems(TransactGetItemsRequest request) {
    return call(Operation.TRANSACT_GET_ITEMS, request, engine::transactGetItems);
  }

  /** DynamoDB's {@code TransactWriteItems}, retried as the {@link RetryPolicy} says. */
  @Override
  public TransactWriteItemsResponse transactWriteItems(TransactWriteItemsRequest request) {
    return call(Operation.TRANSACT_WRITE_ITEMS, request, engine::transactWriteItems);
  }

  /** DynamoDB's {@code ExecuteStatement}, retried as the {@link RetryPolicy} says. */
  @Override
  public ExecuteStatementResponse executeStatement(ExecuteStatementRequest request) {
    return call(Operation.EXECUTE_STATEMENT, request, engine::executeStatement);
  }

  /** DynamoDB's {@code BatchExecuteStatement}, retried as the {@link RetryPolicy} says. */
  @Override
  public BatchExecuteStatementResponse batchExecuteStatement(BatchExecuteStatementRequest request) {
    return call(Operation.BATCH_EXECUTE_STATEMENT, request, engine::batchExecuteStatement);
  }

  /** DynamoDB's {@code ExecuteTransaction}, retried as the {@link RetryPolicy} says. */
  @Override
  public ExecuteTransactionResponse executeTransaction(ExecuteTransactionRequest request) {
    return call(Operation.EXECUTE_TRANSACTION, request, engine::executeTransaction);
  }

  /** DynamoDB's {@code ListStreams}, retried as the {@link RetryPolicy} says. */
  @Override
  public ListStreamsResponse listStreams(ListStreamsRequest request) {
    return call(Operation.LIST_STREAMS, request, engine::listStreams);
  }

  /** DynamoDB's {@code DescribeStream}, retried as the {@link RetryPolicy} says. */
  @Override
  public DescribeStreamResponse describeStream(DescribeStreamRequest request) {
    return call(Operation.DESCRIBE_STREAM, request, engine::describeStream);
  }

  /** DynamoDB's {@code GetShardIterator}, retried as the {@link RetryPolicy} says. */
  @Override
  public GetShardIteratorResponse getShardIterator(GetShardIteratorRequest request) {
    return call(Operation.GET_SHARD_ITERATOR, request, engine::getShardIterator);
  }

  /** DynamoDB's {@code GetRecords}, retried as the {@link RetryPolicy} says. */
  @Override
  public GetRecordsResponse getRecords(GetRecordsRequest request) {
    return call(Operation.GET_RECORDS, request, engine::getRecords);
  }

  // ---------------------------------------------------------------- paginators

  /**
   * The pages of {@code request}'s Query, fetched lazily, each from the previous page's
   * {@code LastEvaluatedKey}; {@link Pages#items()} yields the items.
   */
  public Pages<QueryResponse, Item> queryPaginator(QueryRequest request) {
    return Pages.of(request, this::query,
        (q, r) -> isEmpty(r.lastEvaluatedKey()) ? null : q.toBuilder().exclusiveStartKey(r.lastEvaluatedKey()).build(),
        QueryResponse::items);
  }

  /** {@link #queryPaginator(QueryRequest)} with the request built by {@code request}. */
  public Pages<QueryResponse, Item> queryPaginator(Consumer<QueryRequest.Builder> request) {
    QueryRequest.Builder b = QueryRequest.builder();
    request.accept(b);
    return queryPaginator(b.build());
  }

  /**
   * The pages of {@code request}'s Scan (or of one segment of a parallel scan), fetched lazily,
   * each from the previous page's {@code LastEvaluatedKey}.
   */
  public Pages<ScanResponse, Item> scanPaginator(ScanRequest request) {
    return Pages.of(request, this::scan,
        (q, r) -> isEmpty(r.lastEvaluatedKey()) ? null : q.toBuilder().exclusiveStartKey(r.lastEvaluatedKey()).build(),
        ScanResponse::items);
  }

  /** {@link #scanPaginator(ScanRequest)} with the request built by {@code request}. */
  public Pages<ScanResponse, Item> scanPaginator(Consumer<ScanRequest.Builder> request) {
    ScanRequest.Builder b = ScanRequest.builder();
    request.accept(b);
    return scanPaginator(b.build());
  }

  /**
   * The pages of ListTables, fetched lazily, each from the previous page's
   * {@code LastEvaluatedTableName}; {@link Pages#items()} yields the table names.
   */
  public Pages<ListTablesResponse, String> listTablesPaginator(ListTablesRequest request) {
    return Pages.of(request, this::listTables,
        (q, r) -> isEmpty(r.lastEvaluatedTableName())
            ? null
            : q.toBuilder().exclusiveStartTableName(r.lastEvaluatedTableName()).build(),
        ListTablesResponse::tableNames);
  }

  /** {@link #listTablesPaginator(ListTablesRequest)} with the request built by {@code request}. */
  public Pages<ListTablesResponse, String> listTablesPaginator(Consumer<ListTablesRequest.Builder> request) {
    ListTablesRequest.Builder b = ListTablesRequest.builder();
    request.accept(b);
    return listTablesPaginator(b.build());
  }

  /** Every table, a page at a time: {@link #listTablesPaginator(ListTablesRequest)} with no parameter set. */
  public Pages<ListTablesResponse, String> listTablesPaginator() {
    return listTablesPaginator(ListTablesRequest.builder().build());
  }

  /**
   * The pages of ListBackups, fetched lazily, each from the previous page's
   * {@code LastEvaluatedBackupArn}; {@link Pages#items()} yields the backup summaries.
   */
  public Pages<ListBackupsResponse, BackupSummary> listBackupsPaginator(ListBackupsRequest request) {
    return Pages.of(request, this::listBackups,
        (q, r) -> isEmpty(r.lastEvaluatedBackupArn())
            ? null
            : q.toBuilder().exclusiveStartBackupArn(r.lastEvaluatedBackupArn()).build(),
        ListBackupsResponse::backupSummaries);
  }

  /** {@link #listBackupsPaginator(ListBackupsRequest)} with the request built by {@code request}. */
  public Pages<ListBackupsResponse, BackupSummary> listBackupsPaginator(Consumer<ListBackupsRequest.Builder> request) {
    ListBackupsRequest.Builder b = ListBackupsRequest.builder();
    request.accept(b);
    return listBackupsPaginator(b.build());
  }

  /**
   * The pages of ListStreams, fetched lazily, each from the previous page's
   * {@code LastEvaluatedStreamArn}; {@link Pages#items()} yields the streams.
   */
  public Pages<ListStreamsResponse, Stream> listStreamsPaginator(ListStreamsRequest request) {
    return Pages.of(request, this::listStreams,
        (q, r) -> isEmpty(r.lastEvaluatedStreamArn())
            ? null
            : q.toBuilder().exclusiveStartStreamArn(r.lastEvaluatedStreamArn()).build(),
        ListStreamsResponse::streams);
  }

  /** {@link #listStreamsPaginator(ListStreamsRequest)} with the request built by {@code request}. */
  public Pages<ListStreamsResponse, Stream> listStreamsPaginator(Consumer<ListStreamsRequest.Builder> request) {
    ListStreamsRequest.Builder b = ListStreamsRequest.builder();
    request.accept(b);
    return listStreamsPaginator(b.build());
  }

  private static boolean isEmpty(Map<?, ?> key) {
    return key == null || key.isEmpty();
  }

  private static boolean isEmpty(String key) {
    return key == null || key.isEmpty();
  }

  // ---------------------------------------------------------------- batch helpers

  /**
   * BatchWriteItem until every write request is processed: sends {@code request}, then resends
   * the response's {@code UnprocessedItems} (only those), with the retry policy's backoff before
   * each round, until none are left. At most {@link RetryPolicy#maxAttempts()} rounds are sent,
   * so with {@link RetryPolicy#none()} there is no resending. Each round is also retried on
   * errors, like every call.
   *
   * @return one response for the whole batch: empty {@code UnprocessedItems}, the
   *     {@code ItemCollectionMetrics} of every round, and {@code ConsumedCapacity} added up per
   *     table (absent if the request did not ask for it)
   * @throws BatchIncompleteException if write requests are still unprocessed after the last round
   *     (or the thread is interrupted between rounds); it carries them. Everything else was
   *     written.
   */
  public BatchWriteItemResponse batchWriteItemAll(BatchWriteItemRequest request) {
    return BatchRounds.writeAll(this, request);
  }

  /** {@link #batchWriteItemAll(BatchWriteItemRequest)} with the request built by {@code request}. */
  public BatchWriteItemResponse batchWriteItemAll(Consumer<BatchWriteItemRequest.Builder> request) {
    BatchWriteItemRequest.Builder b = BatchWriteItemRequest.builder();
    request.accept(b);
    return batchWriteItemAll(b.build());
  }

  /**
   * BatchGetItem until every key is read: sends {@code request}, then resends the response's
   * {@code UnprocessedKeys} (only those, with their projection and consistency as DynamoDB
   * returned them), with the retry policy's backoff before each round, until none are left. At
   * most {@link RetryPolicy#maxAttempts()} rounds are sent.
   *
   * @return one response for the whole batch: the {@code Responses} of every round, table by
   *     table in the order they arrived, empty {@code UnprocessedKeys}, and
   *     {@code ConsumedCapacity} added up per table (absent if the request did not ask for it)
   * @throws BatchIncompleteException if keys are still unprocessed after the last round (or the
   *     thread is interrupted between rounds); it carries them and the items read so far
   */
  public BatchGetItemResponse batchGetItemAll(BatchGetItemRequest request) {
    return BatchRounds.getAll(this, request);
  }

  /** {@link #batchGetItemAll(BatchGetItemRequest)} with the request built by {@code request}. */
  public BatchGetItemResponse batchGetItemAll(Consumer<BatchGetItemRequest.Builder> request) {
    BatchGetItemRequest.Builder b = BatchGetItemRequest.builder();
    request.accept(b);
    return batchGetItemAll(b.build());
  }

  // ---------------------------------------------------------------- waiters

  /**
   * Waits until table {@code tableName} is {@code ACTIVE} and so is each of its global secondary
   * indexes, polling {@code DescribeTable} every {@link ClientConfig#waitPollInterval()} for up to
   * {@link ClientConfig#waitTimeout()}. As with the AWS SDK's {@code tableExists} waiter, a
   * {@code ResourceNotFoundException} means "not yet" and polling goes on.
   *
   * @return the table's description from the poll that found it active
   * @throws WaitTimeoutException if the table is not active by the timeout
   * @throws java.util.concurrent.CancellationException if the thread is interrupted while
   *     waiting (the interrupt flag is restored)
   */
  public TableDescription waitUntilTableActive(String tableName) {
    return waitUntilTableActive(tableName, config.waitTimeout());
  }

  /**
   * {@link #waitUntilTableActive(String)} with its own timeout ({@link Duration#ZERO} polls
   * once).
   */
  public TableDescription waitUntilTableActive(String tableName, Duration timeout) {
    return TableWaiter.untilActive(this, tableName, checkTimeout(timeout, "wait timeout"));
  }

  /**
   * Waits until table {@code tableName} is gone: until {@code DescribeTable} throws
   * {@code ResourceNotFoundException}, polling every {@link ClientConfig#waitPollInterval()} for
   * up to {@link ClientConfig#waitTimeout()}. Returns at once for a table that does not exist.
   *
   * @throws WaitTimeoutException if the table still exists at the timeout
   * @throws java.util.concurrent.CancellationException if the thread is interrupted while
   *     waiting (the interrupt flag is restored)
   */
  public void waitUntilTableDeleted(String tableName) {
    waitUntilTableDeleted(tableName, config.waitTimeout());
  }

  /**
   * {@link #waitUntilTableDeleted(String)} with its own timeout ({@link Duration#ZERO} polls
   * once).
   */
  public void waitUntilTableDeleted(String tableName, Duration timeout) {
    TableWaiter.untilDeleted(this, tableName, checkTimeout(timeout, "wait timeout"));
  }

  static Duration checkTimeout(Duration timeout, String name) {
    Objects.requireNonNull(timeout, () -> name + " must not be null");
    if (timeout.isNegative()) {
      throw new IllegalArgumentException(name + " must be zero or more, but was " + timeout);
    }
    return timeout;
  }

  // ---------------------------------------------------------------- lifecycle

  /**
   * Closes the engine if this client owns it ({@link Builder#ownsEngine(boolean)}); otherwise
   * does nothing, and the client stays usable.
   */
  @Override
  public void close() {
    if (ownsEngine) {
      engine.close();
    }
  }

  @Override
  public String toString() {
    return "DynamoClient{engine=" + engine + ", " + config + (ownsEngine ? ", owns engine" : "") + "}";
  }

  /** Builds a {@link DynamoClient}. Not thread-safe. */
  public static final class Builder {
    private Engine engine;
    private ClientConfig config = ClientConfig.defaults();
    private boolean ownsEngine;

    private Builder() {}

    /** The engine to call; required. */
    public Builder engine(Engine engine) {
      this.engine = Objects.requireNonNull(engine, "DynamoClient engine must not be null");
      return this;
    }

    /** The configuration (default {@link ClientConfig#defaults()}). */
    public Builder config(ClientConfig config) {
      this.config = Objects.requireNonNull(config, "DynamoClient config must not be null");
      return this;
    }

    /** Sets the configuration to what {@code config} builds, starting from the defaults. */
    public Builder config(Consumer<ClientConfig.Builder> config) {
      ClientConfig.Builder b = ClientConfig.builder();
      config.accept(b);
      return config(b.build());
    }

    /**
     * Whether {@link DynamoClient#close()} closes the engine too (default false: the engine
     * belongs to whoever created it).
     */
    public Builder ownsEngine(boolean ownsEngine) {
      this.ownsEngine = ownsEngine;
      return this;
    }

    /**
     * The client.
     *
     * @throws IllegalStateException if no engine was set
     */
    public DynamoClient build() {
      if (engine == null) {
        throw new IllegalStateException(
            "DynamoClient needs an engine: call DynamoClient.builder().engine(engine) before build()");
      }
      return new DynamoClient(engine, config, ownsEngine);
    }
  }
}
