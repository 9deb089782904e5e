package io.dynamo4j.engine.op;

import io.dynamo4j.api.ListTablesRequest;
import io.dynamo4j.api.ListTablesResponse;
import java.util.List;

/**
 * DynamoDB's ListTables: table names in ascending order after ExclusiveStartTableName, at most
 * Limit (default and maximum 100) of them, with LastEvaluatedTableName exactly when more remain.
 * Tables being created or deleted are listed until they are gone.
 *
 * <p>Thread-safe; a listing is weakly consistent with concurrent CreateTable and DeleteTable.
 */
final class ListTablesOperation {

  static final int MAX_LIMIT = 100;

  private final EngineContext context;

  ListTablesOperation(EngineContext context) {
    this.context = context;
  }

  ListTablesResponse execute(ListTablesRequest request) {
    RequestConstraints.check(request);
    int limit = request.limit() == null ? MAX_LIMIT : request.limit();
    List<String> names = TableLookup.namesAfter(context, request.exclusiveStartTableName(), limit);
    if (names.size() > limit) {
      List<String> page = names.subList(0, limit);
      return new ListTablesResponse(List.copyOf(page), page.get(limit - 1));
    }
    return new ListTablesResponse(names, null);
  }
}
