package io.dynamo4j.engine.op;

import io.dynamo4j.api.BatchGetItemRequest;
import io.dynamo4j.api.KeysAndAttributes;
import io.dynamo4j.engine.expr.ExpressionInputs;
import io.dynamo4j.engine.expr.ExpressionSet;
import io.dynamo4j.engine.expr.Projection;
import io.dynamo4j.model.Item;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * BatchGetItem's checks that need no table: at most 100 keys over all tables (checked before the
 * model constraints, whose message would print every key); then the model constraints; then, table
 * by table, in DynamoDB's order: projection parameters not mixed, no key twice, and the projection
 * (ProjectionExpression or AttributesToGet) with its placeholders.
 *
 * <p>Stateless and thread-safe.
 */
final class BatchGetItemValidator {

  /** DynamoDB's limit on the keys of one BatchGetItem. */
  static final int MAX_KEYS = 100;

  private BatchGetItemValidator() {}

  /** Checks {@code request}; returns each table's projection (null: whole items), in request order. */
  static List<Projection> validate(BatchGetItemRequest request) {
    if (request.requestItems() != null) {
      int keys = 0;
      for (KeysAndAttributes table : request.requestItems().values()) {
        keys += table.keys() == null ? 0 : table.keys().size();
      }
      if (keys > MAX_KEYS) {
        throw Errors.batchGetTooManyKeys();
      }
    }
    RequestConstraints.check(request);
    List<Projection> projections = new ArrayList<>(request.requestItems().size());
    for (Map.Entry<String, KeysAndAttributes> entry : request.requestItems().entrySet()) {
      KeysAndAttributes table = entry.getValue();
      boolean expressions = table.projectionExpression() != null || table.attributesToGet() != null
          || table.expressionAttributeNames() != null;
      ExpressionInputs inputs = expressions ? ExpressionInputs.of(table) : null;
      if (inputs != null) {
        ExpressionSet.checkMixing(inputs);
      }
      Set<Item> seen = new HashSet<>();
      for (Item key : table.keys()) {
        if (!seen.add(key)) {
          throw Errors.batchDuplicateKeys();
        }
      }
      projections.add(inputs == null ? null : ExpressionSet.compile(inputs).projection());
    }
    return projections;
  }
}
