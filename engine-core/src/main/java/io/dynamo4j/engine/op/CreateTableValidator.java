package io.dynamo4j.engine.op;

import io.dynamo4j.api.AttributeDefinition;
import io.dynamo4j.api.CreateTableRequest;
import io.dynamo4j.api.KeySchemaElement;
import java.util.HashSet;
import java.util.Set;

/**
 * CreateTable's semantic checks, after the model constraints, in DynamoDB's order and with its
 * messages.
 *
 * <p>Stateless and thread-safe.
 */
final class CreateTableValidator {

  private CreateTableValidator() {}

  static void validate(CreateTableRequest r) {
    if (r.keySchema() == null || r.keySchema().isEmpty()) {
      throw Errors.validation("1 validation error detected: Value null at 'keySchema' failed to satisfy constraint: Member must not be null");
    }
    if (r.attributeDefinitions() == null) {
      throw Errors.validation("1 validation error detected: Value null at 'attributeDefinitions' failed to satisfy constraint: Member must not be null");
    }
    Set<String> defined = new HashSet<>();
    for (AttributeDefinition d : r.attributeDefinitions()) {
      defined.add(d.attributeName());
    }
    for (KeySchemaElement e : r.keySchema()) {
      if (!defined.contains(e.attributeName())) {
        throw Errors.validation("One or more parameter values were invalid: Some index key attributes are not defined in "
            + "AttributeDefinitions. Keys: [" + e.attributeName() + "], AttributeDefinitions: " + defined);
      }
    }
  }
}
