package io.dynamo4j.engine.op;

import io.dynamo4j.api.ScanRequest;
import io.dynamo4j.api.ScanResponse;
import io.dynamo4j.engine.table.Table;
import io.dynamo4j.engine.table.TableDefinition;

/**
 * DynamoDB's Scan: a whole table or index, or one segment of it, in hash order, one page at a time
 * (see {@link PageReader} and, for segments, {@link ScanValidator}). Thread-safe; takes no lock.
 */
final class ScanOperation {

  private final EngineContext context;

  ScanOperation(EngineContext context) {
    this.context = context;
  }

  ScanResponse execute(ScanRequest request) {
    RequestConstraints.check(request);
    Table table = context.dataTable(request.tableName());
    TableDefinition definition = table.definition();
    PageReader.Page page = ReadThrottle.read(context, ScanValidator.validate(context, request, table, definition), false);
    return new ScanResponse(page.items(), page.count(), page.scannedCount(), page.lastEvaluatedKey(),
        page.consumedCapacity(request.returnConsumedCapacity()));
  }
}
