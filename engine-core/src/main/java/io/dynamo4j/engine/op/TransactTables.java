package io.dynamo4j.engine.op;

import io.dynamo4j.engine.table.Table;

/**
 * How transaction actions find their tables: a TableName may be a table's name or its ARN (the
 * model types it TableArn); either must name a table that serves requests, otherwise DynamoDB's
 * ResourceNotFoundException.
 *
 * <p>Stateless and thread-safe.
 */
final class TransactTables {

  private TransactTables() {}

  static Table find(EngineContext context, String nameOrArn) {
    String name = nameOrArn;
    if (nameOrArn.startsWith("arn:")) {
      String prefix = context.tableArn("");
      name = nameOrArn.startsWith(prefix) ? nameOrArn.substring(prefix.length()) : null;
      if (name == null || name.isEmpty() || name.contains("/")) {
        throw Errors.tableNotFound();
      }
    }
    return context.dataTable(name);
  }
}
