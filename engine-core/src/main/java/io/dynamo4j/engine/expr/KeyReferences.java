package io.dynamo4j.engine.expr;

import java.util.Collection;

/**
 * Finds, in text order, the first path of a condition that starts at a key attribute: the check
 * DynamoDB makes on Query filters. Stateless and thread-safe.
 */
final class KeyReferences {

  private KeyReferences() {}

  static void check(Resolved.Cond cond, Collection<String> keys, String parameter) {
    ConditionPaths.forEach(cond, path -> {
      if (keys.contains(path.top())) {
        if (path.size() > 1) {
          throw Errors.keyNotScalar(path.top());
        }
        throw Errors.filterOnKey(parameter, path.top());
      }
    });
  }
}
