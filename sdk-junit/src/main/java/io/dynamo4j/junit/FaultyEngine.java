package io.dynamo4j.junit;

import io.dynamo4j.api.*;
import io.dynamo4j.engine.capacity.Throttle;
import io.dynamo4j.engine.op.Errors;
import io.dynamo4j.error.DynamoException;
import io.dynamo4j.error.InternalServerError;
import io.dynamo4j.error.ThrottlingException;
import io.dynamo4j.error.TransactionCanceledException;
import io.dynamo4j.spi.Engine;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * An {@link Engine} that passes every request to another after the {@link Faults} of a test had
 * their say: a fault that strikes fails the request before it reaches the engine (so it has no
 * effect), or delays it. Closing it leaves the engine underneath open: the extension owns that.
 * Thread-safe, as the engine and the faults are.
 */
final class FaultyEngine implements Engine {

  /** Real DynamoDB's text (reports of the service's 500s show it; DynamoDB Local never sends one). */
  static final String INTERNAL_SERVER_ERROR = "Internal server error";

  private static final Set<Operation> WRITES = EnumSet.of(Operation.PUT_ITEM, Operation.UPDATE_ITEM,
      Operation.DELETE_ITEM, Operation.BATCH_WRITE_ITEM, Operation.TRANSACT_WRITE_ITEMS, Operation.EXECUTE_STATEMENT,
      Operation.BATCH_EXECUTE_STATEMENT, Operation.EXECUTE_TRANSACTION);

  private final Engine engine;
  private final Faults faults;
  private final Consumer<List<String>> afterWrite;

  /**
   * {@code afterWrite} hears every write that reached the engine, with the tables it named (empty
   * if it named none, e.g. PartiQL): stream recorders read then.
   */
  FaultyEngine(Engine engine, Faults faults, Consumer<List<String>> afterWrite) {
    this.engine = engine;
    this.faults = faults;
    this.afterWrite = afterWrite;
  }

  Engine delegate() {
    return engine;
  }

  private <R> R call(Operation op, Object request, Supplier<R> action) {
    return call(op, request, null, action);
  }

  /**
   * Lets the faults strike, then runs {@code action}. For a batch ({@code unprocessed} not null), a
   * throttle does what DynamoDB does: the throttled tables' requests come back unprocessed, and
   * only if every table of the batch is throttled does the whole request fail.
   */
  private <R> R call(Operation op, Object request, Set<String> unprocessed, Supplier<R> action) {
    List<FaultRule> rules = faults.rules();
    List<String> tables = null;
    if (!rules.isEmpty()) {
      tables = RequestTables.of(request);
      for (FaultRule rule : rules) {
        if (rule.matches(op, tables) && rule.strikes()) {
          if (unprocessed != null && rule.type() == FaultType.THROTTLE) {
            unprocessed.addAll(rule.table() == null ? tables : List.of(rule.table()));
          } else {
            strike(rule, op, tables);
          }
        }
      }
      if (unprocessed != null && !unprocessed.isEmpty() && unprocessed.containsAll(tables)) {
        throw throttled(tables.isEmpty() ? null : tables.get(0));
      }
    }
    if (!WRITES.contains(op)) {
      return action.get();
    }
    try {
      return action.get();
    } finally {
      afterWrite.accept(tables != null ? tables : RequestTables.of(request));
    }
  }

  private void strike(FaultRule rule, Operation op, List<String> tables) {
    boolean transaction = op == Operation.TRANSACT_WRITE_ITEMS || op == Operation.TRANSACT_GET_ITEMS;
    switch (rule.type()) {
      case LATENCY -> sleep(rule);
      case INTERNAL_SERVER_ERROR -> throw new InternalServerError(INTERNAL_SERVER_ERROR);
      case TRANSACTION_CONFLICT -> {
        if (transaction) {
          throw canceled(tables, rule.table(), CancellationReason.builder().code("TransactionConflict")
              .message(Errors.transactionConflict().getMessage()).build());
        }
        throw Errors.transactionConflict();
      }
      case THROTTLE -> {
        String table = rule.table() != null ? rule.table() : tables.isEmpty() ? null : tables.get(0);
        DynamoException throttled = throttled(table);
        if (transaction) {
          String code = throttled instanceof ThrottlingException ? "ThrottlingError" : "ProvisionedThroughputExceeded";
          throw canceled(tables, rule.table(), CancellationReason.builder().code(code).message(throttled.getMessage()).build());
        }
        throw throttled;
      }
    }
  }

  /** Takes the throttled tables' entries out of a batch's {@code requestItems}; returns them. */
  private static <V> Map<String, V> hold(Map<String, V> requestItems, Set<String> throttled) {
    Map<String, V> held = new LinkedHashMap<>();
    for (String table : throttled) {
      V entry = requestItems.remove(table);
      if (entry != null) {
        held.put(table, entry);
      }
    }
    return held;
  }

  /** DynamoDB's throttling error for {@code table}'s billing mode. */
  private DynamoException throttled(String table) {
    return Errors.throttled(onDemand(table) ? Throttle.ON_DEMAND_TABLE : Throttle.TABLE);
  }

  /** A cancellation whose first action on {@code table} (or first action, for any table) has {@code reason}. */
  private static TransactionCanceledException canceled(List<String> actions, String table, CancellationReason reason) {
    CancellationReason none = CancellationReason.builder().code("None").build();
    List<CancellationReason> reasons = new ArrayList<>(actions.size());
    boolean given = false;
    for (String t : actions) {
      boolean hit = !given && (table == null || table.equals(t));
      reasons.add(hit ? reason : none);
      given |= hit;
    }
    return Errors.transactionCanceled(reasons);
  }

  /** Whether {@code table} bills per request (DynamoDB then throttles with ThrottlingException). */
  private boolean onDemand(String table) {
    if (table == null) {
      return false;
    }
    try {
      TableDescription d = engine.describeTable(r -> r.tableName(table)).table();
      return d.billingModeSummary() != null && d.billingModeSummary().billingMode() == BillingMode.PAY_PER_REQUEST;
    } catch (DynamoException e) {
      return false;
    }
  }

  private static void sleep(FaultRule rule) {
    try {
      Thread.sleep(rule.latency().toMillis(), rule.latency().toNanosPart() % 1_000_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Leaves the engine open: its owner closes it. */
  @Override
  public void close() {}

  @Override
  public CreateTableResponse createTable(CreateTableRequest request) {
    return call(Operation.CREATE_TABLE, request, () -> engine.createTable(request));
  }

  @Override
  public UpdateTableResponse updateTable(UpdateTableRequest request) {
    return call(Operation.UPDATE_TABLE, request, () -> engine.updateTable(request));
  }

  @Override
  public DeleteTableResponse deleteTable(DeleteTableRequest request) {
    return call(Operation.DELETE_TABLE, request, () -> engine.deleteTable(request));
  }

  @Override
  public DescribeTableResponse describeTable(DescribeTableRequest request) {
    return call(Operation.DESCRIBE_TABLE, request, () -> engine.describeTable(request));
  }

  @Override
  public ListTablesResponse listTables(ListTablesRequest request) {
    return call(Operation.LIST_TABLES, request, () -> engine.listTables(request));
  }

  @Override
  public UpdateTimeToLiveResponse updateTimeToLive(UpdateTimeToLiveRequest request) {
    return call(Operation.UPDATE_TIME_TO_LIVE, request, () -> engine.updateTimeToLive(request));
  }

  @Override
  public DescribeTimeToLiveResponse describeTimeToLive(DescribeTimeToLiveRequest request) {
    return call(Operation.DESCRIBE_TIME_TO_LIVE, request, () -> engine.describeTimeToLive(request));
  }

  @Override
  public TagResourceResponse tagResource(TagResourceRequest request) {
    return call(Operation.TAG_RESOURCE, request, () -> engine.tagResource(request));
  }

  @Override
  public UntagResourceResponse untagResource(UntagResourceRequest request) {
    return call(Operation.UNTAG_RESOURCE, request, () -> engine.untagResource(request));
  }

  @Override
  public ListTagsOfResourceResponse listTagsOfResource(ListTagsOfResourceRequest request) {
    return call(Operation.LIST_TAGS_OF_RESOURCE, request, () -> engine.listTagsOfResource(request));
  }

  @Override
  public DescribeLimitsResponse describeLimits(DescribeLimitsRequest request) {
    return call(Operation.DESCRIBE_LIMITS, request, () -> engine.describeLimits(request));
  }

  @Override
  public CreateBackupResponse createBackup(CreateBackupRequest request) {
    return call(Operation.CREATE_BACKUP, request, () -> engine.createBackup(request));
  }

  @Override
  public DescribeBackupResponse describeBackup(DescribeBackupRequest request) {
    return call(Operation.DESCRIBE_BACKUP, request, () -> engine.describeBackup(request));
  }

  @Override
  public ListBackupsResponse listBackups(ListBackupsRequest request) {
    return call(Operation.LIST_BACKUPS, request, () -> engine.listBackups(request));
  }

  @Override
  public DeleteBackupResponse deleteBackup(DeleteBackupRequest request) {
    return call(Operation.DELETE_BACKUP, request, () -> engine.deleteBackup(request));
  }

  @Override
  public RestoreTableFromBackupResponse restoreTableFromBackup(RestoreTableFromBackupRequest request) {
    return call(Operation.RESTORE_TABLE_FROM_BACKUP, request, () -> engine.restoreTableFromBackup(request));
  }

  @Override
  public UpdateContinuousBackupsResponse updateContinuousBackups(UpdateContinuousBackupsRequest request) {
    return call(Operation.UPDATE_CONTINUOUS_BACKUPS, request, () -> engine.updateContinuousBackups(request));
  }

  @Override
  public DescribeContinuousBackupsResponse describeContinuousBackups(DescribeContinuousBackupsRequest request) {
    return call(Operation.DESCRIBE_CONTINUOUS_BACKUPS, request, () -> engine.describeContinuousBackups(request));
  }

  @Override
  public RestoreTableToPointInTimeResponse restoreTableToPointInTime(RestoreTableToPointInTimeRequest request) {
    return call(Operation.RESTORE_TABLE_TO_POINT_IN_TIME, request, () -> engine.restoreTableToPointInTime(request));
  }

  @Override
  public GetItemResponse getItem(GetItemRequest request) {
    return call(Operation.GET_ITEM, request, () -> engine.getItem(request));
  }

  @Override
  public PutItemResponse putItem(PutItemRequest request) {
    return call(Operation.PUT_ITEM, request, () -> engine.putItem(request));
  }

  @Override
  public UpdateItemResponse updateItem(UpdateItemRequest request) {
    return call(Operation.UPDATE_ITEM, request, () -> engine.updateItem(request));
  }

  @Override
  public DeleteItemResponse deleteItem(DeleteItemRequest request) {
    return call(Operation.DELETE_ITEM, request, () -> engine.deleteItem(request));
  }

  @Override
  public QueryResponse query(QueryRequest request) {
    return call(Operation.QUERY, request, () -> engine.query(request));
  }

  @Override
  public ScanResponse scan(ScanRequest request) {
    return call(Operation.SCAN, request, () -> engine.scan(request));
  }

  @Override
  public BatchGetItemResponse batchGetItem(BatchGetItemRequest request) {
    Set<String> throttled = new HashSet<>();
    return call(Operation.BATCH_GET_ITEM, request, throttled, () -> {
      if (throttled.isEmpty()) {
        return engine.batchGetItem(request);
      }
      Map<String, KeysAndAttributes> sent = new LinkedHashMap<>(request.requestItems());
      Map<String, KeysAndAttributes> held = hold(sent, throttled);
      BatchGetItemResponse response = engine.batchGetItem(request.toBuilder().requestItems(sent).build());
      Map<String, KeysAndAttributes> unprocessed = new LinkedHashMap<>(response.unprocessedKeys());
      unprocessed.putAll(held);
      return response.toBuilder().unprocessedKeys(unprocessed).build();
    });
  }

  @Override
  public BatchWriteItemResponse batchWriteItem(BatchWriteItemRequest request) {
    Set<String> throttled = new HashSet<>();
    return call(Operation.BATCH_WRITE_ITEM, request, throttled, () -> {
      if (throttled.isEmpty()) {
        return engine.batchWriteItem(request);
      }
      Map<String, List<WriteRequest>> sent = new LinkedHashMap<>(request.requestItems());
      Map<String, List<WriteRequest>> held = hold(sent, throttled);
      BatchWriteItemResponse response = engine.batchWriteItem(request.toBuilder().requestItems(sent).build());
      Map<String, List<WriteRequest>> unprocessed = new LinkedHashMap<>(response.unprocessedItems());
      unprocessed.putAll(held);
      return response.toBuilder().unprocessedItems(unprocessed).build();
    });
  }

  @Override
  public TransactGetItemsResponse transactGetItems(TransactGetItemsRequest request) {
    return call(Operation.TRANSACT_GET_ITEMS, request, () -> engine.transactGetItems(request));
  }

  @Override
  public TransactWriteItemsResponse transactWriteItems(TransactWriteItemsRequest request) {
    return call(Operation.TRANSACT_WRITE_ITEMS, request, () -> engine.transactWriteItems(request));
  }

  @Override
  public ExecuteStatementResponse executeStatement(ExecuteStatementRequest request) {
    return call(Operation.EXECUTE_STATEMENT, request, () -> engine.executeStatement(request));
  }

  @Override
  public BatchExecuteStatementResponse batchExecuteStatement(BatchExecuteStatementRequest request) {
    return call(Operation.BATCH_EXECUTE_STATEMENT, request, () -> engine.batchExecuteStatement(request));
  }

  @Override
  public ExecuteTransactionResponse executeTransaction(ExecuteTransactionRequest request) {
    return call(Operation.EXECUTE_TRANSACTION, request, () -> engine.executeTransaction(request));
  }

  @Override
  public ListStreamsResponse listStreams(ListStreamsRequest request) {
    return call(Operation.LIST_STREAMS, request, () -> engine.listStreams(request));
  }

  @Override
  public DescribeStreamResponse describeStream(DescribeStreamRequest request) {
    return call(Operation.DESCRIBE_STREAM, request, () -> engine.describeStream(request));
  }

  @Override
  public GetShardIteratorResponse getShardIterator(GetShardIteratorRequest request) {
    return call(Operation.GET_SHARD_ITERATOR, request, () -> engine.getShardIterator(request));
  }

  @Override
  public GetRecordsResponse getRecords(GetRecordsRequest request) {
    return call(Operation.GET_RECORDS, request, () -> engine.getRecords(request));
  }
}
